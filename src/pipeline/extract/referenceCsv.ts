/**
 * Reading the hand-written reference CSVs of the extract stages (measure-categories.csv, speech-cues.csv):
 * rows keyed by header, each with its 1-based line, and `schema-invalid` issues at `path:line`.
 */
import Papa from "papaparse";
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";

/** One data row of a reference CSV: its fields by column name and its 1-based line in the file. */
export interface ReferenceRow {
  line: number;
  fields: Record<string, string>;
}

/** An issue `schema-invalid` (error) at `path:line`. */
export function referenceIssue(path: string, line: number, message: string, hint?: string): Issue {
  return { code: "schema-invalid", severity: "error", path, line, column: null, message, hint };
}

/**
 * Split `csvText` into rows with the columns `required` (and `optional`, when present in the header).
 * Fields never hold line breaks in these files, so the text is parsed line by line to keep line numbers exact;
 * blank lines are skipped. Returns `rows: null` with one issue when the header lacks a required column or has an
 * unknown one; a row with the wrong number of fields is left out with an issue. Never throws.
 */
export function readReferenceCsv(
  csvText: string,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): { rows: ReferenceRow[] | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const lines = csvText.replace(/^\uFEFF/, "").split("\n");
  let header: string[] | null = null;
  const rows: ReferenceRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.endsWith("\r") ? lines[i]!.slice(0, -1) : lines[i]!;
    if (raw.trim() === "") continue;
    const fields = Papa.parse<string[]>(raw, { header: false, delimiter: "," }).data[0] ?? [];
    if (header === null) {
      header = fields;
      const expected = [...required, ...optional];
      const missing = required.filter((c) => !fields.includes(c));
      const unknown = fields.filter((c) => !expected.includes(c));
      if (missing.length > 0 || unknown.length > 0) {
        issues.push(referenceIssue(path, i + 1, `header is not the expected one: expected columns ${expected.join(",")}, found ${quoteFound(fields.join(","), 80)}`));
        return { rows: null, issues };
      }
      continue;
    }
    if (fields.length !== header.length) {
      issues.push(referenceIssue(path, i + 1, `row has the wrong number of columns: expected ${header.length} (${header.join(",")}), found ${fields.length} in ${quoteFound(raw, 60)}`, "quote a field that holds a comma"));
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((name, k) => (record[name] = fields[k]!));
    rows.push({ line: i + 1, fields: record });
  }
  if (header === null) {
    issues.push(referenceIssue(path, 1, `header is missing: expected columns ${[...required, ...optional].join(",")}, found ""`));
    return { rows: null, issues };
  }
  return { rows, issues };
}
