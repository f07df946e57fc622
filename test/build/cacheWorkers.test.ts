/**
 * Filling the cache on worker threads before the run (src/build/cacheWorkers.ts): on the shipped data, two workers
 * warm a file cache, after which the run analyses and extracts nothing itself, and the datasets are byte for byte
 * those of a run without cache.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { warmCacheInParallel } from "../../src/build/cacheWorkers.ts";
import { openStageCache } from "../../src/build/stageCacheFiles.ts";
import { documentIdFor } from "../../src/pipeline/documentId.ts";
import { emitDatasets } from "../../src/pipeline/emit/datasets.ts";
import { getAnalysisKey, runPipeline } from "../../src/pipeline/run.ts";
import { loadShipped } from "../support/pipeline.ts";

const TODAY = "2026-11-26";
const root = process.cwd();
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

describe("warmCacheInParallel(options)", () => {
  it("fills the cache on two workers so that the run computes nothing, with the same datasets", async () => {
    const { input, fingerprints, reference } = await loadShipped();
    const corrections = input.corrections ?? [];
    const outDir = await mkdtemp(join(tmpdir(), "tongbao-cache-workers-"));
    folders.push(outDir);
    const correctedIds = corrections.filter((c) => c.dataset === "documents").map((c) => c.rowId);
    const progress: string[] = [];
    // Opened before the workers start and refreshed after, as scripts/build-data.ts does: the workers' packs are new.
    const cache = await openStageCache(root, outDir, fingerprints);
    const problems = await warmCacheInParallel({
      root,
      referenceDir: resolve(root, "data/reference"),
      outDir,
      today: TODAY,
      reports: input.reports,
      correctedIds,
      workers: 2,
      minReports: 2,
      onProgress: (done, total, path) => progress.push(`${done}/${total} ${path}`),
    });
    expect(problems).toEqual([]);
    // Every report was counted once, by one of the workers, in reports of progress that only go up.
    const counts = progress.map((line) => Number(line.split("/")[0]));
    expect(counts.every((count, i) => i === 0 || count > counts[i - 1]!)).toBe(true);
    expect(progress.length).toBeLessThanOrEqual(input.reports.length);
    expect(progress.at(-1)).toMatch(new RegExp(`^${input.reports.length}/${input.reports.length} `));

    expect(cache.store.has("analysis", getAnalysisKey(cache, input.reports[0]!))).toBe(false);
    cache.store.refresh();
    expect(cache.store.has("analysis", getAnalysisKey(cache, input.reports[0]!))).toBe(true);
    const cached = runPipeline(input, reference, { today: TODAY, cache });
    const plain = runPipeline(input, reference, { today: TODAY });
    // Every analysis the run takes through the cache was stored by a worker (the corrected report is analysed by the
    // run itself, outside the cache, by design); every published document's extraction too, but for the corrected
    // one, whose document the workers never saw.
    const corrected = input.reports.filter((r) => correctedIds.includes(documentIdFor(r.path))).length;
    expect(corrected).toBe(1);
    expect(cached.cache.analysis).toEqual({ hits: input.reports.length - corrected, misses: 0 });
    expect(cached.cache.extraction.hits + cached.cache.extraction.misses).toBe(plain.documents.length);
    expect(cached.cache.extraction.misses).toBeLessThanOrEqual(corrected);
    expect(emitDatasets(cached)).toEqual(emitDatasets(plain));
  }, 120_000);

  it("leaves a handful of reports to the run: no worker is started", async () => {
    const { input } = await loadShipped();
    const outDir = await mkdtemp(join(tmpdir(), "tongbao-cache-workers-"));
    folders.push(outDir);
    let reported = 0;
    const problems = await warmCacheInParallel({ root, referenceDir: resolve(root, "data/reference"), outDir, today: TODAY, reports: input.reports.slice(0, 5), correctedIds: [], onProgress: () => (reported += 1) });
    expect([problems, reported]).toEqual([[], 0]);
  });
});
