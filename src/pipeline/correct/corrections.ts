/**
 * Corrections as data: data/reference/corrections.csv, one row per wrong value of a published dataset, with the
 * value it should have, why, where that comes from, and the day it was corrected. The pipeline applies them to the
 * datasets it builds (documents before extraction, other datasets after); the raw inputs and the archived
 * snapshots are never rewritten.
 *
 *   what,old_value,new_value,reason,source,date
 *   documents/029/published_date,2025-04-12,2022-11-27,论坛转帖的日期…,http://…,2026-11-26
 */
import type { Issue, IssueCode } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { checkCsvHeader, parseCsvRows } from "../parse/csvRows.ts";
import { isIsoDate } from "../parse/date.ts";
import { getCorrectionTargets } from "./correctionTargets.ts";

/** Columns of corrections.csv, in order. */
export const CORRECTION_COLUMNS = ["what", "old_value", "new_value", "reason", "source", "date"] as const;

/** One row of corrections.csv, checked on its own (the addressed value is checked when the build applies it). */
export interface Correction {
  /** `c001`…: c and the row's 1-based place among the file's corrections, three digits or more */
  id: string;
  /** repo-relative path of corrections.csv, for issues */
  path: string;
  /** 1-based line of the file the row starts on */
  line: number;
  /** `{dataset}/{row id}/{field}` as written */
  what: string;
  dataset: string;
  /** the row's id; may hold `/` (a case_csv row is `data/raw/cases/x.csv:12`) */
  rowId: string;
  field: string;
  /** the value the build must find, in its CSV form ("" = unknown now) */
  oldValue: string;
  /** the value to set, in its CSV form; null: the right value is unknown, the value is emptied */
  newValue: string | null;
  reason: string;
  source: string;
  /** YYYY-MM-DD: the day the correction was made */
  date: string;
}

/** An error at `path:line` with one of the permanent correction codes. */
export function correctionIssue(code: IssueCode, path: string, line: number, message: string, hint?: string): Issue {
  return { code, severity: "error", path, line, column: null, message, hint };
}

/**
 * Read corrections.csv. Each row is checked on its own: six columns; `what` of the form `{dataset}/{row id}/{field}`
 * naming a dataset and field that can be corrected (`correction-target-unknown`); a reason, a source and a date
 * that is a calendar day (`correction-invalid`); a new value that differs from the old one; one correction per
 * value. Whether the row and old value exist is checked when the build applies it (correctionApply.ts). A bad row
 * is left out with an error at `path:line`; the caller stops the build on any error. Never throws.
 */
export function parseCorrections(text: string, path: string): { value: Correction[]; issues: Issue[] } {
  const { rows, issues: csvIssues } = parseCsvRows(text, path);
  const issues: Issue[] = csvIssues.map((i) => ({ ...i, code: "correction-invalid" }));
  const header = checkCsvHeader(path, rows, CORRECTION_COLUMNS, "corrections");
  if (header) return { value: [], issues: [...issues, { ...header, code: "correction-invalid" }] };
  const targets = getCorrectionTargets();
  const value: Correction[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((row, index) => {
    const id = `c${String(index + 1).padStart(3, "0")}`;
    const bad = (code: IssueCode, message: string, hint?: string) => issues.push(correctionIssue(code, path, row.line, message, hint));
    if (row.fields.length !== CORRECTION_COLUMNS.length) {
      bad("correction-invalid", `correction has the wrong number of columns: expected ${CORRECTION_COLUMNS.length} (${CORRECTION_COLUMNS.join(",")}), found ${row.fields.length} in ${quoteFound(row.fields.join(","), 60)}`, "quote a value that holds a comma");
      return;
    }
    const [what, oldValue, newValue, reason, source, date] = row.fields.map((f) => f.trim()) as [string, string, string, string, string, string];
    const parts = what.split("/");
    if (parts.length < 3 || parts.some((p) => p === "")) {
      bad("correction-invalid", `correction target is not a value's address: expected {dataset}/{row id}/{field}, found ${quoteFound(what)}`, "e.g. documents/029/published_date");
      return;
    }
    const dataset = parts[0]!;
    const field = parts.at(-1)!;
    const rowId = parts.slice(1, -1).join("/");
    const target = targets.get(dataset);
    if (!target) {
      bad("correction-target-unknown", `correction names an unknown dataset: expected one of ${[...targets.keys()].join(", ")}, found ${quoteFound(dataset)}`);
      return;
    }
    if (!target.fields.includes(field)) {
      bad("correction-target-unknown", `correction names a field ${dataset} has not or that cannot be corrected: expected one of ${target.fields.join(", ")}, found ${quoteFound(field)}`);
      return;
    }
    if (!isIsoDate(date)) {
      bad("correction-invalid", `correction date is not a date: expected YYYY-MM-DD (the day the correction was made), found ${quoteFound(date)}`);
      return;
    }
    if (reason === "") {
      bad("correction-invalid", `correction has no reason: expected why the old value is wrong, found ""`);
      return;
    }
    if (source === "") {
      bad("correction-invalid", `correction has no source: expected a web address or a citation for the new value, found ""`);
      return;
    }
    if (newValue === oldValue) {
      bad("correction-invalid", `correction changes nothing: expected new_value to differ from old_value, found ${quoteFound(newValue)} in both`);
      return;
    }
    const earlier = seen.get(what);
    if (earlier !== undefined) {
      bad("correction-invalid", `value is corrected twice: expected one row per value, found ${quoteFound(what)} again (first on line ${earlier})`, "merge the two rows into one");
      return;
    }
    seen.set(what, row.line);
    value.push({ id, path, line: row.line, what, dataset, rowId, field, oldValue, newValue: newValue === "" ? null : newValue, reason, source, date });
  });
  return { value, issues };
}

/**
 * The corrections a build applies: all of them, or as of day `asOf` (a snapshot) those made on or before it; a
 * later correction is shown on the snapshot's page instead (src/lib/corrections.ts). Keeps the file order.
 */
export function selectCorrections(corrections: readonly Correction[], asOf?: string): Correction[] {
  return corrections.filter((c) => asOf === undefined || c.date <= asOf);
}
