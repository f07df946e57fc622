/**
 * `npm run bench` end to end on a tiny corpus without the site builds: the table on stdout and the JSON summary as
 * its last line. Times are never asserted (they belong to the bench), only the shape and that ratios are ratios.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const exec = promisify(execFile);

describe("npm run bench", () => {
  it("prints the table and ends with the JSON summary", async () => {
    const { stdout, stderr } = await exec(
      process.execPath,
      ["--experimental-strip-types", "--no-warnings", join(process.cwd(), "scripts/bench.ts"), "--n", "20", "--no-site"],
      { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stderr).toContain("bench: wrote 20 reports");
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toContain("| figure | measured | floor | × floor (wall; CPU) |");
    // How many are left lacking a title or date depends on the samples in data/raw/reports/: read it off the line.
    const corpus = /corpus: 20 reports \((\d+) published, (\d+) rejected as intended\)/.exec(stdout);
    expect(corpus).not.toBeNull();
    const [published, rejected] = [Number(corpus![1]), Number(corpus![2])];
    expect(published + rejected).toBe(20);
    expect(published).toBeGreaterThan(rejected);
    const summary = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual([
      "n", "published", "input_mb", "pipeline_mb_s", "pipeline_docs_s", "pipeline_floor_ratio", "pipeline_cpu_floor_ratio",
      "pipeline_warm_mb_s", "pipeline_warm_docs_s", "pipeline_warm_floor_ratio", "site_s", "site_pages", "site_pages_s",
      "site_floor_ratio", "site_cpu_floor_ratio", "site_report_floor_ratio", "peak_rss_mb", "site_tree_peak_rss_mb", "incremental_s", "incremental_analysed",
      "reference_edit_s", "reference_edit_analysed", "reference_edit_extracted", "data_mb", "cache_mb", "site_mb",
    ]);
    // The cache: adding one report analyses that one only; editing the measure categories re-analyses none.
    expect(summary.incremental_analysed).toBe(1);
    expect(summary.reference_edit_analysed).toBe(0);
    expect(summary.n).toBe(20);
    expect(summary.published).toBe(published);
    for (const key of ["pipeline_mb_s", "pipeline_floor_ratio", "pipeline_cpu_floor_ratio", "pipeline_warm_floor_ratio", "peak_rss_mb", "incremental_s", "data_mb", "cache_mb"]) {
      expect(summary[key], key).toBeTypeOf("number");
      expect(summary[key] as number, key).toBeGreaterThan(0);
    }
    expect([summary.site_pages_s, summary.site_floor_ratio, summary.site_cpu_floor_ratio, summary.site_tree_peak_rss_mb]).toEqual([null, null, null, null]);
  }, 120_000);

  it("refuses a count that is not one", async () => {
    const failed = await exec(process.execPath, ["--experimental-strip-types", "--no-warnings", join(process.cwd(), "scripts/bench.ts"), "--n", "many"], { cwd: process.cwd() }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('bench: --n is not a count: expected a whole number of reports of at least 1, found "many"');
  });
});
