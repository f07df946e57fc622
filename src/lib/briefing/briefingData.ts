/**
 * The datasets a briefing is made from, indexed by day once per build (a page route computes the index in
 * getStaticPaths and hands each briefing its model), so that ~300 briefings do not each scan 23,000 risk-area rows.
 *
 * Which rows count, and why:
 * - cases: whole-day new local counts only (`window` 0-24, `measure` new, `scope` local): what a briefing calls
 *   新增本土. From case_csv the city-wide row (layout citywide, 北京市) and the district rows (layout districts); a
 *   report's count statement (dataset cases) only on a day and scope the tables do not cover. The 2020 rows without a
 *   window are differences of cumulative totals with shifted dates (data/raw/cases/README.md): not a day's count.
 * - reports: a document is of the day it was published (`published_date`, else `event_date` when the publication
 *   date is unknown).
 * - directives: their `date` (the report's event date, else its publication date).
 * - risk areas: see riskAreaChanges.ts.
 */
import type { CaseCsvRecord, CaseRecord } from "../../pipeline/validate/caseSchema.ts";
import type { DirectiveRecord } from "../../pipeline/validate/directiveSchema.ts";
import type { DistrictRecord } from "../../pipeline/validate/districtSchema.ts";
import type { MeasureCategoryRecord } from "../../pipeline/validate/measureCategorySchema.ts";
import type { MeasureRecord } from "../../pipeline/validate/measureSchema.ts";
import type { RiskAreaRow } from "../../pipeline/validate/riskAreaSchema.ts";
import type { DocumentRow } from "../../pipeline/validate/schemas.ts";
import { isDailyNewLocal } from "../caseSeries.ts";
import { compareText } from "../compareText.ts";
import { indexByDays, type DayIndex } from "../dayIndex.ts";
import { sortDistricts } from "../districtUrl.ts";
import { getDailyRiskAreaCounts } from "../riskAreaCounts.ts";
import { firstDay, lastDay, RISK_AREA_KINDS } from "../riskAreaPeriods.ts";
import { getRiskAreaEvents, isRiskDayCovered, type RiskAreaEvent, type RiskCoverage } from "./riskAreaChanges.ts";

/** The emitted datasets a briefing reads (rows as src/lib/datasetRows.ts gives them). */
export interface BriefingRows {
  districts: readonly DistrictRecord[];
  documents: readonly DocumentRow[];
  directives: readonly DirectiveRecord[];
  measures: readonly MeasureRecord[];
  categories: readonly MeasureCategoryRecord[];
  riskAreas: readonly RiskAreaRow[];
  caseTables: readonly CaseCsvRecord[];
  caseReports: readonly CaseRecord[];
}

/** The name of the city-wide scope in the case datasets. */
export const CITY = "北京市";

/** One whole-day new local count of one scope (北京市 or a district) on one day. */
export type CaseRow =
  | { dataset: "case_csv"; row: CaseCsvRecord }
  | { dataset: "cases"; row: CaseRecord & { date: string } };

/** The rows indexed by day; build it with indexBriefingRows. */
export interface BriefingIndex {
  rows: BriefingRows;
  /** districts in administrative-code order */
  districts: DistrictRecord[];
  /** category key → 中文 label, in categoryOrder */
  categoryLabels: ReadonlyMap<string, string>;
  /** category keys in the order of data/reference/measure-categories.csv: ties of counts are broken by it */
  categoryOrder: readonly string[];
  /** `${day}|${scope}` → the count row of that day and scope (北京市 or a district's official name) */
  cases: ReadonlyMap<string, CaseRow>;
  /** day → reports of that day, by id */
  documents: ReadonlyMap<string, DocumentRow[]>;
  /** report id → its title (null when it has none): links name a report by title, never by its id */
  documentTitles: ReadonlyMap<string, string | null>;
  /** day → directives of that day, by id */
  directives: ReadonlyMap<string, DirectiveRecord[]>;
  /** day → measures rows of that day */
  measures: ReadonlyMap<string, MeasureRecord[]>;
  /** day → risk areas added or lifted that day */
  riskEvents: ReadonlyMap<string, RiskAreaEvent[]>;
  /**
   * the days the risk-area listings cover (first and last listing day of the CSV-sourced rows), null without
   * listings: outside them no source says what was added, lifted or in force, so those figures are missing
   */
  riskCoverage: RiskCoverage | null;
  /**
   * listings in force per day and kind, for the city (北京市: every row) and each district: getDailyRiskAreaCounts,
   * the counting rule of the risk-area chart, computed once; a day outside a scope's listings is absent
   */
  riskInForce: ReadonlyMap<string, ReadonlyMap<string, Record<string, number>>>;
  /** the case table rows the cases chart draws (daily new local counts, city-wide or by district), by day */
  chartCases: DayIndex<CaseCsvRecord>;
  /** risk-area rows by the days they are in force (firstDay…lastDay of src/lib/riskAreaPeriods.ts) */
  riskAreasInForce: DayIndex<RiskAreaRow>;
}

/** The day a report belongs to: its publication date, else its event date; null when neither is known. */
export function getDocumentDay(doc: Pick<DocumentRow, "published_date" | "event_date">): string | null {
  return doc.published_date ?? doc.event_date;
}

/** True for a count row a briefing reads: whole day (0-24), new, local, with a date. */
export function isBriefingCaseRow(row: { window: string | null; measure: string; scope: string; date: string | null }): boolean {
  return row.window === "0-24" && row.measure === "new" && row.scope === "local" && row.date !== null;
}

/** Indexes `rows` by day. Pure; never throws on data (rows of no day are left out). */
export function indexBriefingRows(rows: BriefingRows): BriefingIndex {
  const cases = new Map<string, CaseRow>();
  for (const row of rows.caseTables) {
    if (!isBriefingCaseRow(row)) continue;
    const isCity = row.layout === "citywide" && row.district === CITY;
    if (!isCity && row.layout !== "districts") continue;
    cases.set(`${row.date}|${row.district}`, { dataset: "case_csv", row });
  }
  // A report's statement fills only a day and scope no table covers: the tables are the systematic source.
  for (const row of [...rows.caseReports].sort((a, b) => compareText(a.id, b.id))) {
    if (!isBriefingCaseRow(row) || row.district === null || row.date === null) continue;
    if (row.confirmed === null && row.asymptomatic === null) continue;
    const key = `${row.date}|${row.district}`;
    if (!cases.has(key)) cases.set(key, { dataset: "cases", row: { ...row, date: row.date } });
  }
  const documents = groupBy(rows.documents, getDocumentDay, (a, b) => compareText(a.id, b.id));
  const directives = groupBy(rows.directives, (d) => d.date, (a, b) => compareText(a.id, b.id));
  const measures = groupBy(rows.measures, (m) => m.date, (a, b) => compareText(a.id, b.id));
  const { events, coverage } = getRiskAreaEvents(rows.riskAreas);
  // The emitted dataset lists the categories in the order of data/reference/measure-categories.csv.
  const categoryOrder = rows.categories.map((c) => c.key);
  const riskEvents = groupBy(events, (e) => e.day, () => 0);
  return {
    rows,
    districts: sortDistricts(rows.districts),
    categoryLabels: new Map(rows.categories.map((c) => [c.key, c.label_zh])),
    categoryOrder,
    cases,
    documents,
    documentTitles: new Map(rows.documents.map((d) => [d.id, d.title])),
    directives,
    measures,
    riskEvents,
    riskCoverage: coverage,
    riskInForce: new Map([CITY, ...rows.districts.map((d) => d.name)].map((scope) => {
      const counts = getDailyRiskAreaCounts(rows.riskAreas, scope === CITY ? {} : { district: scope });
      return [scope, new Map(counts.days.map((day) => [day.date, day.counts]))];
    })),
    chartCases: indexByDays(rows.caseTables, (r) => (isDailyNewLocal(r) && (r.layout === "citywide" || r.layout === "districts") ? [r.date, r.date] : null)),
    riskAreasInForce: indexByDays(rows.riskAreas, (row) => {
      const first = firstDay(row);
      const last = lastDay(row);
      return first === null || last === null ? null : [first, last];
    }),
  };
}

/** True when the risk-area listings cover `day` (index.riskCoverage): its added, lifted and in-force figures are known. */
export function isRiskDataDay(index: BriefingIndex, day: string): boolean {
  return isRiskDayCovered(index.riskCoverage, day);
}

/**
 * Listings of `scope` (北京市 or a district's official name) in force on `day`, per kind in RISK_AREA_KINDS order,
 * kinds with none left out (as countInForce of src/lib/riskAreaPeriods.ts gives them). [] for an unknown scope, and
 * for a day the listings do not cover (isRiskDataDay: a report's few areas are no count of what is in force).
 */
export function getRiskInForce(index: BriefingIndex, scope: string, day: string): Array<{ kind: string; count: number }> {
  if (!isRiskDataDay(index, day)) return [];
  const counts = index.riskInForce.get(scope)?.get(day) ?? {};
  return RISK_AREA_KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => ({ kind, count: counts[kind] as number }));
}

function groupBy<T>(rows: readonly T[], dayOf: (row: T) => string | null, order: (a: T, b: T) => number): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const day = dayOf(row);
    if (day === null) continue;
    const list = map.get(day) ?? [];
    list.push(row);
    map.set(day, list);
  }
  for (const list of map.values()) list.sort(order);
  return map;
}
