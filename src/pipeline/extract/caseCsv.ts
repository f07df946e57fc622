/**
 * Case counts published as CSV (data/raw/cases/): the per-district daily file, the city-wide file and the 2020
 * intraday district lists, told apart by their header. Every row is validated and keeps its file and line.
 */
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { parseCsvRows } from "../parse/csvRows.ts";
import { isIsoDate } from "../parse/date.ts";
import type { Gazetteer } from "../parse/gazetteer.ts";
import type { CaseCsvRecord } from "../validate/caseSchema.ts";
import { CITY } from "./cases.ts";

/** Header of cases-beijing-districts.csv. */
export const DISTRICTS_HEADER = ["date", "district", "district_raw", "new_confirmed", "new_asymptomatic", "cumulative_confirmed", "cumulative_cured", "cumulative_dead", "method", "coverage", "date_basis", "source", "source_url"] as const;
/** Header of cases-beijing-citywide.csv. */
const CITYWIDE_HEADER = ["date", "local_confirmed_new", "local_asymptomatic_new", "imported_confirmed_new", "imported_asymptomatic_new", "local_positive_new", "confirmed_new", "asymptomatic_new", "cured_new", "district_sum_confirmed", "district_sum_asymptomatic", "cumulative_confirmed", "cumulative_cured", "cumulative_dead", "method", "date_basis", "note", "source", "source_url"] as const;
/** Header of cases-beijing-districts-intraday-2020.csv. */
export const INTRADAY_HEADER = ["as_of", "district", "district_raw", "cumulative_confirmed", "source", "source_url"] as const;

/** Counts before this day are out of range: the first cases were reported in December 2019. */
const FIRST_CASE_DATE = "2019-12-01";

const LAYOUTS = { districts: DISTRICTS_HEADER, citywide: CITYWIDE_HEADER, intraday: INTRADAY_HEADER } as const;
type Layout = keyof typeof LAYOUTS;

/**
 * Parse one case CSV file (`path` is its repo-relative path, used in rows and issues). The layout is detected from
 * the header; an unknown header gives no rows and one `cases-csv-header-invalid` error. Each line is validated and a
 * bad line is left out with an error at `path:line`: wrong number of columns or a count that is no whole number
 * (`cases-csv-row-invalid`), a district that is none of the gazetteer's 16 (`cases-csv-district-unknown`), a date
 * that is no calendar day or before 2019-12-01 (`cases-csv-date-invalid`), a repeated (date, district, method)
 * (`cases-csv-row-duplicate`), a negative count (`cases-csv-count-negative`) — except with method=cumulative_diff,
 * where a negative difference is a documented revision (核减): kept, with a warning. Empty count cells are null
 * (not reported), never 0. A city-wide line gives one row per scope it fills (local, imported, all). Never throws.
 */
export function parseCaseCsv(csvText: string, path: string, gazetteer: Gazetteer): { rows: CaseCsvRecord[]; issues: Issue[] } {
  const rows: CaseCsvRecord[] = [];
  // One papaparse pass; records keep the line they start on, and a malformed quote is an issue at its line.
  const parsed = parseCsvRows(csvText, path);
  const issues: Issue[] = parsed.issues.map((i) => ({ ...i, code: "cases-csv-row-invalid" }));
  const issue = (code: Issue["code"], line: number, message: string, severity: Issue["severity"] = "error", hint?: string): void =>
    void issues.push({ code, severity, path, line, column: null, message, hint });
  const header = parsed.rows[0]?.line === 1 ? parsed.rows[0].fields : [];
  const layout = (Object.keys(LAYOUTS) as Layout[]).find((k) => LAYOUTS[k].join(",") === header.join(","));
  if (layout === undefined) {
    issue("cases-csv-header-invalid", 1, `case CSV header is none of the known layouts: expected "${DISTRICTS_HEADER.join(",")}", "${CITYWIDE_HEADER.join(",")}" or "${INTRADAY_HEADER.join(",")}", found ${quoteFound(header.join(","), 80)}`);
    return { rows, issues };
  }
  const columns = LAYOUTS[layout];
  const districts = new Set(gazetteer.districts.map((d) => d.name));
  const seen = new Map<string, number>();

  parsed.rows.slice(1).forEach(({ line, fields }) => {
    const text = fields.join(",");
    if (fields.length !== columns.length) {
      issue("cases-csv-row-invalid", line, `case CSV row has the wrong number of columns: expected ${columns.length}, found ${fields.length} in ${quoteFound(text, 60)}`);
      return;
    }
    const get = (name: string): string => fields[(columns as readonly string[]).indexOf(name)] ?? "";
    const method = layout === "intraday" ? "" : get("method");
    let bad = false;
    const num = (name: string): number | null => {
      const v = get(name).trim();
      if (v === "") return null;
      if (!/^-?\d+$/.test(v)) {
        issue("cases-csv-row-invalid", line, `case count is not a whole number: expected digits in ${name}, found ${quoteFound(v)}`);
        bad = true;
        return null;
      }
      const n = Number(v);
      if (n < 0) {
        if (method === "cumulative_diff") {
          issue("cases-csv-count-negative", line, `case count is negative: expected 0 or more in ${name}, found ${quoteFound(v)}`, "warning", "a day-over-day difference falls when the source revised cases (核减); the row is kept");
        } else {
          issue("cases-csv-count-negative", line, `case count is negative: expected 0 or more in ${name}, found ${quoteFound(v)}`);
          bad = true;
        }
      }
      return n;
    };

    // Date: a calendar day from 2019-12-01 on (intraday: the day of as_of, T24:00 being the end of that day).
    const asOf = layout === "intraday" ? get("as_of") : "";
    const asOfMatch = /^(\d{4}-\d{2}-\d{2})T(\d{2}):00$/.exec(asOf);
    const date = layout === "intraday" ? (asOfMatch?.[1] ?? asOf) : get("date");
    if (!isIsoDate(date) || (layout === "intraday" && (!asOfMatch || Number(asOfMatch[2]) > 24))) {
      issue("cases-csv-date-invalid", line, `case date is not a date: expected ${layout === "intraday" ? "YYYY-MM-DDTHH:00" : "YYYY-MM-DD"}, found ${quoteFound(layout === "intraday" ? asOf : date)}`);
      return;
    }
    if (date < FIRST_CASE_DATE) {
      issue("cases-csv-date-invalid", line, `case date is out of range: expected ${FIRST_CASE_DATE} or later, found ${quoteFound(date)}`);
      return;
    }
    const district = layout === "citywide" ? CITY : get("district");
    if (layout !== "citywide" && !districts.has(district)) {
      issue("cases-csv-district-unknown", line, `case district is not one of Beijing's 16 districts: expected e.g. 朝阳区, found ${quoteFound(district)}`, "error", "give the official name in district and the source's spelling in district_raw");
      return;
    }
    const key = JSON.stringify([layout === "intraday" ? asOf : date, district, method]);
    const first = seen.get(key);
    if (first !== undefined) {
      issue("cases-csv-row-duplicate", line, `case row repeats an earlier one: expected one row per date, district and method, found ${quoteFound(`${date} ${district} ${method}`)} again (first on line ${first})`);
      return;
    }
    seen.set(key, line);

    const base = {
      source_path: path,
      source_line: line,
      layout,
      date,
      district,
      district_raw: layout === "citywide" ? null : get("district_raw") || null,
      method,
      date_basis: layout === "intraday" ? "" : get("date_basis"),
      // complete | partial (a lower bound) | none, per data/raw/cases/README.md; the schema rejects any other value.
      coverage: layout === "districts" ? ((get("coverage") || null) as CaseCsvRecord["coverage"]) : null,
    };
    // bulletin_day = the 0–24 h period of date; other bases (report_cutoff, collection_day) are no window.
    const dayWindow = base.date_basis === "bulletin_day" ? "0-24" : null;
    const out: CaseCsvRecord[] = [];
    if (layout === "districts") {
      const confirmed = num("new_confirmed");
      const asymptomatic = num("new_asymptomatic");
      const cumulative = num("cumulative_confirmed");
      // TW's district rows count local cases; CH's exclude imported ones too.
      if (confirmed !== null || asymptomatic !== null) out.push({ ...base, window: dayWindow, scope: "local", measure: "new", confirmed, asymptomatic, infections: null });
      if (cumulative !== null) out.push({ ...base, window: null, scope: "local", measure: "cumulative", confirmed: cumulative, asymptomatic: null, infections: null });
    } else if (layout === "citywide") {
      const local = [num("local_confirmed_new"), num("local_asymptomatic_new"), num("local_positive_new")] as const;
      const imported = [num("imported_confirmed_new"), num("imported_asymptomatic_new")] as const;
      const all = [num("confirmed_new"), num("asymptomatic_new")] as const;
      const cumulative = num("cumulative_confirmed");
      if (local.some((v) => v !== null)) {
        const split = local[0] !== null && local[1] !== null;
        out.push({ ...base, window: dayWindow, scope: "local", measure: "new", confirmed: local[0], asymptomatic: local[1], infections: split ? null : local[2] });
      }
      if (imported.some((v) => v !== null)) out.push({ ...base, window: dayWindow, scope: "imported", measure: "new", confirmed: imported[0], asymptomatic: imported[1], infections: null });
      if (all.some((v) => v !== null)) out.push({ ...base, window: dayWindow, scope: "all", measure: "new", confirmed: all[0], asymptomatic: all[1], infections: null });
      if (cumulative !== null) out.push({ ...base, window: null, scope: "all", measure: "cumulative", confirmed: cumulative, asymptomatic: null, infections: null });
    } else {
      const cumulative = num("cumulative_confirmed");
      if (cumulative !== null) out.push({ ...base, window: `until-${Number(asOfMatch?.[2] ?? 24)}`, scope: "all", measure: "cumulative", confirmed: cumulative, asymptomatic: null, infections: null });
    }
    if (bad) return;
    rows.push(...out);
  });
  return { rows, issues };
}
