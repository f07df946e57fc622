/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings, in UTC so that the machine's time zone never shifts a day.
 */

import { addDays, daysBetween } from "../pipeline/parse/date.ts";

/** `2022-04-13` → its UTC midnight as a Date. Throws on anything but a real YYYY-MM-DD (a bug of the caller). */
export function getUtcDate(iso: string): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new Error(`getUtcDate: expected YYYY-MM-DD, found ${JSON.stringify(iso)}`);
  }
  return date;
}

/**
 * `addDays("2022-04-30", 1)` → `2022-05-01`; `daysBetween(from, to)`: whole days from `from` to `to` (negative when
 * `to` is earlier). The pipeline's own (src/pipeline/parse/date.ts), so site and data count days the same way.
 */
export { addDays, daysBetween };

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function getDayRange(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1;
  const days: string[] = [];
  for (let i = 0; i < count; i++) days.push(addDays(from, i));
  return days;
}

/** The day part of `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (the risk-area listings' form); null for null. */
export function getDayOf(dateTime: string | null): string | null {
  return dateTime === null ? null : dateTime.slice(0, 10);
}
