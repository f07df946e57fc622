/**
 * CSV for spreadsheets: UTF-8 without BOM, a header row, `\n` line endings, RFC 4180 quoting.
 */

/** Separator of list values inside one CSV cell (reporters, districts). */
export const LIST_SEPARATOR = "; ";

/**
 * A cell is quoted when it holds a quote, a comma or a line break (RFC 4180), a BOM (a spreadsheet would drop it), or
 * starts or ends with a space (a spreadsheet would trim it): the cells papaparse's writer quotes too. This writer
 * replaced it (a tenth of a rebuild at 10,000 reports) with the same bytes, but for a table without rows, which
 * papaparse ended with a blank line.
 */
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

function quoteCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The text of one cell: lists of text as `a; b`, null empty, other lists and objects (spans, nested records) JSON. */
function cellOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(LIST_SEPARATOR);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Serialise rows as CSV with the given column order (see `cellOf` for the cells). Ends with a newline. */
export function emitCsv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  const lines = [columns.map(quoteCell).join(",")];
  for (const row of rows) lines.push(columns.map((name) => quoteCell(cellOf(row[name]))).join(","));
  return `${lines.join("\n")}\n`;
}
