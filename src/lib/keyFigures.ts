/**
 * The key figures of the home page: the latest day's new cases, risk areas in force by level, and directives
 * issued, each with the source a reader can check it against. Each figure has its own latest day: the datasets
 * cover different periods (case tables end in May 2022, risk-area listings in December 2022).
 */
import type { CaseCsvRecord, CaseRecord } from "../pipeline/validate/caseSchema.ts";
import type { DirectiveRecord } from "../pipeline/validate/directiveSchema.ts";
import type { RiskAreaRow } from "../pipeline/validate/riskAreaSchema.ts";
import { countInForce, latestRiskAreaDay } from "./riskAreaPeriods.ts";
import { aboutId } from "./reportMarks.ts";

/** Where a case figure was read: a report's count statement or a CSV line. */
export type CaseFigureSource = { kind: "report"; docId: string; caseId: string } | { kind: "table"; path: string; line: number };

/** The city's new cases of one day. Counts are null when the source does not say (never zero by default). */
export interface CaseFigure {
  date: string;
  /** 本土 local when the source splits it out, else all */
  scope: "local" | "all";
  confirmed: number | null;
  asymptomatic: number | null;
  infections: number | null;
  source: CaseFigureSource;
}

const CITY = "北京市";

/**
 * The latest day with a city-wide (北京市) count of new cases in `tables` (case_csv) or `reports` (cases), and its
 * counts: the local (本土) row when there is one, else the all row; a report's statement before a table's line on
 * the same day, so the figure links to text a reader can see. Imported-only rows are never used, nor rows whose
 * window is not a whole day (`0-24`: a `0-15` count of 0时至15时 is part of a day) or that give no count at all.
 * Null when no city-wide whole-day new count is dated.
 */
export function findLatestCityCases(tables: readonly CaseCsvRecord[], reports: readonly CaseRecord[]): CaseFigure | null {
  const candidates: CaseFigure[] = [];
  for (const row of reports) {
    if (!isWholeDayCityCount(row) || row.date === null) continue;
    candidates.push({ ...counts(row), date: row.date, scope: row.scope, source: { kind: "report", docId: row.doc_id, caseId: row.id } });
  }
  for (const row of tables) {
    if (!isWholeDayCityCount(row)) continue;
    candidates.push({ ...counts(row), date: row.date, scope: row.scope, source: { kind: "table", path: row.source_path, line: row.source_line } });
  }
  const rank = (f: CaseFigure) => (f.scope === "local" ? 0 : 1) * 2 + (f.source.kind === "report" ? 0 : 1);
  candidates.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : rank(a) - rank(b)));
  return candidates[0] ?? null;
}

/** True for a city-wide new count of a whole day (window `0-24`, not imported) that gives at least one number. */
function isWholeDayCityCount<T extends Pick<CaseRecord, "district" | "measure" | "scope" | "window" | "confirmed" | "asymptomatic" | "infections">>(
  row: T,
): row is T & { scope: "local" | "all" } {
  if (row.district !== CITY || row.measure !== "new" || row.scope === "imported" || row.window !== "0-24") return false;
  return row.confirmed !== null || row.asymptomatic !== null || row.infections !== null;
}

function counts(row: { confirmed: number | null; asymptomatic: number | null; infections: number | null }) {
  return { confirmed: row.confirmed, asymptomatic: row.asymptomatic, infections: row.infections };
}

/** Risk areas in force on the latest dated day, per kind (高风险 …); null when no row is dated. */
export function findLatestRiskAreas(rows: readonly RiskAreaRow[]): { date: string; counts: Array<{ kind: string; count: number }> } | null {
  const date = latestRiskAreaDay(rows);
  return date === null ? null : { date, counts: countInForce(rows, date) };
}

/**
 * The latest day directives were issued (their `date`), with the number of directives and the ids of the reports
 * they come from, sorted. Null when no directive is dated.
 */
export function findLatestDirectives(rows: readonly DirectiveRecord[]): { date: string; count: number; docIds: string[] } | null {
  let date: string | null = null;
  for (const row of rows) if (row.date !== null && (date === null || row.date > date)) date = row.date;
  if (date === null) return null;
  const ofDay = rows.filter((row) => row.date === date);
  return { date, count: ofDay.length, docIds: [...new Set(ofDay.map((row) => row.doc_id))].sort() };
}

/**
 * The counts of `figure` a page shows, in order 确诊病例, 无症状感染者, 感染者, leaving out the ones the source does not
 * give (null), so a figure never reads "未说明". [] when it gives none.
 */
export function listCaseCounts(figure: Pick<CaseFigure, "confirmed" | "asymptomatic" | "infections">): Array<{ label: string; value: number }> {
  const counts = [
    { label: "确诊病例", value: figure.confirmed },
    { label: "无症状感染者", value: figure.asymptomatic },
    { label: "感染者", value: figure.infections },
  ];
  return counts.filter((c): c is { label: string; value: number } => c.value !== null);
}

/**
 * Where the page links a case figure's source, and the link's text: a report's count is its row in the report
 * page's case table (`/reports/030/#about-030-case-1`, there whether or not the count is in the body text); a
 * table's line is the published dataset it is a row of (`/data/case_csv.csv`), named by its input file and line.
 */
export function describeCaseSource(source: CaseFigureSource): { href: string; label: string } {
  if (source.kind === "report") return { href: `/reports/${source.docId}/#${aboutId(source.caseId)}`, label: `通报 ${source.docId}` };
  const file = source.path.slice(source.path.lastIndexOf("/") + 1);
  return { href: "/data/case_csv.csv", label: `病例表格（${file} 第${source.line}行）` };
}
