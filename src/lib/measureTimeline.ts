/**
 * The measure timeline: the `measures` rows (date × district × category, with their directives) arranged as rows
 * of a chart — one row per district and category that occurs, grouped by district — with the sums its text needs.
 */
import type { DistrictRef } from "./caseSeries.ts";

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

/** What getMeasureTimeline returns. */
export interface MeasureTimeline {
  /** lanes in district order (全市 first, then `districts` order, then unknown names), categories in CSV order */
  lanes: TimelineLane[];
  /** the dates that have a measure, ascending */
  dates: string[];
  /** the rows kept, each with its lane key, in date then lane order */
  marks: Array<MeasureRowSpec & { lane: string }>;
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
  const laneKey = (row: MeasureRowSpec): string => `${slugOf(row.district)}:${row.category}`;
  const compareLane = (a: MeasureRowSpec, b: MeasureRowSpec): number =>
    districtOrder(a.district) - districtOrder(b.district) ||
    (getMeasureDistrictName(a.district) < getMeasureDistrictName(b.district) ? -1 : getMeasureDistrictName(a.district) > getMeasureDistrictName(b.district) ? 1 : 0) ||
    categoryOrder(a.category) - categoryOrder(b.category) ||
    (a.category < b.category ? -1 : a.category > b.category ? 1 : 0);

  const sorted = [...kept].sort(compareLane);
  const lanes: TimelineLane[] = [];
  for (const row of sorted) {
    const key = laneKey(row);
    if (lanes.some((lane) => lane.key === key)) continue;
    const districtName = getMeasureDistrictName(row.district);
    lanes.push({
      key,
      districtName,
      category: row.category,
      categoryLabel: categories.find((c) => c.key === row.category)?.label_zh ?? row.category,
      firstOfDistrict: !lanes.some((lane) => lane.districtName === districtName),
    });
  }
  const marks = [...kept].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareLane(a, b))).map((row) => ({ ...row, lane: laneKey(row) }));
  const dates = [...new Set(kept.map((row) => row.date))].sort();

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
  return { lanes, dates, marks, directiveCount: all.size, directivesByCategory: sizes(byCategory), directivesByDistrict: sizes(byDistrict) };
}
