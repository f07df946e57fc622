/**
 * Calendar dates as reports write them: `2022-04-13`, `2022/4/12 19:30:00`, `2020年06月03日 13:08`,
 * and the arithmetic the parse stage needs on YYYY-MM-DD strings (Beijing dates, no time zone).
 */

/** A date written in a text, and what it means. */
export interface DateMatch {
  /** YYYY-MM-DD, or null when the text names no calendar day (`2022-13-01`, `2022年2月30日`) */
  iso: string | null;
  /** the date as written, without any time of day: `2022-13-01`, `2020年06月03日` */
  found: string;
  /** [start, end) of `found` in the text searched */
  span: [number, number];
}

// 2022-04-13, 2025/4/12, 2020.2.11, 2020年06月03日 (a space may follow 年 and 月 in scraped pages).
const FULL_DATE = /(?<!\d)(\d{4})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:\s*日)?/g;

/** True when year-month-day names a day of the Gregorian calendar (2020-02-29 yes, 2022-02-29 no). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD of a calendar day; returns null when it is not one (2022-13-01). */
export function formatIsoDate(year: number, month: number, day: number): string | null {
  if (!isCalendarDate(year, month, day)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * True when `text` is a YYYY-MM-DD string naming a calendar day (`2022-02-28` yes; `2022-02-30`, `2022-2-3`,
 * `2022-02-28T00:00` no): how CSV inputs write dates.
 */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Words for a day counted from the publication date, with their offset in days: 昨天/昨日 (yesterday, -1),
 * 前天 (the day before, -2), 今天/今日 (today, 0). Longest first, so that a pattern built from them tries the
 * longer words first (none is a prefix of another today).
 */
export const RELATIVE_DAY_WORDS: ReadonlyArray<readonly [word: string, offset: number]> = [
  ["昨天", -1],
  ["昨日", -1],
  ["前天", -2],
  ["今天", 0],
  ["今日", 0],
];

/** Day number of a YYYY-MM-DD date (days since 1970-01-01). Throws on a malformed string: a bug. */
function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`dayNumber needs YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** The YYYY-MM-DD date `days` days after `iso` (negative: before). `addDays("2022-03-01", -1)` is `2022-02-28`. */
export function addDays(iso: string, days: number): string {
  const d = new Date((dayNumber(iso) + days) * 86_400_000);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())!;
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Find every full date (year, month and day) in `text`, in order. Dates that are not calendar days
 * are returned with `iso: null` so the caller can report them. Returns [] when there is none.
 */
export function findFullDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const [whole, y, sep, mo, d] = m;
    // 2022年4月 25日 is a date; 2022-4月25日 mixes two styles and is not one we read.
    if (sep === "年" ? !/月/.test(whole) : /[月日]/.test(whole)) continue;
    out.push({
      iso: formatIsoDate(Number(y), Number(mo), Number(d)),
      found: whole.replace(/\s+/g, ""),
      span: [m.index, m.index + whole.length],
    });
  }
  return out;
}

/**
 * Read a date-time value as the page gave it (`2022-05-06 17:21`, `2020年06月03日 13:08`,
 * `XQmvkdrt - 2025/4/12 19:30:00`): the first full date in it. Returns null when it has none.
 */
export function parseDateText(value: string): DateMatch | null {
  return findFullDates(value)[0] ?? null;
}

/**
 * Read a line that is nothing but a date (`2022-04-30`, `2022年2月7日`, the date that signs a
 * notice). Returns null when the line holds anything else.
 */
export function parseDateLine(line: string): DateMatch | null {
  const trimmed = line.trim();
  const match = parseDateText(trimmed);
  if (!match) return null;
  const rest = trimmed.slice(0, match.span[0]) + trimmed.slice(match.span[1]);
  if (rest.trim() !== "") return null;
  const lead = line.length - line.trimStart().length;
  return { ...match, span: [match.span[0] + lead, match.span[1] + lead] };
}

/**
 * Give a month and day without a year (`6月4日`) the year that puts it on or before `reference`
 * (`"before"`: the reference is when the report was published) or nearest to it (`"nearest"`: the
 * reference is another date in the text, which the events may follow). Returns null when that
 * day is more than `maxDays` away: a report dated long after the events is a repost, and its date
 * does not tell the year. Also null when month/day is never a calendar day.
 */
export function resolveMonthDay(
  month: number,
  day: number,
  reference: string,
  mode: "before" | "nearest",
  maxDays = 31,
): string | null {
  const year = Number(reference.slice(0, 4));
  const candidates = [year - 1, year, year + 1]
    .map((y) => formatIsoDate(y, month, day))
    .filter((iso): iso is string => iso !== null)
    .map((iso) => ({ iso, gap: daysBetween(iso, reference) }))
    .filter((c) => (mode === "before" ? c.gap >= 0 : true));
  let best: { iso: string; gap: number } | null = null;
  for (const c of candidates) if (best === null || Math.abs(c.gap) < Math.abs(best.gap)) best = c;
  if (best === null || Math.abs(best.gap) > maxDays) return null;
  return best.iso;
}

/** The day in Beijing of an instant. UTC+8 all year: China has had no daylight saving time since 1991. */
export function beijingDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Read a date-time that names its zone, in the two forms feeds and exports write — ISO 8601
 * (`2021-11-05T23:53:31Z`, `2021-11-05 23:53:31+08:00`) and RFC 2822 (`Fri, 05 Nov 2021 23:53:31 GMT`,
 * `… +0800`) — and return the day it was in Beijing. Null for anything else, a time without a zone
 * included: the day would be a guess.
 */
export function parseZonedDateTime(value: string): string | null {
  const text = value.trim();
  let parts: { y: number; mo: number; d: number; h: number; mi: number; s: number; zone: string } | null = null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(text);
  const rfc = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC|Z|[+-]\d{4})$/i.exec(text);
  if (iso) parts = { y: +iso[1]!, mo: +iso[2]!, d: +iso[3]!, h: +iso[4]!, mi: +iso[5]!, s: +(iso[6] ?? 0), zone: iso[7]! };
  else if (rfc && MONTHS.includes(rfc[2]!.toLowerCase())) {
    parts = { y: +rfc[3]!, mo: MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1, d: +rfc[1]!, h: +rfc[4]!, mi: +rfc[5]!, s: +(rfc[6] ?? 0), zone: rfc[7]! };
  }
  if (parts === null || !isCalendarDate(parts.y, parts.mo, parts.d) || parts.h > 23 || parts.mi > 59 || parts.s > 59) return null;
  const zone = /^[+-]/.test(parts.zone) ? parts.zone.replace(":", "") : "+0000";
  const offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const utc = Date.UTC(parts.y, parts.mo - 1, parts.d, parts.h, parts.mi, parts.s) - offsetMinutes * 60_000;
  return beijingDateOf(new Date(utc));
}

