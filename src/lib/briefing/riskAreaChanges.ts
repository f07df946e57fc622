/**
 * Risk areas added and lifted on a day, read from the merged risk_areas rows.
 *
 * What counts as added on day D: a listing whose first day (firstDay: `from`) is D, when a source shows it began
 * then: a CSV listing (the archive's first snapshot listing it, `first_seen`) or a report that designates it
 * (`change` added: 划定, 升为). A report that only names an area already listed (`change` null) says nothing of when
 * it was added, so it is no event.
 * What counts as lifted on day D: a listing whose `to` is D, when a report lifts it (`change` lifted: 解除, 降为) or a
 * CSV listing last seen on D (the next snapshot no longer lists it), except on the last day of the listings: there
 * the data ends, not the listing.
 */
import type { RiskAreaRow } from "../../pipeline/validate/riskAreaSchema.ts";
import { compareText } from "../compareText.ts";
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

/**
 * Every add and lift event of `rows`, sorted by day, change (added first), kind (RISK_AREA_KINDS order), district,
 * street and id; and the last day of the CSV listings (`dataEnd`, null without CSV rows). Never throws on data.
 */
export function getRiskAreaEvents(rows: readonly RiskAreaRow[]): { events: RiskAreaEvent[]; dataEnd: string | null } {
  let dataEnd: string | null = null;
  for (const row of rows) {
    if (row.to !== null && hasCsvSource(row) && (dataEnd === null || row.to.slice(0, 10) > dataEnd)) dataEnd = row.to.slice(0, 10);
  }
  const events: RiskAreaEvent[] = [];
  for (const row of rows) {
    const base = { kind: riskAreaKind(row), district: row.district, row };
    const first = row.from === null ? null : firstDay(row);
    if (first !== null && (hasCsvSource(row) || hasTextChange(row, "added"))) events.push({ ...base, day: first, change: "added" });
    const to = row.to === null ? null : row.to.slice(0, 10);
    if (to !== null && (hasTextChange(row, "lifted") || (hasCsvSource(row) && to !== dataEnd))) events.push({ ...base, day: to, change: "lifted" });
  }
  events.sort(compareEvents);
  return { events, dataEnd };
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
