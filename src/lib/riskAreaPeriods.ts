/**
 * When a risk area was in force, read from its merged row's `from` and `to`.
 * `from` and `to` are `YYYY-MM-DD` (the times of day of CSV snapshots are in `from_time`/`to_time`); only the day part is read.
 */
import { riskLevel, riskRegime, type RiskAreaRow } from "../pipeline/validate/riskAreaSchema.ts";
import { compareText } from "./compareText.ts";

/** 高风险 … 防范区: the level, or the regime where the row has no level. */
export function riskAreaKind(row: Pick<RiskAreaRow, "level" | "regime">): string {
  return row.level ?? row.regime ?? "未注明";
}

/**
 * The kinds in the order pages, legends and tables list them: levels high to low, then regimes strict to light (the
 * schema's enums). The one list of the site; src/lib/riskAreaCounts.ts's RISK_KINDS is this list.
 */
export const RISK_AREA_KINDS: readonly string[] = Object.freeze([...riskLevel.options, ...riskRegime.options]);

/** The first listing day of `row`: `from` (day part), else `to` when only the lifting is dated; null when neither is. */
export function firstDay(row: Pick<RiskAreaRow, "from" | "to">): string | null {
  return row.from !== null ? row.from.slice(0, 10) : row.to !== null ? row.to.slice(0, 10) : null;
}

/**
 * The last day `row` is known to be in force: `to` (day part) when set, else its first day; null when neither
 * date is set. A text that names an area once says nothing of the days after, so a row a report listed in April
 * and no source lifted is not counted as in force in December. A `to` before `from` (a source error) gives the
 * first day, so the row counts on that day rather than vanishing. The one rule of the site: the risk-area chart
 * (src/lib/riskAreaCounts.ts) counts with it too, so figures and chart agree.
 */
export function lastDay(row: Pick<RiskAreaRow, "from" | "to">): string | null {
  const first = firstDay(row);
  const to = row.to === null ? null : row.to.slice(0, 10);
  return to === null || (first !== null && to < first) ? first : to;
}

/** True when `row` is in force on `day` (`YYYY-MM-DD`): first day ≤ day ≤ last day. False when undated. */
export function isInForce(row: Pick<RiskAreaRow, "from" | "to">, day: string): boolean {
  const first = firstDay(row);
  const last = lastDay(row);
  return first !== null && last !== null && first <= day && day <= last;
}

/** The latest day any row is known to be in force, or null when no row is dated. */
export function latestRiskAreaDay(rows: ReadonlyArray<Pick<RiskAreaRow, "from" | "to">>): string | null {
  let latest: string | null = null;
  for (const row of rows) {
    const last = lastDay(row);
    if (last !== null && (latest === null || last > latest)) latest = last;
  }
  return latest;
}

/** Rows in force on `day` counted per kind, in `RISK_AREA_KINDS` order, kinds with no row left out. */
export function countInForce(rows: readonly RiskAreaRow[], day: string): Array<{ kind: string; count: number }> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (isInForce(row, day)) counts.set(riskAreaKind(row), (counts.get(riskAreaKind(row)) ?? 0) + 1);
  }
  return RISK_AREA_KINDS.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

/**
 * Rows in listing order: latest first day (`firstDay`: `from`, else `to`) first, then by kind, district, street and
 * id, in code-unit order (never the machine's locale), so a page and its pagination always list the same rows in the
 * same place. Undated rows come last.
 */
export function sortRiskAreas(rows: readonly RiskAreaRow[]): RiskAreaRow[] {
  const kindIndex = (row: RiskAreaRow) => RISK_AREA_KINDS.indexOf(riskAreaKind(row));
  const key = (s: string | null) => s ?? "";
  return [...rows].sort(
    (a, b) =>
      compareText(key(firstDay(b)), key(firstDay(a))) ||
      kindIndex(a) - kindIndex(b) ||
      compareText(key(a.district), key(b.district)) ||
      compareText(key(a.street), key(b.street)) ||
      compareText(a.id, b.id),
  );
}
