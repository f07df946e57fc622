/**
 * Run the whole pipeline in tests on files made in memory, with the repository's reference data.
 */
import { resolve } from "node:path";
import { loadCorrections, loadReference } from "../../src/build/reference.ts";
import { readCsvInputs, readInputs } from "../../src/build/inputs.ts";
import type { ReferenceFingerprints } from "../../src/pipeline/cache/stageCache.ts";
import { documentIdFor } from "../../src/pipeline/documentId.ts";
import type { CsvInput } from "../../src/pipeline/extract/datasets.ts";
import type { ParsedDoc, SourceFile } from "../../src/pipeline/records.ts";
import { analyzeReport, runPipeline, type Reference, type RunInput, type RunResult } from "../../src/pipeline/run.ts";

let reference: Promise<Reference> | undefined;

/** The parsed `data/reference/` folder, loaded once per test file. */
export function getReference(): Promise<Reference> {
  reference ??= loadReference(process.cwd(), resolve(process.cwd(), "data/reference")).then((r) => {
    if (r.value === null) throw new Error(`reference data has errors: ${r.issues.map((i) => i.message).join("; ")}`);
    return r.value;
  });
  return reference;
}

/** A report file for `run`: text is written as UTF-8 unless bytes are given. */
export interface TestFile {
  name: string;
  text?: string;
  bytes?: Uint8Array;
  sidecar?: string;
}

/** Run the pipeline on `files`, placed in data/raw/reports/, with a fixed build date. */
export async function run(
  files: TestFile[],
  options: { orphanSidecars?: string[]; caseCsv?: CsvInput[]; riskAreaCsv?: CsvInput[] } = {},
): Promise<RunResult> {
  const dir = "data/raw/reports";
  const reports: SourceFile[] = files.map((f) => ({
    path: `${dir}/${f.name}`,
    bytes: f.bytes ?? new TextEncoder().encode(f.text ?? ""),
    sidecar: f.sidecar === undefined ? undefined : { path: `${dir}/${f.name.replace(/\.[^.]+$/, "")}.meta.yaml`, text: f.sidecar },
  }));
  return runPipeline(
    {
      reports,
      orphanSidecars: (options.orphanSidecars ?? []).map((name) => ({ path: `${dir}/${name}` })),
      unreadable: [],
      caseCsv: options.caseCsv ?? [],
      riskAreaCsv: options.riskAreaCsv ?? [],
    },
    await getReference(),
    { today: "2026-11-26" },
  );
}

/**
 * The parsed document of any report file (absolute path), through the real decode, clean and parse
 * stages, also when the pipeline would reject it (no title, no date): for extraction tests on the
 * corpus. `path` is the repo-relative path to record (default: data/raw/reports/ + the file name).
 */
export async function analyzeFile(absolutePath: string, path?: string): Promise<ParsedDoc> {
  const { readFile } = await import("node:fs/promises");
  const { basename } = await import("node:path");
  const repoPath = path ?? `data/raw/reports/${basename(absolutePath)}`;
  const bytes = new Uint8Array(await readFile(absolutePath));
  const result = analyzeReport({ path: repoPath, bytes }, documentIdFor(repoPath), await getReference(), { today: "2026-11-26" });
  if (result.doc === null) throw new Error(`${absolutePath} does not decode or clean: ${result.issues.map((i) => i.message).join("; ")}`);
  return result.doc;
}

/**
 * What `npm run data` reads from the repository, read the same way: the reports, the CSV tables, the reference data
 * with its fingerprints (for the pipeline's cache), and the corrections.
 */
export async function loadShipped(): Promise<{ input: RunInput; reference: Reference; fingerprints: ReferenceFingerprints }> {
  const root = process.cwd();
  const loaded = await loadReference(root, resolve(root, "data/reference"));
  const corrections = await loadCorrections(root, resolve(root, "data/reference"));
  if (loaded.value === null || corrections.value === null) throw new Error("the reference data of the repository has errors");
  const reports = await readInputs(root, resolve(root, "data/raw/reports"));
  const cases = await readCsvInputs(root, resolve(root, "data/raw/cases"));
  const riskAreas = await readCsvInputs(root, resolve(root, "data/raw/risk-areas"));
  return {
    input: { ...reports, caseCsv: cases.files, riskAreaCsv: riskAreas.files, corrections: corrections.value },
    reference: loaded.value,
    fingerprints: loaded.fingerprints,
  };
}
