/**
 * The emitted datasets (data/build/, made by `npm run data`) indexed for briefing tests. Tests that use it skip
 * with a message when data/build/ is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { indexBriefingRows, type BriefingIndex, type BriefingRows } from "../../../src/lib/briefing/briefingData.ts";

const DIR = resolve(process.cwd(), "data/build");

/** True when data/build/ holds the datasets. */
export const hasDatasets = existsSync(resolve(DIR, "documents.json")) && existsSync(resolve(DIR, "risk_areas.json"));

/** Why tests skip without datasets. */
export const SKIP_MESSAGE = "data/build/ is absent: run `npm run data` first";

/** One dataset's rows as emitted. */
export function readDataset<T = unknown>(name: string): T[] {
  return JSON.parse(readFileSync(resolve(DIR, `${name}.json`), "utf8")) as T[];
}

let cached: { rows: BriefingRows; index: BriefingIndex } | undefined;

/** The rows and their index, loaded once per test file. */
export function getTestIndex(): { rows: BriefingRows; index: BriefingIndex } {
  if (cached) return cached;
  const rows: BriefingRows = {
    districts: readDataset("districts"),
    documents: readDataset("documents"),
    directives: readDataset("directives"),
    measures: readDataset("measures"),
    categories: readDataset("measure_categories"),
    riskAreas: readDataset("risk_areas"),
    caseTables: readDataset("case_csv"),
    caseReports: readDataset("cases"),
  };
  cached = { rows, index: indexBriefingRows(rows) };
  return cached;
}
