/**
 * Turn a pipeline run into the files of the dataset folder (`data/build/`).
 */
import type { RunResult } from "../run.ts";
import { buildReportSchema, documentSchema } from "../validate/schemas.ts";
import { DATASETS } from "../validate/datasets.ts";
import { emitCsv } from "./csv.ts";
import { emitDataPackage } from "./datapackage.ts";
import { emitJson } from "./json.ts";

/** A file to write: path relative to the dataset folder, and its exact content. */
export interface EmittedFile {
  path: string;
  content: string;
}

/**
 * A file of `emitDatasetFiles`: its content, or for a report's text a function making it with the text's version
 * (the hash of the text), so that a writer that kept the file of the same version from the previous build need not
 * read the document (src/build/write.ts).
 */
export type DatasetFile = EmittedFile | { path: string; content: () => string; version: string };

/** Columns of documents.csv, in the schema's order. */
export const DOCUMENT_COLUMNS = Object.keys(documentSchema.shape);

/**
 * The dataset files of a run, sorted by path: `documents.json`, `documents.csv`, one
 * `text/{id}.txt` per document (its clean text, ending with a newline), `{name}.json` and
 * `{name}.csv` for every extracted dataset (see DATASETS), `build-report.json` and
 * `datapackage.json`. Same run, same bytes.
 */
export function emitDatasets(result: RunResult): EmittedFile[] {
  return [...emitDatasetFiles(result)].map((file) => (typeof file.content === "string" ? { path: file.path, content: file.content } : { path: file.path, content: file.content() }));
}

/**
 * The files of `emitDatasets`, in the same order, each made only when it is reached: a writer that writes each before
 * asking for the next holds one file's text at a time (at 10,000 reports the files are 156 MB of text, twice that in
 * memory). A report's text is made only when the writer calls for it.
 */
export function* emitDatasetFiles(result: RunResult): Generator<DatasetFile> {
  const rows = result.documents.map((d) => d.row);
  const files: Array<{ path: string; make: () => string; version?: string }> = [
    { path: "documents.json", make: () => emitJson(rows) },
    { path: "documents.csv", make: () => emitCsv(rows, DOCUMENT_COLUMNS) },
    { path: "build-report.json", make: () => emitJson(result.report) },
    {
      path: "datapackage.json",
      make: () =>
        emitJson(
          emitDataPackage([
            {
              name: "documents",
              path: "documents.csv",
              title: "报告 Documents",
              description: "One row per published report: its metadata, where each value came from, and the path of its clean text.",
              schema: documentSchema,
              primaryKey: "id",
            },
            {
              name: "documents-json",
              path: "documents.json",
              title: "报告 Documents (JSON)",
              description: "The documents table as JSON, with lists as arrays and garbled spans as records.",
              schema: documentSchema,
              primaryKey: "id",
            },
            ...DATASETS.flatMap((spec) => [
              { name: spec.name.replace(/_/g, "-"), path: `${spec.name}.csv`, title: spec.title, description: spec.description, schema: spec.schema, ...("primaryKey" in spec ? { primaryKey: spec.primaryKey } : {}) },
              {
                name: `${spec.name.replace(/_/g, "-")}-json`,
                path: `${spec.name}.json`,
                title: `${spec.title} (JSON)`,
                description: `${spec.description} As JSON, with lists as arrays and nested records as objects.`,
                schema: spec.schema,
                ...("primaryKey" in spec ? { primaryKey: spec.primaryKey } : {}),
              },
            ]),
            {
              name: "build-report",
              path: "build-report.json",
              title: "构建报告 Build report",
              description: "Every input file and its fate (published or rejected), with each issue found: code, severity, line, column and message.",
              schema: buildReportSchema,
            },
          ]),
        ),
    },
  ];
  for (const document of result.documents) files.push({ path: document.row.text_path, make: () => `${document.doc.text}\n`, version: document.textHash });
  for (const spec of DATASETS) {
    const rows = result.datasets[spec.name];
    files.push({ path: `${spec.name}.json`, make: () => emitJson(rows) });
    files.push({ path: `${spec.name}.csv`, make: () => emitCsv(rows, Object.keys(spec.schema.shape)) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, make, version } of files) yield version === undefined ? { path, content: make() } : { path, content: make, version };
}
