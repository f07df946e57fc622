/**
 * Parse the risk-area CSV files of data/raw/risk-areas/ (columns as in ../shared/corpus/data/README.md).
 */
import type { Issue, IssueCode } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { checkCsvHeader, isOneOf, parseCsvRows } from "../parse/csvRows.ts";
import { isIsoDate } from "../parse/date.ts";
import type { Gazetteer } from "../parse/gazetteer.ts";
import { riskLevel, type RiskAreaCsvRow } from "../validate/riskAreaSchema.ts";

export const RISK_AREA_CSV_HEADER = [
  "district", "district_raw", "street_or_town", "area", "level", "first_seen", "last_seen",
  "snapshots", "time_basis", "method", "source", "source_last",
] as const;

/** `2022-12-03` or `2022-12-03 14:00` (API snapshots give the hour). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})( ([01]\d|2[0-3]):[0-5]\d)?$/;

/**
 * Parse one risk-area CSV. Never throws. Records are read with parseCsvRows (quoted line breaks and bad quotes
 * handled, so `line` is where a record starts). Every row is checked; a bad row is left out with an issue at
 * `path:line`: a malformed quote, the wrong number of columns or a snapshots count that is no positive integer
 * (`risk-area-row-invalid`), a district that is neither empty nor one of the 16 (`risk-area-district-unknown`; an
 * empty district needs a `district_raw`), a level not 高风险/中风险/低风险 (`risk-area-level-unknown`), a
 * first_seen/last_seen that is not `YYYY-MM-DD[ HH:MM]` or a last_seen before first_seen (`risk-area-date-invalid`),
 * an empty area (`risk-area-area-missing`), a row equal to an earlier one in district, district_raw, street, area,
 * level and first_seen (`risk-area-row-duplicate`). A bad header gives no rows and one `risk-area-header-invalid`.
 * Valid rows keep `source_path` = `path` and `source_line`.
 */
export function parseRiskAreaCsv(csvText: string, path: string, gazetteer: Gazetteer): { rows: RiskAreaCsvRow[]; issues: Issue[] } {
  const hint = "fix the source file or leave the row out with a row in data/reference/corrections.csv";
  const parsed = parseCsvRows(csvText, path);
  // A malformed quote is a bad row of this data file, reported with this file's code.
  const issues: Issue[] = parsed.issues.map((i) => ({ ...i, code: "risk-area-row-invalid", hint }));
  const issue = (code: IssueCode, line: number, message: string): void =>
    void issues.push({ code, severity: "error", path, line, column: null, message, hint });
  const headerIssue = checkCsvHeader(path, parsed.rows, RISK_AREA_CSV_HEADER, "risk-area CSV");
  if (headerIssue !== null) return { rows: [], issues: [...issues, { ...headerIssue, code: "risk-area-header-invalid" }] };
  const districts = new Set(gazetteer.districts.map((d) => d.name));
  const levels = riskLevel.options;
  const seen = new Set<string>();
  const rows: RiskAreaCsvRow[] = [];
  for (const { line, fields } of parsed.rows.slice(1)) {
    if (fields.length !== RISK_AREA_CSV_HEADER.length) {
      issue("risk-area-row-invalid", line, `risk-area row has the wrong number of columns: expected ${RISK_AREA_CSV_HEADER.length}, found ${fields.length} in ${quoteFound(fields.join(","), 60)}`);
      continue;
    }
    const [district, districtRaw, street, area, level, firstSeen, lastSeen, snapshots, timeBasis, method, source, sourceLast] = fields as [
      string, string, string, string, string, string, string, string, string, string, string, string,
    ];
    if (district === "" ? districtRaw === "" : !districts.has(district)) {
      issue("risk-area-district-unknown", line, `risk-area district is not a Beijing district: expected one of the 16 (or an empty district with district_raw), found ${quoteFound(district)}`);
      continue;
    }
    if (!isOneOf(levels, level)) {
      issue("risk-area-level-unknown", line, `risk-area level is unknown: expected ${levels.join(", ")}, found ${quoteFound(level)}`);
      continue;
    }
    const bad = [firstSeen, lastSeen].find((d) => !DATE_TIME.test(d) || !isIsoDate(d.slice(0, 10)));
    if (bad !== undefined) {
      issue("risk-area-date-invalid", line, `risk-area date is not a date: expected YYYY-MM-DD or YYYY-MM-DD HH:MM, found ${quoteFound(bad)}`);
      continue;
    }
    if (lastSeen < firstSeen) {
      issue("risk-area-date-invalid", line, `risk-area last_seen is before first_seen: expected a date at or after ${quoteFound(firstSeen)}, found ${quoteFound(lastSeen)}`);
      continue;
    }
    if (area.trim() === "") {
      issue("risk-area-area-missing", line, `risk-area row has no area: expected the listed area, found ${quoteFound(area)}`);
      continue;
    }
    if (!/^[1-9]\d*$/.test(snapshots)) {
      issue("risk-area-row-invalid", line, `risk-area snapshots is not a count: expected a positive integer, found ${quoteFound(snapshots)}`);
      continue;
    }
    const key = [district, districtRaw, street, area, level, firstSeen].join("\u0000");
    if (seen.has(key)) {
      issue("risk-area-row-duplicate", line, `risk-area row repeats an earlier row: expected each area, level and first_seen once, found ${quoteFound(`${district || districtRaw}${street}${area} ${level} ${firstSeen}`)} again`);
      continue;
    }
    seen.add(key);
    rows.push({
      district: district === "" ? null : district,
      district_raw: districtRaw,
      street: street === "" ? null : street,
      area,
      level,
      first_seen: firstSeen,
      last_seen: lastSeen,
      snapshots: Number(snapshots),
      time_basis: timeBasis,
      method,
      source,
      source_last: sourceLast,
      source_path: path,
      source_line: line,
    });
  }
  return { rows, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
