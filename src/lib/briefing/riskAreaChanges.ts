/**
 * Risk areas added and lifted on a day, read from the merged risk_areas rows.
 *
 * What counts as added on day D: a listing whose first day (firstDay: `from`) is D, when a source shows it began
 * then: a CSV listing (the archive's first snapshot listing it, `first_seen`) or a report that designates it
 * (`change` added: 划定, 升为). A report that only names an area already listed (`change` null) says nothing of when
 * it was added, so it is no event.
 * What counts as lifted on day D: a listing whose `to` is D when a report lifts it (`change` lifted: 解除, 降为); a
 * CSV listing last seen on D - 1 (`to`), on D, the first day it is absent from the listings: the day after its last
 * listing, when the listings still cover that day. A listing last seen on the last day of the listings is no event:
 * there the data ends, not the listing. (Taking `to` itself would count an area as both lifted and in force that day.)
 *
 * The days the listings cover (`coverage`): from the earliest first day to the latest last day of the CSV-sourced
 * rows (2020-12-20 … 2022-12-13 in the corpus). Outside them no listing says what was added or lifted: a briefing
 * says the data is missing there, never 0; areas a report announces are still listed, as announced.
 */
import type { RiskAreaRow } from "../../pipeline/validate/riskAreaSchema.ts";
import { compareText } from "../compareText.ts";
import { addDays } from "../isoDays.ts";
import { firstDay, riskAreaKind, RISK_AREA_KINDS } from "../riskAreaPeriods.ts";

/** One risk area added or lifted on one day. */
export interface RiskAreaEvent {
  /** YYYY-MM-DD */
  day: string;
  change: "added" | "lifted";
  /** 高风险 … 防范区 */
  kind: string;
  /** official district name, or null when no source names one */
  district: string | null;
  row: RiskAreaRow;
}

/** The days the risk-area listings cover, both included (YYYY-MM-DD). */
export interface RiskCoverage {
  from: string;
  to: string;
}

/**
 * The days the CSV listings of `rows` cover: the earliest first day (`from`) and the latest last day (`to`) of the
 * rows with a CSV source; null without such rows. Never throws on data.
 */
export function getRiskCoverage(rows: readonly RiskAreaRow[]): RiskCoverage | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const row of rows) {
    if (!hasCsvSource(row)) continue;
    const first = firstDay(row);
    const last = row.to === null ? first : row.to.slice(0, 10);
    if (first !== null && (from === null || first < from)) from = first;
    if (last !== null && (to === null || last > to)) to = last;
  }
  return from === null || to === null ? null : { from, to };
}

/** True when `day` is one of the days `coverage` covers; false for null coverage. */
export function isRiskDayCovered(coverage: RiskCoverage | null, day: string): boolean {
  return coverage !== null && coverage.from <= day && day <= coverage.to;
}

/**
 * Every add and lift event of `rows` (see the module note), sorted by day, change (added first), kind
 * (RISK_AREA_KINDS order), district, street and id; and the days the CSV listings cover (`coverage`, null without
 * CSV rows). Never throws on data.
 */
export function getRiskAreaEvents(rows: readonly RiskAreaRow[]): { events: RiskAreaEvent[]; coverage: RiskCoverage | null } {
  const coverage = getRiskCoverage(rows);
  const events: RiskAreaEvent[] = [];
  for (const row of rows) {
    const base = { kind: riskAreaKind(row), district: row.district, row };
    const first = row.from === null ? null : firstDay(row);
    if (first !== null && (hasCsvSource(row) || hasTextChange(row, "added"))) events.push({ ...base, day: first, change: "added" });
    const to = row.to === null ? null : row.to.slice(0, 10);
    if (to === null) continue;
    if (hasTextChange(row, "lifted")) events.push({ ...base, day: to, change: "lifted" });
    else if (hasCsvSource(row) && isRiskDayCovered(coverage, addDays(to, 1))) events.push({ ...base, day: addDays(to, 1), change: "lifted" });
  }
  events.sort(compareEvents);
  return { events, coverage };
}

/** Events in briefing order: day, added before lifted, kind, district (unknown last), street, id. */
export function compareEvents(a: RiskAreaEvent, b: RiskAreaEvent): number {
  return (
    compareText(a.day, b.day) ||
    (a.change === b.change ? 0 : a.change === "added" ? -1 : 1) ||
    RISK_AREA_KINDS.indexOf(a.kind) - RISK_AREA_KINDS.indexOf(b.kind) ||
    compareText(a.district ?? "\uffff", b.district ?? "\uffff") ||
    compareText(a.row.street ?? "", b.row.street ?? "") ||
    compareText(a.row.id, b.row.id)
  );
}

function hasCsvSource(row: RiskAreaRow): boolean {
  return row.sources.some((s) => "path" in s);
}

function hasTextChange(row: RiskAreaRow, change: "added" | "lifted"): boolean {
  return row.sources.some((s) => "doc_id" in s && s.change === change);
}
