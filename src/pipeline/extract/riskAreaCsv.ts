/**
 * Parse the risk-area CSV files of data/raw/risk-areas/ (columns as in ../shared/corpus/data/README.md).
 */
import Papa from "papaparse";
import type { Issue, IssueCode } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import type { Gazetteer } from "../parse/gazetteer.ts";
import type { RiskAreaCsvRow } from "../validate/riskAreaSchema.ts";

export const RISK_AREA_CSV_HEADER = [
  "district", "district_raw", "street_or_town", "area", "level", "first_seen", "last_seen",
  "snapshots", "time_basis", "method", "source", "source_last",
] as const;

const LEVELS = new Set(["高风险", "中风险", "低风险"]);
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})( \d{2}:\d{2})?$/;

function isCalendarDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/**
 * Parse one risk-area CSV. Never throws. Every row is checked; a bad row is left out with an issue at `path:line`
 * (the CSV line): wrong number of columns or a snapshots count that is no positive integer
 * (`risk-area-row-invalid`), a district that is neither empty nor one of the 16 (`risk-area-district-unknown`; an
 * empty district needs a `district_raw`), a level not 高风险/中风险/低风险 (`risk-area-level-unknown`), a
 * first_seen/last_seen that is not `YYYY-MM-DD[ HH:MM]` or a last_seen before first_seen (`risk-area-date-invalid`),
 * an empty area (`risk-area-area-missing`), a row equal to an earlier one in district, street, area, level and
 * first_seen (`risk-area-row-duplicate`). A bad header gives no rows and one issue. Valid rows keep
 * `source_path` = `path` and `source_line`.
 */
export function parseRiskAreaCsv(csvText: string, path: string, gazetteer: Gazetteer): { rows: RiskAreaCsvRow[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const issue = (code: IssueCode, line: number, message: string): void =>
    void issues.push({ code, severity: "error", path, line, column: null, message, hint: "fix the source file or leave the row out with a row in data/reference/corrections.csv" });
  const lines = csvText.replace(/^\uFEFF/, "").split("\n");
  const header = (lines[0] ?? "").replace(/\r$/, "");
  if (header !== RISK_AREA_CSV_HEADER.join(",")) {
    issue("risk-area-header-invalid", 1, `risk-area CSV header is not the expected one: expected "${RISK_AREA_CSV_HEADER.join(",")}", found ${quoteFound(header, 80)}`);
    return { rows: [], issues };
  }
  const districts = new Set(gazetteer.districts.map((d) => d.name));
  const seen = new Set<string>();
  const rows: RiskAreaCsvRow[] = [];
  // Fields never hold line breaks in these files, so parsing line by line keeps the line number exact.
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n]!.replace(/\r$/, "");
    if (raw.trim() === "") continue;
    const line = n + 1;
    const fields = Papa.parse<string[]>(raw, { header: false, delimiter: "," }).data[0] ?? [];
    if (fields.length !== RISK_AREA_CSV_HEADER.length) {
      issue("risk-area-row-invalid", line, `risk-area row has the wrong number of columns: expected ${RISK_AREA_CSV_HEADER.length}, found ${fields.length} in ${quoteFound(raw, 60)}`);
      continue;
    }
    const [district, districtRaw, street, area, level, firstSeen, lastSeen, snapshots, timeBasis, method, source, sourceLast] = fields as [
      string, string, string, string, string, string, string, string, string, string, string, string,
    ];
    if (district === "" ? districtRaw === "" : !districts.has(district)) {
      issue("risk-area-district-unknown", line, `risk-area district is not a Beijing district: expected one of the 16 (or an empty district with district_raw), found ${quoteFound(district)}`);
      continue;
    }
    if (!LEVELS.has(level)) {
      issue("risk-area-level-unknown", line, `risk-area level is unknown: expected 高风险, 中风险 or 低风险, found ${quoteFound(level)}`);
      continue;
    }
    const bad = [firstSeen, lastSeen].find((d) => !DATE_TIME.test(d) || !isCalendarDay(d.slice(0, 10)));
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
      issue("risk-area-row-duplicate", line, `risk-area row repeats an earlier row: expected each area, level and first_seen once, found ${quoteFound(`${district}${street}${area} ${level} ${firstSeen}`)} again`);
      continue;
    }
    seen.add(key);
    rows.push({
      district: district === "" ? null : district,
      district_raw: districtRaw,
      street: street === "" ? null : street,
      area,
      level: level as RiskAreaCsvRow["level"],
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
  return { rows, issues };
}
