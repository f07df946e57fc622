/**
 * Disagreements between case counts: a text against a CSV for the same date, district, window and scope, and a
 * text's district counts against the total it states. Every row is kept; the disagreements become issues.
 */
import type { Issue } from "../issues.ts";
import type { CaseCsvRecord } from "../validate/caseSchema.ts";
import type { CaseField, CaseRow } from "./cases.ts";
import { CASE_FIELDS, CITY } from "./cases.ts";


/**
 * Issues for every disagreement, sorted by the text rows' ids then field:
 * - `cases-conflict` (warning): a text row and a CSV row with the same date, district, window, scope and measure
 *   give different values of a field both state. Windows agree when they are equal or both null (a cumulative
 *   count and a CSV row not based on the bulletin day state none); scope `all` in the text matches a CSV `local`
 *   row only when the CSV has no `all` row. The message names both sources (`doc_id` and span, CSV `path:line`) and both values.
 * - `cases-sum-mismatch` (warning): within one document, the district rows of a date, window, scope and measure add
 *   up to more than the city total, or, when the text lists every district it counts, to a different one.
 * Rows without a date are not compared, nor, against the CSV, text rows without a district (a zone such as
 * 经开区). `locate` gives the file position of a text row: its document's path and the line and column of its span
 * (positionOf). Never throws.
 */
export function findCaseConflicts(
  textRows: readonly CaseRow[],
  csvRows: readonly CaseCsvRecord[],
  locate: (row: CaseRow) => { path: string; line: number | null; column: number | null },
): Issue[] {
  const issues: Issue[] = [];
  const csvIndex = new Map<string, CaseCsvRecord[]>();
  const keyOf = (r: { date: string | null; district: string | null; window: string | null; scope: string; measure: string }): string =>
    JSON.stringify([r.date, r.district, r.window, r.scope, r.measure]);
  for (const r of csvRows) {
    const key = keyOf(r);
    csvIndex.set(key, [...(csvIndex.get(key) ?? []), r]);
  }
  const where = (row: CaseRow): Omit<Issue, "code" | "severity" | "message"> => {
    const at = locate(row);
    return { path: at.path, line: at.line, column: at.column };
  };

  for (const row of textRows) {
    if (row.date === null || row.district === null) continue;
    let matches = csvIndex.get(keyOf(row)) ?? [];
    if (matches.length === 0 && row.scope === "all") matches = csvIndex.get(keyOf({ ...row, scope: "local" })) ?? [];
    for (const csv of matches) {
      for (const field of CASE_FIELDS) {
        const a = row[field];
        const b = csv[field];
        if (a === null || b === null || a === b) continue;
        issues.push({
          ...where(row),
          code: "cases-conflict",
          severity: "warning",
          message: `text and CSV disagree on ${field} of ${row.district} on ${row.date} (${row.window}, ${row.scope}): expected the same count, found ${a} in ${row.doc_id} [${row.span[0]}, ${row.span[1]}) and ${b} in ${csv.source_path}:${csv.source_line}`,
          hint: "both rows are kept; check the bulletin",
        });
      }
    }
  }

  // District counts against the stated total, per document and statement.
  const groups = new Map<string, CaseRow[]>();
  for (const row of textRows) {
    if (row.date === null) continue;
    const key = JSON.stringify([row.doc_id, row.date, row.window, row.scope, row.measure]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const rows of groups.values()) {
    const city = rows.find((r) => r.district === CITY);
    if (!city) continue;
    const parts = rows.filter((r) => r.district !== CITY);
    for (const field of CASE_FIELDS) {
      // Positives derived from a split would repeat the confirmed/asymptomatic check: only stated ones are checked.
      if (field === "infections" && city.infections === null) continue;
      const total = totalOf(city, field);
      if (total === null) continue;
      const values = parts.map((r) => totalOf(r, field));
      const known = values.filter((v): v is number => v !== null);
      if (known.length === 0) continue;
      const sum = known.reduce((a, b) => a + b, 0);
      // A list with a gap (a district without this field) can only be checked for exceeding the total.
      const complete = known.length === values.length;
      if (sum > total || (complete && sum !== total && known.length > 1)) {
        issues.push({
          ...where(city),
          code: "cases-sum-mismatch",
          severity: "warning",
          message: `district counts do not add up to the total: expected ${field} of ${known.length} districts to sum to ${total}, found ${sum} in ${city.doc_id} (${city.date ?? "no date"}, ${city.window ?? "no window"}, ${city.scope})`,
          hint: "all rows are kept; a list may leave out cases it could not place",
        });
      }
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)));
}

/** A row's value of `field`, counting positives as confirmed + asymptomatic when both are known. */
function totalOf(row: CaseRow, field: CaseField): number | null {
  if (field === "infections" && row.infections === null && row.confirmed !== null && row.asymptomatic !== null) return row.confirmed + row.asymptomatic;
  return row[field];
}
