/**
 * Run the whole pipeline in tests on files made in memory, with the repository's reference data.
 */
import { resolve } from "node:path";
import { loadReference } from "../../src/build/reference.ts";
import type { SourceFile } from "../../src/pipeline/records.ts";
import { runPipeline, type Reference, type RunResult } from "../../src/pipeline/run.ts";

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
export async function run(files: TestFile[], options: { orphanSidecars?: string[] } = {}): Promise<RunResult> {
  const dir = "data/raw/reports";
  const reports: SourceFile[] = files.map((f) => ({
    path: `${dir}/${f.name}`,
    bytes: f.bytes ?? new TextEncoder().encode(f.text ?? ""),
    sidecar: f.sidecar === undefined ? undefined : { path: `${dir}/${f.name.replace(/\.[^.]+$/, "")}.meta.yaml`, text: f.sidecar },
  }));
  return runPipeline(
    { reports, orphanSidecars: (options.orphanSidecars ?? []).map((name) => ({ path: `${dir}/${name}` })), unreadable: [] },
    await getReference(),
    { today: "2026-11-26" },
  );
}
