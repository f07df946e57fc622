/**
 * The `npm run data` command end to end: exit codes, the summary, atomic and deterministic output.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FILE_VERSIONS } from "../../src/build/stageCacheFiles.ts";

const exec = promisify(execFile);
const SCRIPT = join(process.cwd(), "scripts/build-data.ts");

async function buildData(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await exec(process.execPath, ["--experimental-strip-types", "--no-warnings", SCRIPT, "--today", "2026-11-26", ...args], {
      cwd: process.cwd(),
    });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(d, entry.name));
      else out.push(relative(dir, join(d, entry.name)));
    }
  };
  await walk(dir);
  return out.sort();
}

describe("npm run data", () => {
  it("gives byte-identical datasets on two runs, and a summary", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "tongbao-data-"));
    const first = await buildData(["--out", join(tmp, "a")]);
    const second = await buildData(["--out", join(tmp, "b")]);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stderr).toMatch(/^files read: \d+ \(\d+ reports, \d+ sidecars, \d+ tables\); documents published: \d+; reports rejected: \d+$/m);
    expect(first.stderr).toMatch(/^rows: documents \d+, districts 16, measure_categories \d+, directives \d+, measures \d+, people \d+, .*case_csv \d+$/m);
    const files = await listFiles(join(tmp, "a"));
    expect(files).toEqual(await listFiles(join(tmp, "b")));
    expect(files).toEqual(expect.arrayContaining(["build-report.json", "datapackage.json", "documents.csv", "documents.json", "text/004.txt"]));
    // The cache too, but for the writer's note of the text files it wrote, which holds their inodes and times.
    expect(files).toContain(FILE_VERSIONS);
    for (const file of files.filter((f) => f !== FILE_VERSIONS)) {
      expect(await readFile(join(tmp, "b", file)), file).toEqual(await readFile(join(tmp, "a", file)));
    }
  }, 60_000);

  it("fails with --strict when an input was rejected, and still writes the datasets", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "tongbao-data-"));
    const result = await buildData(["--strict", "--out", join(tmp, "out")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--strict: \d+ input files were rejected/);
    expect(await listFiles(join(tmp, "out"))).toContain("documents.json");
  }, 60_000);

  it("stops with status 2 on broken reference data and leaves the previous output untouched", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "tongbao-data-"));
    const out = join(tmp, "out");
    expect((await buildData(["--out", out])).code).toBe(0);
    const before = await readFile(join(out, "documents.json"));
    await cp(join(process.cwd(), "data/reference"), join(tmp, "reference"), { recursive: true });
    await writeFile(join(tmp, "reference/gazetteer.csv"), "level,code,name\ndistrict,x\n");
    const broken = await buildData(["--out", out, "--reference", join(tmp, "reference")]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/gazetteer\.csv:\d+/);
    expect(broken.stderr).toMatch(/reference data is invalid; nothing was written/);
    expect(await readFile(join(out, "documents.json"))).toEqual(before);
  }, 60_000);

  it("rejects unknown arguments with status 2", async () => {
    const result = await buildData(["--frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run data/);
  });
});
