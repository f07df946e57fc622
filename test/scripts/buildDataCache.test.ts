/**
 * `npm run data` with its per-document cache (issue 7), in a throw-away copy of the project: a rebuild analyses no
 * report and writes the same datasets, a removed report's entries are pruned, and --no-cache leaves no cache.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_TS_FLAGS, REPO } from "../browser/support/builtSite.ts";
import { copyProject, type ProjectCopy } from "../browser/support/projectCopy.ts";
import { FILE_VERSIONS } from "../../src/build/stageCacheFiles.ts";
import { listCacheEntries } from "../support/cacheEntries.ts";

const exec = promisify(execFile);

/** The cache line of the summary: how many analyses and extractions were computed and reused, and entries pruned. */
const CACHE_LINE = /^cache \(data\/build\/cache\/\): reports analysed (\d+), reused (\d+); extractions computed (\d+), reused (\d+); (\d+) unused entries removed$/m;

let copy: ProjectCopy;

beforeAll(async () => {
  copy = await copyProject(REPO);
}, 120_000);

afterAll(async () => {
  await copy?.remove();
});

/** Runs scripts/build-data.ts in the copy; resolves with its exit code and stderr (never rejects on a non-zero exit). */
async function buildData(args: string[] = []): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await exec(process.execPath, [...NODE_TS_FLAGS, "scripts/build-data.ts", "--today", "2026-11-26", ...args], {
      cwd: copy.root,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CI: "" },
    });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stderr: e.stderr ?? "" };
  }
}

/** The numbers of the cache line of `stderr`. */
function cacheCounts(stderr: string): { analysed: number; reused: number; computed: number; extracted: number; removed: number } {
  const match = CACHE_LINE.exec(stderr);
  expect(match, stderr).not.toBeNull();
  const [analysed, reused, computed, extracted, removed] = match!.slice(1).map(Number) as [number, number, number, number, number];
  return { analysed, reused, computed, extracted, removed };
}

/**
 * The files of data/build/ (relative paths, sorted) with their bytes; `cache` separately, as a count of entries per
 * stage (by the packs' index lines), and whether the writer's versions of the text files are there.
 */
async function readBuild(): Promise<{ files: Map<string, Buffer>; cacheEntries: number; stages: Record<string, number>; versions: boolean }> {
  const dir = join(copy.root, "data/build");
  const files = new Map<string, Buffer>();
  let versions = false;
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, entry.name);
      const path = relative(dir, full);
      if (entry.isDirectory()) await walk(full);
      else if (path === FILE_VERSIONS) versions = true;
      else if (!path.startsWith("cache/")) files.set(path, await readFile(full));
    }
  };
  await walk(dir);
  const entries = await listCacheEntries(join(dir, "cache"));
  const stages: Record<string, number> = {};
  for (const entry of entries) {
    const stage = entry.split(" ")[0]!;
    stages[stage] = (stages[stage] ?? 0) + 1;
  }
  return { files, cacheEntries: entries.length, stages, versions };
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [path, bytes] of actual) expect(bytes.equals(expected.get(path)!), `${path} differs`).toBe(true);
}

// The runs build on one another in the one copy: vitest runs the tests of a file in order.
describe("npm run data with the cache", () => {
  let firstCounts: ReturnType<typeof cacheCounts>;
  let firstBuild: Awaited<ReturnType<typeof readBuild>>;
  let thirdBuild: Awaited<ReturnType<typeof readBuild>>;

  it("computes every report on the first run, and analyses none on a rebuild, writing the same datasets", async () => {
    const first = await buildData();
    expect(first.code, first.stderr).toBe(0);
    firstCounts = cacheCounts(first.stderr);
    expect(firstCounts).toMatchObject({ reused: 0, extracted: 0, removed: 0 });
    expect(firstCounts.analysed).toBeGreaterThan(30);
    expect(firstCounts.computed).toBeGreaterThan(20);
    firstBuild = await readBuild();
    expect(firstBuild.files.has("documents.json")).toBe(true);
    // An analysis per report, a document per analysis that gave one (the published and some rejected), an extraction
    // per published document.
    expect(firstBuild.stages.analysis).toBe(firstCounts.analysed);
    expect(firstBuild.stages.extraction).toBe(firstCounts.computed);
    expect(firstBuild.stages.document).toBeGreaterThanOrEqual(firstCounts.computed);
    expect(firstBuild.stages.document).toBeLessThanOrEqual(firstCounts.analysed);
    expect(firstBuild.cacheEntries).toBe(firstCounts.analysed + firstBuild.stages.document! + firstCounts.computed);
    expect(firstBuild.versions).toBe(true);

    const second = await buildData();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/reports analysed 0,/);
    expect(cacheCounts(second.stderr)).toEqual({ analysed: 0, reused: firstCounts.analysed, computed: 0, extracted: firstCounts.computed, removed: 0 });
    const secondBuild = await readBuild();
    expectSameFiles(secondBuild.files, firstBuild.files);
    expect(secondBuild.cacheEntries).toBe(firstBuild.cacheEntries);
  }, 120_000);

  it("removes the entries of a report removed from the inputs", async () => {
    // 004.txt is published and has no sidecar: its analysis, its document and its extraction are no longer used.
    expect(JSON.parse(firstBuild.files.get("documents.json")!.toString("utf8")).map((d: { id: string }) => d.id)).toContain("004");
    await rm(join(copy.root, "data/raw/reports/004.txt"));
    const third = await buildData();
    expect(third.code, third.stderr).toBe(0);
    expect(cacheCounts(third.stderr)).toEqual({ analysed: 0, reused: firstCounts.analysed - 1, computed: 0, extracted: firstCounts.computed - 1, removed: 3 });
    thirdBuild = await readBuild();
    expect(thirdBuild.cacheEntries).toBe(firstBuild.cacheEntries - 3);
    expect(thirdBuild.files.get("documents.json")!.equals(firstBuild.files.get("documents.json")!)).toBe(false);
  }, 120_000);

  it("with --no-cache, writes the same datasets and leaves no cache folder", async () => {
    const fourth = await buildData(["--no-cache"]);
    expect(fourth.code, fourth.stderr).toBe(0);
    expect(fourth.stderr).not.toMatch(/^cache /m);
    expect(existsSync(join(copy.root, "data/build/cache"))).toBe(false);
    const fourthBuild = await readBuild();
    expect(fourthBuild.cacheEntries).toBe(0);
    expect(fourthBuild.versions).toBe(false);
    expectSameFiles(fourthBuild.files, thirdBuild.files);
  }, 120_000);
});
