/**
 * What a correction may address: the datasets, their fields, how a row is named in `what`
 * (`{dataset}/{row id}/{field}`), and the CSV form a value is compared and written in.
 */
import { LIST_SEPARATOR } from "../emit/csv.ts";
import { SUPPLIED_FIELDS } from "../records.ts";
import { DATASETS } from "../validate/datasets.ts";

/** The dataset of the reports themselves: corrected before extraction, so that rows derived from them follow. */
export const DOCUMENTS = "documents";

/** A dataset whose values a correction may change. */
export interface CorrectionTarget {
  dataset: string;
  /** the fields that may be corrected, in the schema's order (never the column that names the row) */
  fields: readonly string[];
  /** the row id a correction names, e.g. `029-d001`, or `data/raw/cases/x.csv:12` for a row with no id column */
  getRowId: (row: Record<string, unknown>) => string;
}

/** A case_csv row has no id column: it is named by its file and line, `data/raw/cases/x.csv:12`. */
function getSourceLineId(row: Record<string, unknown>): string {
  return `${String(row.source_path)}:${String(row.source_line)}`;
}

/**
 * Every dataset a correction may address, by name: `documents` (the fields an editor may supply in a sidecar) and
 * each extracted dataset of DATASETS that names its rows (a primary key, or a source file and line). The
 * corrections dataset itself is not one of them.
 */
export function getCorrectionTargets(): ReadonlyMap<string, CorrectionTarget> {
  const targets = new Map<string, CorrectionTarget>();
  targets.set(DOCUMENTS, { dataset: DOCUMENTS, fields: SUPPLIED_FIELDS, getRowId: (row) => String(row.id) });
  for (const spec of DATASETS) {
    if (spec.name === "corrections") continue;
    const columns = Object.keys(spec.schema.shape);
    const key = "primaryKey" in spec ? spec.primaryKey : columns.includes("source_path") && columns.includes("source_line") ? null : undefined;
    if (key === undefined) continue;
    const fields = columns.filter((c) => c !== key && c !== "source_path" && c !== "source_line");
    targets.set(spec.name, { dataset: spec.name, fields, getRowId: key === null ? getSourceLineId : (row) => String(row[key]) });
  }
  return targets;
}

/**
 * A value as its dataset's CSV cell shows it, which is how corrections.csv writes old and new values: null and
 * absent → "", a list of text → `a; b`, other lists and records → JSON, numbers and booleans → their text.
 */
export function getCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(LIST_SEPARATOR);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The values a CSV cell `text` may stand for in a field whose current value is `current`, most likely first: the
 * schema decides which one fits. "" → null (unknown), then the empty text and the empty list; a list of text is
 * split at `;`; a number field reads a number; a field that is null now may hold text, a number or a list.
 */
export function getCellReadings(text: string, current: unknown): unknown[] {
  const list = text.split(/\s*;\s*/).filter((s) => s !== "");
  const number = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
  const json = readJson(text);
  if (text === "") return [null, "", []];
  if (Array.isArray(current)) return current.every((v) => typeof v === "string") ? [list] : json === undefined ? [] : [json];
  if (typeof current === "number") return number === undefined ? [text] : [number];
  if (typeof current === "boolean") return text === "true" ? [true] : text === "false" ? [false] : [text];
  if (typeof current === "object" && current !== null) return json === undefined ? [text] : [json];
  return [text, ...(number === undefined ? [] : [number]), list, ...(json === undefined ? [] : [json])];
}

function readJson(text: string): unknown {
  if (!/^[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: the text reading is tried, and the schema reports it when it does not fit.
    return undefined;
  }
}
