/**
 * Which briefings a build makes. The live site makes every briefing; an archived snapshot (scripts/snapshot.ts
 * builds it with src/build/site.ts and sets TONGBAO_SNAPSHOT_DATE=YYYY-MM-DD) makes only that day's briefings (the
 * city's and its districts') and the weekly briefing of its week, so the archive stays small and the briefing as
 * published on that day stays citable. The one place the variable is read.
 */
import { getIsoWeek } from "./isoWeeks.ts";

/** The snapshot day of this build, or null for the live site. Throws when the variable is set but not YYYY-MM-DD. */
export function getSnapshotDate(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const value = env.TONGBAO_SNAPSHOT_DATE;
  if (value === undefined || value === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`TONGBAO_SNAPSHOT_DATE is not a date: expected YYYY-MM-DD, found ${JSON.stringify(value)}`);
  return value;
}

/** The briefing days of `dates` this build makes: all of them, or the snapshot day when it is one of them. */
export function selectBriefingDates(dates: readonly string[], snapshot: string | null = getSnapshotDate()): string[] {
  return snapshot === null ? [...dates] : dates.filter((d) => d === snapshot);
}

/** The weeks of `weeks` this build makes: all, or the snapshot day's week. */
export function selectBriefingWeeks(weeks: readonly string[], snapshot: string | null = getSnapshotDate()): string[] {
  return snapshot === null ? [...weeks] : weeks.filter((w) => w === getIsoWeek(snapshot));
}
