/**
 * The pipeline through its per-document cache (issue 7), on the data the build ships (data/raw/ and
 * data/reference/) with a store in memory: the datasets are byte for byte those of a run without cache, a rebuild
 * computes nothing, and a change of reference data, of the build day or of the inputs recomputes what it touches.
 */
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../support/memoryCacheStore.ts";
import { loadShipped } from "../../support/pipeline.ts";
import type { CacheStore, ReferenceFingerprints, StageCache } from "../../../src/pipeline/cache/stageCache.ts";
import { DOCUMENT_STAGE } from "../../../src/pipeline/cache/stageCodecs.ts";
import { documentIdFor } from "../../../src/pipeline/documentId.ts";
import { emitDatasets } from "../../../src/pipeline/emit/datasets.ts";
import { extractDocument } from "../../../src/pipeline/extract/datasets.ts";
import { FIRST_DATE } from "../../../src/pipeline/parse/report.ts";
import type { SourceFile } from "../../../src/pipeline/records.ts";
import { runPipeline, type Reference, type RunInput, type RunResult } from "../../../src/pipeline/run.ts";

const TODAY = "2026-11-26";

/**
 * The shipped data run once without cache and once with an empty one; `entries` is the store as the first cached
 * run left it, copied by each test that starts from it.
 */
const baseline = (async () => {
  const shipped = await loadShipped();
  const plain = runPipeline(shipped.input, shipped.reference, { today: TODAY });
  const store = memoryStore();
  const first = runPipeline(shipped.input, shipped.reference, { today: TODAY, cache: cacheOf(store, shipped.fingerprints) });
  return { ...shipped, plain, first, entries: new Map(store.entries), firstWrites: store.writes };
})();

function cacheOf(store: CacheStore, fingerprints: ReferenceFingerprints): StageCache {
  return { store, codeVersion: "test-code", fingerprints };
}

/** The reports a cached run analyses through the cache: all but those with a correction (analysed anew each time). */
async function cachedReportCount(): Promise<number> {
  const { input } = await baseline;
  const corrected = new Set((input.corrections ?? []).filter((c) => c.dataset === "documents").map((c) => c.rowId));
  return input.reports.filter((r) => !corrected.has(documentIdFor(r.path))).length;
}

/** Run the shipped data again over a copy of the first cached run's store. */
async function rerun(options: { fingerprints?: Partial<Record<keyof Reference, string>>; today?: string; reference?: Reference; reports?: SourceFile[] } = {}) {
  const base = await baseline;
  const store = memoryStore(new Map(base.entries));
  const input = options.reports === undefined ? base.input : { ...base.input, reports: options.reports };
  const result = runPipeline(input, options.reference ?? base.reference, {
    today: options.today ?? TODAY,
    cache: cacheOf(store, { ...base.fingerprints, ...options.fingerprints }),
  });
  return { result, store };
}

/** Expect the emitted dataset files of two runs to be the same files with the same bytes. */
function expectSameFiles(actual: RunResult, expected: RunResult): void {
  const a = emitDatasets(actual);
  const b = emitDatasets(expected);
  expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
  for (const [i, file] of a.entries()) expect(file.content === b[i]!.content, `${file.path} differs`).toBe(true);
}

/** A small report that publishes, dated `date` (the shape of test/pipeline/run.test.ts's). */
function smallReport(name: string, date: string, extra = ""): SourceFile {
  const text = [
    "密云区:紧盯形势 狠抓落实",
    "来源:密云区文明办",
    `时间:${date}`,
    `连日来,密云区委书记余卫国主持召开疫情防控工作调度会。余卫国强调,要严格落实核酸检测和隔离管控措施。${extra}`,
  ].join("\n");
  return { path: `data/raw/reports/${name}`, bytes: new TextEncoder().encode(text) };
}

describe("runPipeline with a cache, on the shipped data", () => {
  it("computes everything on the first run, into datasets byte-identical to a run without cache", async () => {
    const { plain, first, input, entries, firstWrites } = await baseline;
    const analysed = await cachedReportCount();
    // 029 has a correction of its published_date in data/reference/corrections.csv: never cached.
    expect(analysed).toBeLessThan(input.reports.length);
    expect(analysed).toBeGreaterThan(30);
    expect(first.documents.length).toBeGreaterThan(20);
    expect(first.cache).toEqual({ analysis: { hits: 0, misses: analysed }, extraction: { hits: 0, misses: first.documents.length } });
    expect(plain.cache).toEqual({ analysis: { hits: 0, misses: 0 }, extraction: { hits: 0, misses: 0 } });
    const stages = [...entries.keys()].map((key) => key.split("/")[0]);
    expect(stages.filter((stage) => stage === "analysis")).toHaveLength(analysed);
    expect(stages.filter((stage) => stage === "extraction")).toHaveLength(first.documents.length);
    // One per document the analyses gave: the published ones, and those rejected after parsing.
    const stored = stages.filter((stage) => stage === DOCUMENT_STAGE).length;
    expect(stored).toBeGreaterThanOrEqual(first.documents.length);
    expect(stored).toBeLessThanOrEqual(analysed);
    expect(entries.size).toBe(analysed + stored + first.documents.length);
    expect(firstWrites).toBe(entries.size);
    expectSameFiles(first, plain);
  }, 60_000);

  it("computes nothing on a second run and writes no entry, with the same datasets", async () => {
    const { plain, first } = await baseline;
    const { result, store } = await rerun();
    expect(result.cache).toEqual({ analysis: { hits: await cachedReportCount(), misses: 0 }, extraction: { hits: first.documents.length, misses: 0 } });
    expect(store.writes).toBe(0);
    expectSameFiles(result, plain);
  }, 60_000);

  it("reads no stored document on a second run: the analyses and extractions carry what the datasets need", async () => {
    const { plain, entries, input, reference, fingerprints } = await baseline;
    // The shipped data has case conflicts, which name the line of a report: found without the report's document.
    expect(plain.issues.some((i) => i.code === "cases-conflict" || i.code === "cases-sum-mismatch")).toBe(true);
    const store = memoryStore(new Map(entries));
    const stagesRead: string[] = [];
    const counting: CacheStore = { ...store, read: (stage, key) => (stagesRead.push(stage), store.read(stage, key)) };
    const result = runPipeline(input, reference, { today: TODAY, cache: cacheOf(counting, fingerprints) });
    expect(new Set(stagesRead)).toEqual(new Set(["analysis", "extraction"]));
    expect(result.issues).toEqual(plain.issues);
    // The text files read their documents when they are made.
    expectSameFiles(result, plain);
  }, 60_000);

  it("analyses a report again whose stored document is gone", async () => {
    const { plain, entries, first, input, reference, fingerprints } = await baseline;
    const gone = [...entries.keys()].find((key) => key.startsWith(`${DOCUMENT_STAGE}/`))!;
    const store = memoryStore(new Map([...entries].filter(([key]) => key !== gone)));
    const result = runPipeline(input, reference, { today: TODAY, cache: cacheOf(store, fingerprints) });
    expect(result.cache.analysis).toEqual({ hits: (await cachedReportCount()) - 1, misses: 1 });
    expect(store.entries.has(gone)).toBe(true);
    expect(result.cache.extraction).toEqual({ hits: first.documents.length, misses: 0 });
    expectSameFiles(result, plain);
  }, 60_000);

  describe("a change of reference data", () => {
    it("of the measure categories reanalyses no report, and extracts again only the documents with directives", async () => {
      const { plain, first, reference } = await baseline;
      const { result } = await rerun({ fingerprints: { categories: "categories-changed" } });
      // The analysis (decode, clean, parse) reads the gazetteer, page chrome, outlets and genres, never the
      // categories. The extraction reads them in extractDirectives only, for each directive row it emits
      // (findCategories of the row's text): a document without a directive never read them, so its entry holds.
      // The measures dataset applies the categories again after the cache (aggregateMeasures), uncached.
      const withDirectives = first.documents.filter((d) => extractDocument(d.doc, reference).directives.length > 0).length;
      expect(withDirectives).toBeGreaterThan(0);
      expect(withDirectives).toBeLessThan(first.documents.length);
      expect(result.cache).toEqual({
        analysis: { hits: await cachedReportCount(), misses: 0 },
        extraction: { hits: first.documents.length - withDirectives, misses: withDirectives },
      });
      expectSameFiles(result, plain);
    }, 60_000);

    it("of the measure categories' keywords gives the datasets a run without cache gives on the new data", async () => {
      const { plain, reference, input } = await baseline;
      // 防控 occurs in most directives: adding it to the first category changes many rows' categories.
      const changed: Reference = { ...reference, categories: reference.categories.map((c, i) => (i === 0 ? { ...c, keywords: [...c.keywords, "防控"] } : c)) };
      const expected = runPipeline(input, changed, { today: TODAY });
      const { result } = await rerun({ reference: changed, fingerprints: { categories: "categories-with-防控" } });
      expectSameFiles(result, expected);
      // The change shows in the datasets: stale entries would have been caught.
      expect(emitDatasets(expected).find((f) => f.path === "directives.json")?.content).not.toBe(emitDatasets(plain).find((f) => f.path === "directives.json")?.content);
    }, 60_000);

    it("of the page chrome reanalyses every report, and keeps the extraction of each document that came out the same", async () => {
      const { plain, first } = await baseline;
      const { result } = await rerun({ fingerprints: { chrome: "chrome-changed" } });
      expect(result.cache).toEqual({ analysis: { hits: 0, misses: await cachedReportCount() }, extraction: { hits: first.documents.length, misses: 0 } });
      expectSameFiles(result, plain);
    }, 60_000);

    it("of the gazetteer recomputes everything", async () => {
      const { plain, first } = await baseline;
      const { result } = await rerun({ fingerprints: { gazetteer: "gazetteer-changed" } });
      expect(result.cache).toEqual({ analysis: { hits: 0, misses: await cachedReportCount() }, extraction: { hits: 0, misses: first.documents.length } });
      expectSameFiles(result, plain);
    }, 60_000);
  });

  describe("the build day", () => {
    it("later than the first run's uses every entry; earlier analyses every report again", async () => {
      const { plain, first } = await baseline;
      // No shipped report has a date out of range, so the datasets do not name the build day.
      expect(plain.issues.filter((i) => i.code === "date-out-of-range")).toEqual([]);
      const later = await rerun({ today: "2026-12-01" });
      expect(later.result.cache).toEqual({ analysis: { hits: await cachedReportCount(), misses: 0 }, extraction: { hits: first.documents.length, misses: 0 } });
      expectSameFiles(later.result, plain);
      const earlier = await rerun({ today: "2026-11-20" });
      expect(earlier.result.cache).toEqual({ analysis: { hits: 0, misses: await cachedReportCount() }, extraction: { hits: first.documents.length, misses: 0 } });
      expectSameFiles(earlier.result, plain);
    }, 60_000);

    it("reanalyses a report dated after the build day on each other day, its warning naming the new day", async () => {
      const { reference, fingerprints } = await baseline;
      const store = memoryStore();
      const build = (today: string) =>
        runPipeline({ reports: [smallReport("future.txt", "2030-01-05")], orphanSidecars: [], unreadable: [], caseCsv: [], riskAreaCsv: [] }, reference, {
          today,
          cache: cacheOf(store, fingerprints),
        });
      const warningOf = (result: RunResult) => result.issues.filter((i) => i.code === "date-out-of-range").map((i) => i.message);

      const first = build("2026-11-26");
      expect(first.cache.analysis).toEqual({ hits: 0, misses: 1 });
      expect(first.documents.map((d) => d.row.id)).toEqual(["future"]);
      expect(warningOf(first)).toEqual([`report published date is out of range: expected a date from ${FIRST_DATE} to 2026-11-26, found "2030-01-05"`]);
      const sameDay = build("2026-11-26");
      expect(sameDay.cache.analysis).toEqual({ hits: 1, misses: 0 });
      expect(warningOf(sameDay)).toEqual(warningOf(first));
      const nextDay = build("2026-11-27");
      expect(nextDay.cache.analysis).toEqual({ hits: 0, misses: 1 });
      expect(warningOf(nextDay)).toEqual([`report published date is out of range: expected a date from ${FIRST_DATE} to 2026-11-27, found "2030-01-05"`]);
      // The document is the same whatever the day: its extraction is kept.
      expect(nextDay.cache.extraction).toEqual({ hits: 1, misses: 0 });
      const dayBefore = build("2026-11-25");
      expect(dayBefore.cache.analysis).toEqual({ hits: 0, misses: 1 });
      expect(warningOf(dayBefore)[0]).toContain("to 2026-11-25,");
    });
  });

  describe("a change of the inputs", () => {
    it("adding one report computes that report only, into the datasets of a run without cache", async () => {
      const { input, first } = await baseline;
      const reports = [...input.reports, smallReport("900.txt", "2022-04-14")];
      const expected = runPipeline({ ...input, reports }, (await baseline).reference, { today: TODAY });
      const { result } = await rerun({ reports });
      expect(result.documents.map((d) => d.row.id)).toContain("900");
      expect(result.cache).toEqual({ analysis: { hits: await cachedReportCount(), misses: 1 }, extraction: { hits: first.documents.length, misses: 1 } });
      expectSameFiles(result, expected);
    }, 60_000);

    it("a report's bytes, path or sidecar are part of its key", async () => {
      const { reference, fingerprints } = await baseline;
      const store = memoryStore();
      const build = (report: SourceFile) =>
        runPipeline({ reports: [report], orphanSidecars: [], unreadable: [], caseCsv: [], riskAreaCsv: [] }, reference, { today: TODAY, cache: cacheOf(store, fingerprints) }).cache.analysis;
      const report = smallReport("901.txt", "2022-04-14");
      expect(build(report)).toEqual({ hits: 0, misses: 1 });
      expect(build(report)).toEqual({ hits: 1, misses: 0 });
      expect(build(smallReport("901.txt", "2022-04-14", "要坚持不懈。"))).toEqual({ hits: 0, misses: 1 });
      expect(build({ ...report, path: "data/raw/reports/902.txt" })).toEqual({ hits: 0, misses: 1 });
      const withSidecar = { ...report, sidecar: { path: "data/raw/reports/901.meta.yaml", text: "title: 密云区调度会\n" } };
      expect(build(withSidecar)).toEqual({ hits: 0, misses: 1 });
      expect(build({ ...withSidecar, sidecar: { ...withSidecar.sidecar, text: "title: 密云区疫情防控调度会\n" } })).toEqual({ hits: 0, misses: 1 });
      expect(build(withSidecar)).toEqual({ hits: 1, misses: 0 });
    });
  });
});
