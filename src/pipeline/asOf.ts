/**
 * The as-of filter: the inputs as they stood on a day, for an archived snapshot (`npm run snapshot -- 2022-04-13`,
 * `npm run data -- --as-of 2022-04-13`). Pure: the pipeline hands it dates, CSV text and merged rows.
 *
 * - Reports: kept when their publication date is on or before the day; later ones, and ones whose publication date
 *   is unknown (we cannot say they were out by then), are left out with a note in the build report.
 * - Case CSV rows: kept when dated on or before the day (`date`, or the day of an intraday `as_of`).
 * - Risk-area CSV rows: kept when first seen on or before the day; a listing still listed after the day is shown as
 *   still in force on it (its end was unknown then), never as lifted on the snapshot day.
 */
import type { Issue } from "./issues.ts";
import { parseCsvRows } from "./parse/csvRows.ts";
import { isIsoDate } from "./parse/date.ts";
import type { RiskAreaRow } from "./validate/riskAreaSchema.ts";

/** True when `text` can be an as-of day: a real calendar day written YYYY-MM-DD (`2022-02-30` is not). */
export function isAsOfDate(text: string): boolean {
  return isIsoDate(text);
}

/**
 * Why a report is left out of a build as of `asOf`, as an info issue on `path`: `published-after-as-of` when its
 * publication date is later, `published-date-unknown` when it has none (or it could not be read: the file was
 * rejected before its date was known). Null when the report goes in (published on or before `asOf`).
 */
export function findAsOfExclusion(publishedDate: string | null, asOf: string, path: string): Issue | null {
  if (publishedDate !== null && publishedDate <= asOf) return null;
  if (publishedDate !== null) {
    return {
      code: "published-after-as-of",
      severity: "info",
      path,
      line: null,
      column: null,
      message: `report is left out of the build as of ${asOf}: expected a publication date on or before ${asOf}, found ${JSON.stringify(publishedDate)}`,
    };
  }
  return {
    code: "published-date-unknown",
    severity: "info",
    path,
    line: null,
    column: null,
    message: `report is left out of the build as of ${asOf}: expected a publication date on or before ${asOf}, found none, so it cannot be said to have been out by then`,
    hint: "give the report a published_date in its sidecar (NAME.meta.yaml) if it was out by then",
  };
}

/** The columns that date a row, by CSV kind: the first one the header has is used. */
export const AS_OF_DATE_COLUMNS = {
  /** data/raw/cases/: `date`, or `as_of` (`2020-01-21T18:00`) of the intraday lists */
  cases: ["date", "as_of"],
  /** data/raw/risk-areas/: `first_seen` (`2022-11-01 19:00`) */
  riskAreas: ["first_seen"],
} as const;

/**
 * `csvText` without the records dated after `asOf`, by the first column of `dateColumns` that its header names
 * (the day is the column's first 10 characters: `2022-11-01 19:00` → `2022-11-01`). A left-out record's lines
 * become empty lines, which the CSV readers skip, so every kept row keeps its line number (provenance and issues
 * point at the original file). Records whose date cannot be read are kept: the CSV's own parser reports them.
 * Text whose header names none of the columns is returned unchanged (its parser reports the header). CRLF is
 * read as LF, as parseCsvRows does. Never throws.
 */
export function filterCsvAsOf(csvText: string, path: string, dateColumns: readonly string[], asOf: string): string {
  const text = csvText.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const { rows } = parseCsvRows(text, path);
  const header = rows[0];
  if (header === undefined || header.line !== 1) return csvText;
  const column = dateColumns.map((name) => header.fields.indexOf(name)).find((index) => index >= 0);
  if (column === undefined) return csvText;
  const lines = text.split("\n");
  let changed = false;
  for (const row of rows.slice(1)) {
    const day = (row.fields[column] ?? "").slice(0, 10);
    if (!isIsoDate(day) || day <= asOf) continue;
    // A record spans one line plus one per line break inside its fields (a quoted 2-line note).
    const span = 1 + row.fields.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    for (let i = row.line - 1; i < row.line - 1 + span && i < lines.length; i++) lines[i] = "";
    changed = true;
  }
  return changed ? lines.join("\n") : csvText;
}

/**
 * The merged risk-area rows as they stood on `asOf`: a listing whose end (`to`) is after `asOf` was still in force
 * that day and its end unknown then, so `to` and `to_time` become null. Rows ending on or before `asOf`, and open
 * rows, are returned as they are (same objects); the order is kept. Run after the CSV rows first seen later were left
 * out (filterCsvAsOf), so no listing starts after `asOf`.
 */
export function openRiskAreasAsOf(rows: readonly RiskAreaRow[], asOf: string): RiskAreaRow[] {
  return rows.map((row) => (row.to !== null && row.to > asOf ? { ...row, to: null, to_time: null } : row));
}
