/**
 * CSV for spreadsheets: UTF-8 without BOM, a header row, `\n` line endings, RFC 4180 quoting.
 */
import Papa from "papaparse";

/** Separator of list values inside one CSV cell (reporters, districts). */
export const LIST_SEPARATOR = "; ";

/**
 * Serialise rows as CSV with the given column order. Lists of text become `a; b`, null an empty
 * cell, other lists and objects (spans, nested records) JSON. Ends with a newline.
 */
export function emitCsv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  const data = rows.map((row) =>
    columns.map((name) => {
      const value = row[name];
      if (value === null || value === undefined) return "";
      // Lists of names read best as `a; b`; a span [12, 40] or nested records stay JSON.
      if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(LIST_SEPARATOR);
      if (typeof value === "object") return JSON.stringify(value);
      return String(value);
    }),
  );
  const body = Papa.unparse({ fields: [...columns], data }, { newline: "\n", quotes: false });
  return `${body}\n`;
}
