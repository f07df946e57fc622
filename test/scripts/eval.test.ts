/**
 * `npm run eval` on the shared corpus: its JSON summary is its last line, and the quality table of
 * README.md (which the site's /about/ page shows) says what it prints, so the two cannot drift apart.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseQualityTable } from "../../src/lib/extractionQuality.ts";

const exec = promisify(execFile);
const corpus = resolve(process.cwd(), "../shared/corpus");
const present = existsSync(join(corpus, "labels"));
if (!present) console.warn(`eval test skipped: ${corpus} is absent (the team's shared corpus)`);

/** Which README row speaks of which line of the eval, by the English name the row gives. */
const ROWS: Array<[RegExp, string]> = [
  [/document genre/, "documents.genre"],
  [/directives/, "directives"],
  [/people/, "people"],
  [/places/, "places"],
  [/risk-area/, "risk_areas"],
  [/case counts/, "cases"],
];

describe.skipIf(!present)("npm run eval", () => {
  it("ends with a JSON summary that the README's quality table repeats", async () => {
    const { stdout } = await exec(process.execPath, ["--experimental-strip-types", "--no-warnings", join(process.cwd(), "scripts/eval.ts")], { cwd: process.cwd() });
    const summary = JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, { precision: number; recall: number; f1: number }>;
    const table = parseQualityTable(readFileSync(join(process.cwd(), "README.md"), "utf8"));
    expect(table.length).toBe(ROWS.length);
    for (const row of table) {
      const key = ROWS.find(([pattern]) => pattern.test(row.dataset))?.[1];
      expect(key, row.dataset).toBeDefined();
      expect({ precision: row.precision, recall: row.recall, f1: row.f1 }, row.dataset).toEqual(summary[key!]);
    }
    // The floors on the development set.
    for (const key of ["directives", "people", "places"]) {
      expect(summary[key]!.precision, key).toBeGreaterThanOrEqual(0.85);
      expect(summary[key]!.recall, key).toBeGreaterThanOrEqual(0.85);
    }
    expect(summary.cases!.precision).toBeGreaterThanOrEqual(0.95);
    expect(summary.cases!.recall).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
