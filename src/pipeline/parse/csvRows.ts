/**
 * CSV records of the parse stage's reference files (gazetteer.csv, district-aliases.csv, outlets.csv),
 * each with the line it starts on, so that issues point at `path:line` even when an editor's reason
 * text holds a quoted line break.
 */
import Papa from "papaparse";
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";

/** One record of a CSV file. */
export interface CsvRow {
  /** 1-based line of the file the record starts on */
  line: number;
  /** the fields as written, unquoted; a quoted field may hold line breaks (read as `\n`) */
  fields: string[];
}

// One line break inside a field: the record goes on on the next line.
const LINE_BREAK = /\n/g;

/**
 * Split `csvText` into records with papaparse (comma-separated, `"` quotes). A leading BOM is
 * dropped and CRLF is read as LF, which keeps line numbers. Blank lines are skipped. A record whose
 * quotes are malformed (`"never closed`, `"a"b`) is left out with a `schema-invalid` error at
 * `path:line`: an unclosed quote would otherwise swallow the rows after it. Never throws.
 */
export function parseCsvRows(csvText: string, path: string): { rows: CsvRow[]; issues: Issue[] } {
  const text = csvText.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter: ",", newline: "\n", quoteChar: '"', skipEmptyLines: false });
  const badRows = new Set(parsed.errors.filter((e) => e.type === "Quotes" && e.row !== undefined).map((e) => e.row!));
  const rows: CsvRow[] = [];
  const issues: Issue[] = [];
  let line = 1;
  parsed.data.forEach((fields, index) => {
    const at = line;
    // A record spans one line plus one per line break inside its fields.
    line += 1 + fields.reduce((breaks, field) => breaks + (field.match(LINE_BREAK)?.length ?? 0), 0);
    if (badRows.has(index)) {
      const found = quoteFound(fields.join(","), 60);
      issues.push(csvRowIssue(path, at, `row has a malformed quote: expected "…" around a whole field, with "" for a quote inside, found ${found}`, "close the quote, or double a quote that is part of the text"));
      return;
    }
    if (fields.length === 1 && fields[0]!.trim() === "") return;
    rows.push({ line: at, fields });
  });
  return { rows, issues };
}

/** An issue `schema-invalid` (error) about the row of a reference CSV at `path:line`. */
export function csvRowIssue(path: string, line: number, message: string, hint?: string): Issue {
  return { code: "schema-invalid", severity: "error", path, line, column: null, message, hint };
}

/**
 * Check the header of a reference CSV: null when `rows[0]` is on line 1 and its fields are exactly
 * `expected`, else a `schema-invalid` issue (`what` names the file in the message, e.g. `gazetteer`).
 */
export function checkCsvHeader(path: string, rows: readonly CsvRow[], expected: readonly string[], what: string): Issue | null {
  const header = rows[0];
  const found = header ? header.fields.join(",") : "";
  if (header && header.line === 1 && found === expected.join(",")) return null;
  return csvRowIssue(path, header?.line ?? 1, `${what} header is not the expected one: expected "${expected.join(",")}", found ${quoteFound(found, 80)}`);
}

/** True when the CSV field `value` is one of the closed list `list` (a kind, a level): narrows it to the list's type. */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
