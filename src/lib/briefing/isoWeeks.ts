/**
 * ISO 8601 weeks (Monday to Sunday, week 1 holds the year's first Thursday) on `YYYY-MM-DD` strings, for the weekly
 * briefings: `2022-04-13` is in `2022-W15`, which runs from 2022-04-11 to 2022-04-17. UTC only, so the machine's
 * time zone never moves a day into another week.
 */
import { addDays, getUtcDate } from "../isoDays.ts";

/** `2022-04-13` → `2022-W15`; `2021-01-01` (a Friday) → `2020-W53`. Throws on anything but a real day (a caller's bug). */
export function getIsoWeek(day: string): string {
  const date = getUtcDate(day);
  // The Thursday of the same week decides the week's year: 2021-01-01 is a Friday, its Thursday is 2020-12-31.
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = addDays(day, 3 - weekday);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = getFirstThursday(year);
  const week = Math.round((getUtcDate(thursday).getTime() - getUtcDate(firstThursday).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * The seven days of `week` (`2022-W15`), Monday first. Throws an Error naming the value for anything that is not
 * `YYYY-Www` of a week that exists (`2022-W53` does not: 2022 has 52 weeks).
 */
export function getWeekDays(week: string): string[] {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`ISO week is not valid: expected YYYY-Www, found ${JSON.stringify(week)}`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  const monday = addDays(getFirstThursday(year), -3 + (number - 1) * 7);
  if (number < 1 || getIsoWeek(monday) !== week) throw new Error(`ISO week does not exist: expected a week of ${year}, found ${JSON.stringify(week)}`);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The week before `week`: `2022-W01` → `2021-W52`. */
export function getPreviousWeek(week: string): string {
  return getIsoWeek(addDays(getWeekDays(week)[0] as string, -7));
}

/** `2022-W15` → `{ year: 2022, week: 15 }` for prose (`2022年第15周`); throws like getWeekDays. */
export function splitIsoWeek(week: string): { year: number; week: number } {
  getWeekDays(week);
  return { year: Number(week.slice(0, 4)), week: Number(week.slice(6)) };
}

function getFirstThursday(year: number): string {
  const jan4 = `${year}-01-04`;
  // 4 January is always in week 1; its week's Thursday is week 1's Thursday.
  const weekday = (getUtcDate(jan4).getUTCDay() + 6) % 7;
  return addDays(jan4, 3 - weekday);
}
