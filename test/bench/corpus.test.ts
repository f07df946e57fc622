/**
 * The benchmark corpus generator: deterministic for a seed, and every report it makes meets the fate it meant for it
 * when the real pipeline runs over it.
 */
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readInputs } from "../../src/build/inputs.ts";
import { loadReference } from "../../src/build/reference.ts";
import { runPipeline, type Reference } from "../../src/pipeline/run.ts";
import type { SourceFile } from "../../src/pipeline/records.ts";
import { sha256Hex } from "../../src/pipeline/documentId.ts";
import { generateCorpus, type Corpus, type CorpusTemplate } from "../../src/bench/corpus.ts";
import { getCorpusTemplates } from "../../src/bench/templates.ts";

const ROOT = process.cwd();
const TODAY = "2023-12-31";
let reference: Reference;
let templates: CorpusTemplate[];

beforeAll(async () => {
  reference = (await loadReference(ROOT, resolve(ROOT, "data/reference"))).value!;
  const samples = await readInputs(ROOT, resolve(ROOT, "data/raw/reports"));
  const run = runPipeline({ ...samples, caseCsv: [], riskAreaCsv: [] }, reference, { today: TODAY });
  templates = getCorpusTemplates(samples.reports, run.report);
});

/** The corpus's reports as the reader would give them, under `bench/`. */
function asSourceFiles(corpus: Corpus): SourceFile[] {
  const byPath = new Map(corpus.files.map((f) => [f.path, f]));
  return corpus.intended.map(({ path }) => {
    const sidecar = byPath.get(path.replace(/\.[a-z]+$/, ".meta.yaml"));
    return {
      path: `bench/${path}`,
      bytes: byPath.get(path)!.bytes,
      sidecar: sidecar === undefined ? undefined : { path: `bench/${sidecar.path}`, text: new TextDecoder().decode(sidecar.bytes) },
    };
  });
}

describe("getCorpusTemplates(reports, report)", () => {
  it("gives every sample with the errors that rejected it", () => {
    expect(templates.length).toBeGreaterThanOrEqual(36);
    const byPath = new Map(templates.map((t) => [t.file.path, t.rejectedFor]));
    expect(byPath.get("data/raw/reports/002.txt")).toEqual([]);
    expect(byPath.get("data/raw/reports/005.txt")).toEqual(["date-missing", "title-missing"]);
    expect(byPath.get("data/raw/reports/011.txt")).toEqual(["title-missing"]);
  });
});

describe("generateCorpus(templates, gazetteer, options)", () => {
  it("gives the same bytes for the same seed, and other bytes for another", () => {
    const a = generateCorpus(templates, reference.gazetteer, { n: 40, seed: 7 });
    const b = generateCorpus(templates, reference.gazetteer, { n: 40, seed: 7 });
    const c = generateCorpus(templates, reference.gazetteer, { n: 40, seed: 8 });
    const digest = (corpus: Corpus) => corpus.files.map((f) => `${f.path} ${sha256Hex(f.bytes)}`);
    expect(digest(a)).toEqual(digest(b));
    expect(a.intended).toEqual(b.intended);
    expect(digest(c)).not.toEqual(digest(a));
  });

  it("makes n reports, named in order, with no two alike, and a bigger corpus begins with the smaller one", () => {
    const corpus = generateCorpus(templates, reference.gazetteer, { n: 50, seed: 1 });
    const bigger = generateCorpus(templates, reference.gazetteer, { n: 51, seed: 1 });
    expect(corpus.intended).toHaveLength(50);
    expect(corpus.intended[0]!.path).toMatch(/^b00001-/);
    expect(corpus.intended[49]!.path).toMatch(/^b00050-/);
    const reports = corpus.files.filter((f) => !f.path.endsWith(".meta.yaml"));
    expect(reports).toHaveLength(50);
    expect(new Set(reports.map((f) => sha256Hex(f.bytes))).size).toBe(50);
    expect(bigger.intended.slice(0, 50)).toEqual(corpus.intended);
    expect(corpus.skipped).toEqual([]);
  });

  it("gives each report the fate it meant when the pipeline runs over the corpus", () => {
    const corpus = generateCorpus(templates, reference.gazetteer, { n: 120, seed: 3 });
    const run = runPipeline({ reports: asSourceFiles(corpus), orphanSidecars: [], unreadable: [], caseCsv: [], riskAreaCsv: [] }, reference, { today: TODAY });
    const entries = new Map(run.report.files.map((entry) => [entry.path, entry]));
    const found = corpus.intended.map((want) => {
      const entry = entries.get(`bench/${want.path}`)!;
      const codes = [...new Set(entry.issues.filter((i) => i.severity === "error").map((i) => i.code))].sort();
      return { path: want.path, template: want.template, status: entry.status, codes };
    });
    expect(found).toEqual(corpus.intended);
    const rejected = corpus.intended.filter((f) => f.status === "rejected");
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((f) => f.codes.length > 0)).toBe(true);
    expect(run.documents.length).toBe(120 - rejected.length);
    // The variation reaches the datasets: many districts and many days.
    const districts = new Set(run.documents.flatMap((d) => d.row.districts));
    const days = new Set(run.documents.map((d) => d.row.published_date).filter((d) => d !== null));
    expect(districts.size).toBeGreaterThanOrEqual(10);
    expect(days.size).toBeGreaterThanOrEqual(50);
  });

  it("gives an empty corpus for n = 0", () => {
    expect(generateCorpus(templates, reference.gazetteer, { n: 0, seed: 1 })).toEqual({ files: [], intended: [], skipped: [] });
  });
});
