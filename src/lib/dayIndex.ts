/**
 * Rows found by the days they cover, for pages that ask for a window of days many times over (a briefing per day
 * and per week): at 10,000 reports, scanning every case row and every risk-area row for each of ~1,000 windows was
 * 3 s of the site build.
 */
import { daysBetween } from "./isoDays.ts";

/** The rows covering any day of a window, in the order they were given. */
export interface DayIndex<T> {
  /** rows whose days overlap `from`…`to` (both included) */
  find(from: string, to: string): T[];
}

/** Days per bucket: a row is filed under every bucket its days touch. */
const BUCKET_DAYS = 7;

function bucketOf(day: string): number {
  return Math.floor(daysBetween("1970-01-01", day) / BUCKET_DAYS);
}

/**
 * Index `rows` by `spanOf(row)`: its first and last day (`YYYY-MM-DD`, the same day for a one-day row), or null
 * for a row of no known day, which no window finds. A span whose last day is before its first covers no day.
 */
export function indexByDays<T>(rows: readonly T[], spanOf: (row: T) => readonly [first: string, last: string] | null): DayIndex<T> {
  const spans: Array<readonly [string, string] | null> = [];
  const buckets = new Map<number, number[]>();
  rows.forEach((row, position) => {
    const found = spanOf(row);
    const span = found !== null && found[0] <= found[1] ? found : null;
    spans.push(span);
    if (span === null) return;
    for (let bucket = bucketOf(span[0]), last = bucketOf(span[1]); bucket <= last; bucket++) {
      const list = buckets.get(bucket);
      if (list === undefined) buckets.set(bucket, [position]);
      else list.push(position);
    }
  });
  return {
    find(from, to) {
      if (to < from) return [];
      const positions = new Set<number>();
      for (let bucket = bucketOf(from), last = bucketOf(to); bucket <= last; bucket++) {
        for (const position of buckets.get(bucket) ?? []) {
          const [first, end] = spans[position]!;
          if (first <= to && end >= from) positions.add(position);
        }
      }
      return [...positions].sort((a, b) => a - b).map((position) => rows[position] as T);
    },
  };
}
