/**
 * The measure timeline: the `measures` rows (date × district × category, with their directives) arranged as rows
 * of a chart — one row per district and category that occurs, grouped by district — with the sums its text needs.
 *
 * A corpus of years has hundreds of days and hundreds of district × category rows: drawn as they are, the chart of
 * 10,000 reports had 15,000 dots and 273 rows (a 6 MB SVG and a 4.7 MB table on the home page). Beyond
 * MAX_TIMELINE_COLUMNS days the columns are weeks, months, quarters or years, the first that fit; beyond
 * MAX_TIMELINE_LANES rows each category is one row for the city and all districts together (each district page
 * still has its own).
 */
import type { DistrictRef } from "./caseSeries.ts";
import { getIsoWeek, getWeekDays } from "./briefing/isoWeeks.ts";
import { formatDate } from "./formatDate.ts";

/** The most columns a timeline has: more days than this are grouped into weeks, months, quarters or years. */
export const MAX_TIMELINE_COLUMNS = 40;
/** The most rows a timeline has by district: beyond, one row per category for the city and every district. */
export const MAX_TIMELINE_LANES = 60;

/** What a column of the timeline is. */
export type TimelinePeriod = "day" | "week" | "month" | "quarter" | "year";
const PERIODS: readonly TimelinePeriod[] = ["day", "week", "month", "quarter", "year"];

/**
 * The first day of the `period` that `day` (YYYY-MM-DD) falls in: the day itself, the Monday of its ISO week, the
 * first of its month, quarter or year.
 */
export function getPeriodStart(day: string, period: TimelinePeriod): string {
  switch (period) {
    case "day":
      return day;
    case "week":
      return getWeekDays(getIsoWeek(day))[0] as string;
    case "month":
      return `${day.slice(0, 7)}-01`;
    case "quarter":
      return `${day.slice(0, 5)}${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
    case "year":
      return `${day.slice(0, 4)}-01-01`;
  }
}

/** A column's label: `2022年4月13日`, `2022年4月11日起一周`, `2022年4月`, `2022年第2季度`, `2022年`. */
export function formatPeriod(start: string, period: TimelinePeriod): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  switch (period) {
    case "day":
      return formatDate(start);
    case "week":
      return `${formatDate(start)}起一周`;
    case "month":
      return `${year}年${month}月`;
    case "quarter":
      return `${year}年第${(month - 1) / 3 + 1}季度`;
    case "year":
      return `${year}年`;
  }
}

/** The columns of a `measures` row this module reads. */
export interface MeasureRowSpec {
  date: string;
  /** official district name, or null for the whole city (全市) */
  district: string | null;
  /** key of data/reference/measure-categories.csv */
  category: string;
  directives: number;
  directive_ids: readonly string[];
}

/** A measure category as data/reference/measure-categories.csv gives it (key and Chinese label). */
export interface CategoryRef {
  key: string;
  label_zh: string;
}

/** One row of the timeline: a district (or the city) and a category. */
export interface TimelineLane {
  /** `{district slug or beijing}:{category key}`, unique */
  key: string;
  /** 全市 or the district's official name */
  districtName: string;
  category: string;
  categoryLabel: string;
  /** true for the first lane of its district (where the district's name is written) */
  firstOfDistrict: boolean;
}

/** One dot of the timeline: a column and a lane, with the directives of its rows. */
export interface TimelineMark {
  /** the first day of the column's period (`columns`) */
  column: string;
  lane: string;
  /** the district of the lane's rows, null for the city or for all districts together (`combined`) */
  district: string | null;
  category: string;
  /** the directives of its rows (a directive is in one row per category, so they add up) */
  directives: number;
  /** their ids, in date then id order */
  directive_ids: string[];
}

/** What getMeasureTimeline returns. */
export interface MeasureTimeline {
  /**
   * lanes in district order (全市 first, then `districts` order, then unknown names), categories in CSV order; when
   * `combined`, one lane per category, named 全市及各区
   */
  lanes: TimelineLane[];
  /** true when there were more than MAX_TIMELINE_LANES lanes by district, so that the lanes are categories alone */
  combined: boolean;
  /** what a column is: a day, or a coarser period when there are more than MAX_TIMELINE_COLUMNS days */
  period: TimelinePeriod;
  /** the first days of the periods that have a measure, ascending (the days themselves for `day`) */
  columns: string[];
  /** the dates that have a measure, ascending */
  dates: string[];
  /** one per column and lane that has rows, in column then lane order */
  marks: TimelineMark[];
  /** distinct directive ids over the rows kept */
  directiveCount: number;
  /** distinct directives per category key, and per district name (全市 for null) */
  directivesByCategory: Map<string, number>;
  directivesByDistrict: Map<string, number>;
}

/** The district label of a row: its name, or 全市 for the whole city. */
export function getMeasureDistrictName(district: string | null): string {
  return district ?? "全市";
}

/** The label of the lanes of a combined timeline: the city and every district. */
export const COMBINED_DISTRICTS = "全市及各区";

/**
 * The timeline of the rows of one district (`district`: official name; the city's own rows are not included) or of
 * all rows. Category labels come from `categories`; a key missing there is shown as the key itself, after the
 * known ones. Never throws on data; no rows give no lanes.
 */
export function getMeasureTimeline(
  rows: readonly MeasureRowSpec[],
  districts: readonly DistrictRef[],
  categories: readonly CategoryRef[],
  options: { district?: string } = {},
): MeasureTimeline {
  const kept = rows.filter((row) => options.district === undefined || row.district === options.district);
  const districtOrder = (name: string | null): number => {
    if (name === null) return -1;
    const index = districts.findIndex((d) => d.name === name);
    return index === -1 ? districts.length : index;
  };
  const categoryOrder = (key: string): number => {
    const index = categories.findIndex((c) => c.key === key);
    return index === -1 ? categories.length : index;
  };
  const slugOf = (name: string | null): string => (name === null ? "beijing" : (districts.find((d) => d.name === name)?.slug ?? name));
  const lanesByDistrict = new Set(kept.map((row) => `${slugOf(row.district)}:${row.category}`)).size;
  const combined = lanesByDistrict > MAX_TIMELINE_LANES;
  const laneKey = (row: MeasureRowSpec): string => (combined ? `all:${row.category}` : `${slugOf(row.district)}:${row.category}`);
  const compareDistrict = (a: MeasureRowSpec, b: MeasureRowSpec): number =>
    districtOrder(a.district) - districtOrder(b.district) ||
    (getMeasureDistrictName(a.district) < getMeasureDistrictName(b.district) ? -1 : getMeasureDistrictName(a.district) > getMeasureDistrictName(b.district) ? 1 : 0);
  const compareCategory = (a: MeasureRowSpec, b: MeasureRowSpec): number =>
    categoryOrder(a.category) - categoryOrder(b.category) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0);
  // Combined lanes are categories alone, in the categories' order whichever districts have them.
  const compareLane = (a: MeasureRowSpec, b: MeasureRowSpec): number => (combined ? 0 : compareDistrict(a, b)) || compareCategory(a, b);

  const sorted = [...kept].sort(compareLane);
  const lanes: TimelineLane[] = [];
  for (const row of sorted) {
    const key = laneKey(row);
    if (lanes.some((lane) => lane.key === key)) continue;
    const districtName = combined ? COMBINED_DISTRICTS : getMeasureDistrictName(row.district);
    lanes.push({
      key,
      districtName,
      category: row.category,
      categoryLabel: categories.find((c) => c.key === row.category)?.label_zh ?? row.category,
      firstOfDistrict: !lanes.some((lane) => lane.districtName === districtName),
    });
  }
  const dates = [...new Set(kept.map((row) => row.date))].sort();
  const period = PERIODS.find((p) => new Set(dates.map((d) => getPeriodStart(d, p))).size <= MAX_TIMELINE_COLUMNS) ?? "year";
  const laneIndex = new Map(lanes.map((lane, i) => [lane.key, i]));
  const grouped = new Map<string, TimelineMark & { ids: Array<[string, string]> }>();
  for (const row of kept) {
    const column = getPeriodStart(row.date, period);
    const lane = laneKey(row);
    const key = `${column} ${lane}`;
    let mark = grouped.get(key);
    if (mark === undefined) {
      mark = { column, lane, district: combined ? null : row.district, category: row.category, directives: 0, directive_ids: [], ids: [] };
      grouped.set(key, mark);
    }
    mark.directives += row.directives;
    for (const id of row.directive_ids) mark.ids.push([row.date, id]);
  }
  const byDateThenId = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  const marks: TimelineMark[] = [...grouped.values()]
    .sort((a, b) => (a.column < b.column ? -1 : a.column > b.column ? 1 : (laneIndex.get(a.lane) ?? 0) - (laneIndex.get(b.lane) ?? 0)))
    .map(({ ids, ...mark }) => ({ ...mark, directive_ids: ids.sort(byDateThenId).map(([, id]) => id) }));
  const columns = [...new Set(marks.map((mark) => mark.column))];

  const all = new Set<string>();
  const byCategory = new Map<string, Set<string>>();
  const byDistrict = new Map<string, Set<string>>();
  for (const row of kept) {
    const district = getMeasureDistrictName(row.district);
    for (const id of row.directive_ids) {
      all.add(id);
      byCategory.set(row.category, (byCategory.get(row.category) ?? new Set()).add(id));
      byDistrict.set(district, (byDistrict.get(district) ?? new Set()).add(id));
    }
  }
  const sizes = (map: Map<string, Set<string>>) => new Map([...map].map(([key, ids]) => [key, ids.size]));
  return { lanes, combined, period, columns, dates, marks, directiveCount: all.size, directivesByCategory: sizes(byCategory), directivesByDistrict: sizes(byDistrict) };
}
