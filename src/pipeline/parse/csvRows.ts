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
 * `path:line`, and reading goes on at the line after the one it starts on: papaparse would read
 * everything after an unclosed quote as one field, and the rows after it would vanish unreported.
 * Never throws.
 */
export function parseCsvRows(csvText: string, path: string): { rows: CsvRow[]; issues: Issue[] } {
  const text = csvText.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const rows: CsvRow[] = [];
  const issues: Issue[] = [];
  // Lines of the text not read yet, and the file line the first of them is.
  let rest = text;
  let firstLine = 1;
  for (;;) {
    const parsed = Papa.parse<string[]>(rest, { header: false, delimiter: ",", newline: "\n", quoteChar: '"', skipEmptyLines: false });
    const bad = parsed.errors.find((e) => e.type === "Quotes" && e.row !== undefined)?.row;
    let line = firstLine;
    let badLine: number | null = null;
    for (const [index, fields] of parsed.data.entries()) {
      const at = line;
      // A record spans one line plus one per line break inside its fields.
      line += 1 + fields.reduce((breaks, field) => breaks + (field.match(LINE_BREAK)?.length ?? 0), 0);
      if (index === bad) {
        badLine = at;
        break;
      }
      if (fields.length === 1 && fields[0]!.trim() === "") continue;
      rows.push({ line: at, fields });
    }
    if (badLine === null) break;
    // `"光华"里,…` or `2,"never closed`: only the line the record starts on is reported and left out.
    const lines = rest.split("\n");
    const found = quoteFound(lines[badLine - firstLine] ?? "", 60);
    issues.push(csvRowIssue(path, badLine, `row has a malformed quote: expected "…" around a whole field, with "" for a quote inside, found ${found}`, "close the quote, or double a quote that is part of the text"));
    rest = lines.slice(badLine - firstLine + 1).join("\n");
    firstLine = badLine + 1;
  }
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

/** One data record of a CSV file with a header: its fields by column name and the line it starts on. */
export interface CsvRecord {
  /** 1-based line of the file the record starts on */
  line: number;
  /** every column of the header, by name; a column the header lists as optional and lacks is absent */
  fields: Readonly<Record<string, string>>;
}

/**
 * Read a CSV file whose first record is a header naming `required` columns (in any order) and possibly some of
 * `optional`, into records keyed by column name, with parseCsvRows (quoted line breaks and bad quotes handled).
 * Returns `records: null` with one `schema-invalid` error at line 1 when the header lacks a required column or
 * names an unknown one (`what` names the file in the message, e.g. `speech cues`); a record with the wrong number
 * of fields is left out with a `schema-invalid` error at its line. Never throws.
 */
export function parseCsvRecords(
  csvText: string,
  path: string,
  columns: { required: readonly string[]; optional?: readonly string[] },
  what: string,
): { records: CsvRecord[] | null; issues: Issue[] } {
  const { rows, issues } = parseCsvRows(csvText, path);
  const optional = columns.optional ?? [];
  const expected = [...columns.required, ...optional];
  const header = rows[0];
  const names = header?.fields ?? [];
  const missing = columns.required.filter((c) => !names.includes(c));
  const unknown = names.filter((c) => !expected.includes(c));
  if (header === undefined || header.line !== 1 || missing.length > 0 || unknown.length > 0) {
    const found = quoteFound(names.join(","), 80);
    issues.push(csvRowIssue(path, header?.line ?? 1, `${what} header is not the expected one: expected columns "${expected.join(",")}", found ${found}`));
    return { records: null, issues };
  }
  const records: CsvRecord[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length !== names.length) {
      const found = quoteFound(row.fields.join(","), 60);
      issues.push(csvRowIssue(path, row.line, `${what} row has the wrong number of columns: expected ${names.length} (${names.join(",")}), found ${row.fields.length} in ${found}`, "quote a field that holds a comma"));
      continue;
    }
    records.push({ line: row.line, fields: Object.fromEntries(names.map((name, k) => [name, row.fields[k]!])) });
  }
  return { records, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
