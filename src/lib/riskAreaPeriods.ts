/**
 * When a risk area was in force, read from its merged row's `from` and `to`.
 * `from` and `to` are `YYYY-MM-DD` (the times of day of CSV snapshots are in `from_time`/`to_time`); only the day part is read.
 */
import type { RiskAreaRow } from "../pipeline/validate/riskAreaSchema.ts";

/** 高风险 … 防范区: the level, or the regime where the row has no level. */
export function riskAreaKind(row: Pick<RiskAreaRow, "level" | "regime">): string {
  return row.level ?? row.regime ?? "未注明";
}

/** The kinds in the order pages list them: levels high to low, then regimes strict to light. */
export const RISK_AREA_KINDS = ["高风险", "中风险", "低风险", "封控区", "管控区", "防范区"] as const;

/** The first listing day of `row`: `from` (day part), else `to` when only the lifting is dated; null when neither is. */
export function firstDay(row: Pick<RiskAreaRow, "from" | "to">): string | null {
  return row.from !== null ? row.from.slice(0, 10) : row.to !== null ? row.to.slice(0, 10) : null;
}

/**
 * The last day `row` is known to be in force: `to` (day part) when set, else its first day; null when neither
 * date is set. A text that names an area once says nothing of the days after, so a row a report listed in April
 * and no source lifted is not counted as in force in December. The same rule as the risk-area chart
 * (src/lib/riskAreaCounts.ts), so figures and chart agree.
 */
export function lastDay(row: Pick<RiskAreaRow, "from" | "to">): string | null {
  return row.to !== null ? row.to.slice(0, 10) : firstDay(row);
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
 * Rows in listing order: latest first day first, then by kind, district, street and area, so a page and its
 * pagination always list the same rows in the same place. Undated rows come last.
 */
export function sortRiskAreas(rows: readonly RiskAreaRow[]): RiskAreaRow[] {
  const kindIndex = (row: RiskAreaRow) => (RISK_AREA_KINDS as readonly string[]).indexOf(riskAreaKind(row));
  const key = (s: string | null) => s ?? "";
  return [...rows].sort(
    (a, b) =>
      key(b.from).localeCompare(key(a.from)) ||
      kindIndex(a) - kindIndex(b) ||
      key(a.district).localeCompare(key(b.district)) ||
      key(a.street).localeCompare(key(b.street)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
