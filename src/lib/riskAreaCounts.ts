/**
 * How many risk areas were listed on each day, by level (高/中/低风险) and regime (封控区/管控区/防范区), from the
 * `risk_areas` dataset's from/to intervals.
 *
 * Counting rule: the site's one rule, firstDay/lastDay of src/lib/riskAreaPeriods.ts: a row counts on every day
 * from the day of `from` to the day of `to`, both included; a row with only one of the two dates counts on that day
 * alone; a `to` before `from` counts on `from` alone. A row with neither date cannot be placed and is counted in
 * `undated`. Times of day (`2022-12-03 14:00`) are dropped: counts are per calendar day.
 */
import { riskRegime } from "../pipeline/validate/riskAreaSchema.ts";
import { daysBetween, getDayRange } from "./isoDays.ts";
import { firstDay, lastDay, RISK_AREA_KINDS } from "./riskAreaPeriods.ts";

/** The columns of a `risk_areas` row this module reads. */
export interface RiskAreaRowSpec {
  district: string | null;
  level: string | null;
  regime: string | null;
  /** YYYY-MM-DD or YYYY-MM-DD HH:MM, or null */
  from: string | null;
  to: string | null;
}

/** Risk levels then regimes, most severe first: the order of legends, tables and sentences (RISK_AREA_KINDS). */
export const RISK_KINDS: readonly string[] = RISK_AREA_KINDS;

/** Is this kind a regime (封控区/管控区/防范区) rather than a level? */
export function isRiskRegime(kind: string): boolean {
  return (riskRegime.options as readonly string[]).includes(kind);
}

/** One day's counts, for each kind present in the rows. */
export interface RiskAreaDay {
  date: string;
  counts: Record<string, number>;
  /** sum over all kinds */
  total: number;
}

/** What getDailyRiskAreaCounts returns. */
export interface RiskAreaCounts {
  /** first and last day any row is counted on; null when none is */
  first: string | null;
  last: string | null;
  /** kinds present in the counted rows, in RISK_KINDS order */
  kinds: string[];
  /** every day from first to last */
  days: RiskAreaDay[];
  /** rows counted, by kind (each row is one area listing) */
  listed: Record<string, number>;
  /** the day with most areas listed at once (all kinds summed; the earliest of equal days), or null */
  peak: RiskAreaDay | null;
  /** rows of the selection with neither from nor to */
  undated: number;
}

/**
 * Daily counts of the rows of one district (`district`: official name) or, without it, of all rows (the city,
 * including rows whose district is unknown). Rows with a level or regime outside RISK_KINDS are ignored. Never
 * throws on data; no countable row gives `first: null` and no days.
 */
export function getDailyRiskAreaCounts(rows: readonly RiskAreaRowSpec[], options: { district?: string } = {}): RiskAreaCounts {
  const intervals: Array<{ kind: string; from: string; to: string }> = [];
  let undated = 0;
  for (const row of rows) {
    if (options.district !== undefined && row.district !== options.district) continue;
    const kind = row.level ?? row.regime;
    if (kind === null || !RISK_KINDS.includes(kind)) continue;
    const from = firstDay(row);
    const to = lastDay(row);
    if (from === null || to === null) {
      undated += 1;
      continue;
    }
    intervals.push({ kind, from, to });
  }
  const kinds = RISK_KINDS.filter((kind) => intervals.some((i) => i.kind === kind));
  const listed: Record<string, number> = {};
  for (const kind of kinds) listed[kind] = intervals.filter((i) => i.kind === kind).length;
  if (intervals.length === 0) return { first: null, last: null, kinds, days: [], listed, peak: null, undated };

  let first = intervals[0]?.from as string;
  let last = intervals[0]?.to as string;
  for (const i of intervals) {
    if (i.from < first) first = i.from;
    if (i.to > last) last = i.to;
  }
  const range = getDayRange(first, last);
  // Difference arrays: +1 on the first day, −1 the day after the last, summed in one pass.
  const deltas = new Map(kinds.map((kind) => [kind, new Array<number>(range.length + 1).fill(0)]));
  for (const i of intervals) {
    const delta = deltas.get(i.kind) as number[];
    delta[daysBetween(first, i.from)] = (delta[daysBetween(first, i.from)] ?? 0) + 1;
    delta[daysBetween(first, i.to) + 1] = (delta[daysBetween(first, i.to) + 1] ?? 0) - 1;
  }
  const running = new Map(kinds.map((kind) => [kind, 0]));
  let peak: RiskAreaDay | null = null;
  const days = range.map((date, index): RiskAreaDay => {
    const counts: Record<string, number> = {};
    let total = 0;
    for (const kind of kinds) {
      const value = (running.get(kind) ?? 0) + ((deltas.get(kind) as number[])[index] ?? 0);
      running.set(kind, value);
      counts[kind] = value;
      total += value;
    }
    const day = { date, counts, total };
    if (peak === null || total > peak.total) peak = day;
    return day;
  });
  return { first, last, kinds, days, listed, peak, undated };
}

/**
 * The days on which any count changes, plus the first and last day: enough to draw the counts as steps and to
 * list them in a table without one row per day.
 */
export function getRiskAreaChangeDays(counts: RiskAreaCounts): RiskAreaDay[] {
  return counts.days.filter((day, index) => {
    if (index === 0 || index === counts.days.length - 1) return true;
    const previous = counts.days[index - 1] as RiskAreaDay;
    return counts.kinds.some((kind) => previous.counts[kind] !== day.counts[kind]);
  });
}
