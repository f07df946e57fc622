/**
 * Event date: the day the reported events happened, read from the lead of the body
 * (`11月24日`, `6月4日晚`, `昨天下午`, `2022年11月24日`) and resolved only against a known year.
 */
import { addDays, daysBetween, findFullDates, formatIsoDate, resolveMonthDay } from "./date.ts";

/** What a year-less date is resolved against. */
export interface DateAnchor {
  /** YYYY-MM-DD */
  date: string;
  /**
   * `published`: the report's publication date (relative words like 昨天 count from it, and the
   * events are on or before it); `text`: another full date in the report (`截至2022年4月25日24时`,
   * a forum edit stamp), which only tells the year.
   */
  kind: "published" | "text";
}

/** An event date found in the text. */
export interface EventDateMatch {
  /** YYYY-MM-DD */
  iso: string;
  /** the words as written: `昨天`, `6月4日`, `2022年11月24日`, `29日` */
  found: string;
  /** [start, end) in the line searched */
  span: [number, number];
}

// 昨天/昨日 (yesterday), 前天 (the day before), 今天/今日 (today), counted from the publication date.
const RELATIVE_DAYS: ReadonlyArray<[RegExp, number]> = [
  [/昨天|昨日/g, -1],
  [/前天/g, -2],
  [/今天|今日/g, 0],
];
// 1月20日至21日, 6月4日晚, 11月26日下午: a month and day; the 年 case is read by findFullDates.
const MONTH_DAY = /(?<![\d年])(\d{1,2})月(\d{1,2})日/g;
// 在29日举行的, 27日召开: a bare day of the reference month, only before a word that says an event happened.
const DAY_ONLY = /(?<=^|[在于,，、(（])(\d{1,2})日(?=举行|召开|上午|下午|晚|凌晨|傍晚|,|，)/g;
// 截至2022年4月25日24时 (as of), (更新时间:2022年3月9日) (updated): cut-off and page times, not events.
const NOT_AN_EVENT = /(?:截至|截止|至|到|时间[:：]|日期[:：])\s*$/;

/**
 * Find the first event date in `line` (earliest in the line wins), resolved against `anchor`.
 * Full dates need no anchor. Relative words need a `published` anchor. Year-less dates need an
 * anchor and are null when they fall more than a month away from it. Returns null when the line
 * names no event date that can be resolved without guessing.
 */
export function findEventDateInLine(line: string, anchor: DateAnchor | null): EventDateMatch | null {
  const found: EventDateMatch[] = [];
  const isCutOff = (start: number) => NOT_AN_EVENT.test(line.slice(Math.max(0, start - 5), start));

  for (const m of findFullDates(line)) {
    if (m.iso !== null && !isCutOff(m.span[0])) found.push({ iso: m.iso, found: m.found, span: m.span });
  }
  const fullSpans = found.map((f) => f.span);
  const insideFull = (i: number) => fullSpans.some(([s, e]) => i >= s && i < e);

  if (anchor !== null) {
    for (const m of line.matchAll(MONTH_DAY)) {
      if (insideFull(m.index) || isCutOff(m.index)) continue;
      const iso = resolveMonthDay(Number(m[1]), Number(m[2]), anchor.date, anchor.kind === "published" ? "before" : "nearest");
      if (iso !== null) found.push({ iso, found: m[0], span: [m.index, m.index + m[0].length] });
    }
  }

  if (anchor?.kind === "published") {
    for (const [pattern, offset] of RELATIVE_DAYS) {
      for (const m of line.matchAll(pattern)) {
        found.push({ iso: addDays(anchor.date, offset), found: m[0], span: [m.index, m.index + m[0].length] });
      }
    }
    const year = Number(anchor.date.slice(0, 4));
    const month = Number(anchor.date.slice(5, 7));
    for (const m of line.matchAll(DAY_ONLY)) {
      if (insideFull(m.index) || isCutOff(m.index)) continue;
      // Only a day earlier in the same month as the publication: 27日 in a report of 4月12日 is not this month.
      const iso = formatIsoDate(year, month, Number(m[1]));
      if (iso !== null && daysBetween(iso, anchor.date) >= 0) {
        found.push({ iso, found: m[0], span: [m.index, m.index + m[0].length] });
      }
    }
  }

  found.sort((a, b) => a.span[0] - b.span[0]);
  return found[0] ?? null;
}

/**
 * Find the event date in the lead of a body: the lines from the first body line up to and including
 * the first one that ends a sentence with `。` (short lines before it, like `3月8日消息:` or
 * `信息来源:…(4月26日)`, belong to the lead). Returns the first resolvable date, with the index of
 * its line, or null.
 */
export function findLeadEventDate(
  lines: readonly string[],
  anchor: DateAnchor | null,
): (EventDateMatch & { line: number }) | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = findEventDateInLine(line, anchor);
    if (match) return { ...match, line: i };
    if (line.includes("。")) break;
  }
  return null;
}
