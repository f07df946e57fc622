/**
 * Applying corrections: to a report's document before extraction (as values an editor supplied, so that the
 * directives, measures and counts read from it follow), and to the rows of the other datasets after extraction.
 * Each correction is checked against what the build found: a row that does not exist
 * (`correction-target-unknown`), an old value that is not the current one (`correction-stale`: the input or the
 * pipeline changed since the correction was written), a new value the field's schema refuses (`correction-invalid`).
 */
import type { z } from "zod";
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { isIsoDate } from "../parse/date.ts";
import { isWebAddress } from "../parse/supplied.ts";
import { SUPPLIED_LIST_FIELDS, type ParsedDoc, type SuppliedField, type SuppliedFields } from "../records.ts";
import { correctionIssue, type Correction } from "./corrections.ts";
import { getCell, getCellReadings, type CorrectionTarget } from "./correctionTargets.ts";

/** A report analysed by decode → clean → parse, with `overrides` taking the place of supplied fields. */
export type AnalyzeWith = (overrides: SuppliedFields) => { doc: ParsedDoc | null; issues: Issue[] };

/** What a document correction's new value is checked against. */
export interface DocumentCorrectionContext {
  /** the official names of Beijing's districts */
  districts: readonly string[];
}

/** The outcome of applying corrections to one report or dataset. */
export interface CorrectionOutcome {
  /** the corrections applied, in file order */
  applied: Correction[];
  /** errors of corrections.csv: the caller stops the build on any */
  correctionIssues: Issue[];
}

const LIST_FIELDS: ReadonlySet<string> = new Set(SUPPLIED_LIST_FIELDS);

/**
 * Analyse a report with its corrections (`corrections`: those addressing this document, file order). The report
 * is analysed as it is; each correction's old value is compared with the field's value there (CSV form), and its
 * new value checked; then the report is analysed again with the good corrections' values as supplied fields (they
 * win over the sidecar), so the parse stage resolves relative dates against a corrected publication date. A
 * correction to unknown (new value null) empties the field after parsing; either way the field is listed in
 * `supplied` and loses its provenance. With no corrections, or none that fits, the first analysis is returned.
 */
export function analyzeCorrected(
  analyze: AnalyzeWith,
  corrections: readonly Correction[],
  ctx: DocumentCorrectionContext,
): { doc: ParsedDoc | null; issues: Issue[] } & CorrectionOutcome {
  const first = analyze({});
  if (corrections.length === 0) return { ...first, applied: [], correctionIssues: [] };
  const errors: Issue[] = [];
  const applied: Correction[] = [];
  for (const c of corrections) {
    if (first.doc === null) {
      errors.push(correctionIssue("correction-target-unknown", c.path, c.line, `correction names a report that could not be read: expected a readable report with id ${quoteFound(c.rowId)}, found none`, "fix the report's encoding first"));
      continue;
    }
    const current = getCell(first.doc[c.field as SuppliedField]);
    if (current !== c.oldValue) {
      errors.push(staleIssue(c, current));
      continue;
    }
    const problem = c.newValue === null ? null : checkDocumentValue(c.field, c.newValue, ctx);
    if (problem !== null) {
      errors.push(correctionIssue("correction-invalid", c.path, c.line, `new value does not fit documents.${c.field}: expected ${problem}, found ${quoteFound(c.newValue ?? "")}`));
      continue;
    }
    applied.push(c);
  }
  if (applied.length === 0) return { ...first, applied, correctionIssues: errors };
  const overrides: Record<string, unknown> = {};
  for (const c of applied) {
    if (c.newValue === null) continue;
    overrides[c.field] = LIST_FIELDS.has(c.field) ? splitList(c.newValue) : c.newValue;
  }
  const second = analyze(overrides as SuppliedFields);
  const doc = second.doc === null ? null : emptyUnknown(second.doc, applied.filter((c) => c.newValue === null).map((c) => c.field as SuppliedField));
  // The report's issues and the correction errors travel apart: the caller files the errors under corrections.csv.
  return { doc, issues: second.issues, applied, correctionIssues: errors };
}

/**
 * Apply the corrections of one extracted dataset (`target`) to `rows`, file order: each names a row by id; its old
 * value must be the row's (CSV form); its new value is read as the field's type and the corrected row must pass
 * `schema`. Returns the rows with corrected rows replaced (the input array is not changed), the corrections
 * applied, and an error for each that is not.
 */
export function correctRows(
  rows: ReadonlyArray<Record<string, unknown>>,
  corrections: readonly Correction[],
  target: CorrectionTarget,
  schema: z.ZodType,
): { rows: Array<Record<string, unknown>> } & CorrectionOutcome {
  const out = [...rows];
  const indexOf = new Map<string, number>();
  out.forEach((row, index) => indexOf.set(target.getRowId(row), index));
  const applied: Correction[] = [];
  const issues: Issue[] = [];
  for (const c of corrections) {
    const index = indexOf.get(c.rowId);
    if (index === undefined) {
      issues.push(correctionIssue("correction-target-unknown", c.path, c.line, `correction names an unknown row of ${c.dataset}: expected the id of a row this build made, found ${quoteFound(c.rowId)}`, "the row may have been renamed or left out: check the dataset and update the row id"));
      continue;
    }
    const row = out[index]!;
    const current = getCell(row[c.field]);
    if (current !== c.oldValue) {
      issues.push(staleIssue(c, current));
      continue;
    }
    const readings = getCellReadings(c.newValue ?? "", row[c.field]);
    const fitting = readings.find((value) => schema.safeParse({ ...row, [c.field]: value }).success);
    if (fitting === undefined) {
      const first = readings.length > 0 ? schema.safeParse({ ...row, [c.field]: readings[0] }) : null;
      const why = first && !first.success ? (first.error.issues[0]?.message ?? "a valid value") : "a valid value";
      issues.push(correctionIssue("correction-invalid", c.path, c.line, `new value does not fit ${c.dataset}.${c.field}: expected ${why}, found ${quoteFound(c.newValue ?? "")}`));
      continue;
    }
    out[index] = { ...row, [c.field]: fitting };
    applied.push(c);
  }
  return { rows: out, applied, correctionIssues: issues };
}

function staleIssue(c: Correction, current: string): Issue {
  return correctionIssue(
    "correction-stale",
    c.path,
    c.line,
    `correction is stale: expected old_value to be the current value ${quoteFound(current)} of ${c.what}, found ${quoteFound(c.oldValue)}`,
    "the value changed since the correction was written: check it, then update old_value or remove the row",
  );
}

/** What a supplied value of `field` must be, or null when `value` is one. */
function checkDocumentValue(field: string, value: string, ctx: DocumentCorrectionContext): string | null {
  if (field === "published_date" || field === "event_date") return isIsoDate(value) ? null : "a date YYYY-MM-DD";
  if (field === "url") return isWebAddress(value) ? null : "an address starting with http:// or https://";
  if (field === "districts") {
    const names = splitList(value);
    return names.length > 0 && names.every((n) => ctx.districts.includes(n)) ? null : `Beijing districts separated by "; " (${ctx.districts.slice(0, 2).join("; ")}, …)`;
  }
  if (LIST_FIELDS.has(field)) return splitList(value).length > 0 ? null : `names separated by "; "`;
  return null;
}

function splitList(value: string): string[] {
  return value.split(/\s*;\s*/).map((s) => s.trim()).filter((s) => s !== "");
}

/** `doc` with `fields` set to unknown (null, or an empty list), without provenance, and listed as supplied. */
function emptyUnknown(doc: ParsedDoc, fields: readonly SuppliedField[]): ParsedDoc {
  if (fields.length === 0) return doc;
  const next: ParsedDoc = { ...doc, provenance: { ...doc.provenance }, supplied: [...new Set([...doc.supplied, ...fields])].sort() };
  for (const field of fields) {
    (next as unknown as Record<string, unknown>)[field] = LIST_FIELDS.has(field) ? [] : null;
    if (field !== "url") delete next.provenance[field];
  }
  return next;
}
