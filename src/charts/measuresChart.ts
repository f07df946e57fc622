/**
 * 防控措施时间线: which measure categories the directives asked for, where and when. One row per district (全市
 * first) and category that occurs, one column per day with directives, a dot per day × district × category sized
 * by its number of directives; each dot links to its (first) directive in its report. A long or wide timeline has
 * weeks, months, quarters or years as columns and the categories alone as rows (src/lib/measureTimeline.ts), and
 * says so in its text.
 *
 * Days are columns (an ordinal axis), not a time scale: the directives fall on a few days spread over years, and a
 * time axis would pile them into clumps. Rows carry the category (position and label) and colour repeats it.
 */
import * as Plot from "@observablehq/plot";
import type { DistrictRef } from "../lib/caseSeries.ts";
import { formatDate } from "../lib/formatDate.ts";
import { formatPeriod, getMeasureTimeline, type CategoryRef, type MeasureRowSpec, type MeasureTimeline, type TimelineMark, type TimelinePeriod } from "../lib/measureTimeline.ts";
import { getCategoryColor, INK } from "../lib/palette.ts";
import type { Chart, ChartTable } from "./chart.ts";
import { composeSvg, renderNoData, renderPlot } from "./svg.ts";

/** Options of measuresChart. */
export interface MeasuresChartOptions {
  /** Beijing's districts (the `districts` dataset: name and slug), for their order and to resolve `district` */
  districts: readonly DistrictRef[];
  /** the categories, in display order (parseMeasureCategories of data/reference/measure-categories.csv) */
  categories: readonly CategoryRef[];
  /** a district slug for that district's measures alone; omitted: the city's and every district's */
  district?: string;
  /** the address of a directive; default getDirectiveHref */
  linkFor?: (directiveId: string) => string;
  /** width in SVG units; default 640 */
  width?: number;
}

const SOURCE = "数据来源：各区及市级新闻报道中的防控工作指示（自动提取）";
/** Height of one lane in SVG units. */
const LANE = 16;
/** The most directive ids a dot's tooltip lists; the table lists them all. */
const TITLE_IDS = 10;
/** What a column is, for the text and the table's header. */
const PERIOD_WORDS: Record<TimelinePeriod, { text: string; column: string }> = {
  day: { text: "按日", column: "日期" },
  week: { text: "按周", column: "周" },
  month: { text: "按月", column: "月份" },
  quarter: { text: "按季度", column: "季度" },
  year: { text: "按年", column: "年份" },
};

/**
 * The page of a directive: `/reports/{doc_id}/#{directive id}`, the document id being the directive id without
 * its `-dNNN` ending (`026-d006` → `/reports/026/#026-d006`).
 */
export function getDirectiveHref(directiveId: string): string {
  const docId = directiveId.replace(/-d\d+$/, "");
  return `/reports/${encodeURIComponent(docId)}/#${encodeURIComponent(directiveId)}`;
}

/**
 * The measure timeline chart of the `measures` rows. Links come from `linkFor` and are kept only when they are a
 * site path, a fragment or an http(s) address (src/charts/svg.ts findSafeHref). An unknown district slug or no rows
 * give a chart that says there is no data, with an empty table. Never throws on data.
 */
export function measuresChart(rows: readonly MeasureRowSpec[], options: MeasuresChartOptions): Chart {
  const width = options.width ?? 640;
  const linkFor = options.linkFor ?? getDirectiveHref;
  const one = options.district === undefined ? undefined : options.districts.find((d) => d.slug === options.district);
  const id = options.district === undefined ? "measures" : `measures-${options.district}`;
  const scope = one ? one.name : options.district === undefined ? "全市及各区" : "该区";
  const title = `${one ? one.name : options.district === undefined ? "" : "该区"}防控措施时间线`;
  const timeline = getMeasureTimeline(options.district !== undefined && !one ? [] : rows, options.districts, options.categories, one ? { district: one.name } : {});

  if (timeline.marks.length === 0) {
    const alt = `${scope}没有提取到防控措施指示。`;
    return { id, title, caption: `${SOURCE}；暂无数据`, svg: renderNoData(id, title, alt, width), alt, table: { columns: [], rows: [] } };
  }
  const first = timeline.dates[0] as string;
  const last = timeline.dates[timeline.dates.length - 1] as string;
  const alt = describe(timeline, scope, first, last, options.categories, one === undefined);
  const caption = `${SOURCE}；数据截至${formatDate(last)}`;
  const svg = composeSvg({ id, title, alt, parts: [renderTimeline(timeline, width, linkFor, one === undefined)], interactive: true });
  return { id, title, caption, svg, alt, table: tableOf(timeline) };
}

function describe(timeline: MeasureTimeline, scope: string, first: string, last: string, categories: readonly CategoryRef[], byDistrict: boolean): string {
  const range = first === last ? formatDate(first) : `${formatDate(first)}至${formatDate(last)}`;
  const top = (map: Map<string, number>): [string, number] | undefined =>
    [...map].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0))[0];
  const [category, categoryCount] = top(timeline.directivesByCategory) as [string, number];
  const label = categories.find((c) => c.key === category)?.label_zh ?? category;
  let text = `${range}，${scope}共有${timeline.directiveCount}条防控指示（${timeline.dates.length}天），涉及${timeline.directivesByCategory.size}类措施；最常提到的是${label}（${categoryCount}条）。`;
  if (byDistrict) {
    const [district, districtCount] = top(timeline.directivesByDistrict) as [string, number];
    text += `指示最多的是${district}（${districtCount}条）。`;
  }
  if (timeline.period !== "day") text += `图中${PERIOD_WORDS[timeline.period].text}汇总。`;
  if (timeline.combined) text += "各区合并为每类措施一行，各区的时间线见各区页面。";
  return text;
}

function renderTimeline(timeline: MeasureTimeline, width: number, linkFor: (id: string) => string, byDistrict: boolean) {
  // Combined lanes are the city's and every district's: no district group to name.
  const grouped = byDistrict && !timeline.combined;
  const marginLeft = grouped ? 170 : 120;
  const marginTop = 8;
  const marginBottom = 78;
  const height = marginTop + marginBottom + timeline.lanes.length * LANE;
  const laneOf = new Map(timeline.lanes.map((lane) => [lane.key, lane]));
  const max = Math.max(...timeline.marks.map((mark) => mark.directives));
  const categories = [...new Set(timeline.lanes.map((lane) => lane.category))];
  const firsts = timeline.lanes.filter((lane) => lane.firstOfDistrict);
  return renderPlot({
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight: 12,
    x: { type: "point", domain: timeline.columns, padding: 0.6, tickFormat: (d: string) => formatPeriod(d, timeline.period), tickRotate: -45, label: null },
    y: { type: "point", domain: timeline.lanes.map((lane) => lane.key), padding: 0.5, tickFormat: (key: string) => laneOf.get(key)?.categoryLabel ?? key, label: null, tickSize: 0 },
    r: { domain: [0, max], range: [0, 7] },
    color: { domain: categories, range: categories.map(getCategoryColor) },
    marks: [
      // A rule above each district's first lane separates the groups.
      ...(grouped ? [Plot.ruleY(firsts, { y: "key", dy: -LANE / 2, stroke: "#bbbbbb", strokeWidth: 0.5, insetLeft: -(marginLeft - 4) })] : []),
      Plot.gridX(timeline.columns, { stroke: "#dddddd", strokeOpacity: 1 }),
      ...(grouped ? [Plot.text(firsts, { y: "key", text: "districtName", frameAnchor: "left", dx: -(marginLeft - 4), textAnchor: "start", fontWeight: "bold", fill: INK })] : []),
      Plot.dot(timeline.marks, {
        x: "column",
        y: "lane",
        r: "directives",
        fill: "category",
        stroke: INK,
        strokeWidth: 0.6,
        href: (mark: TimelineMark) => linkFor(mark.directive_ids[0] as string),
        title: (mark: TimelineMark) =>
          `${formatPeriod(mark.column, timeline.period)} ${laneOf.get(mark.lane)?.districtName ?? ""} ${laneOf.get(mark.lane)?.categoryLabel ?? mark.category}：${mark.directives}条指示（${listIds(mark.directive_ids)}）`,
      }),
    ],
  });
}

/** A dot's directive ids for its tooltip: all of them up to TITLE_IDS, else the first ones and the count. */
function listIds(ids: readonly string[]): string {
  return ids.length <= TITLE_IDS ? ids.join("、") : `${ids.slice(0, TITLE_IDS).join("、")}等${ids.length}条`;
}

function tableOf(timeline: MeasureTimeline): ChartTable {
  const laneOf = new Map(timeline.lanes.map((lane) => [lane.key, lane]));
  return {
    columns: [
      { key: "date", label: PERIOD_WORDS[timeline.period].column },
      { key: "district", label: "区" },
      { key: "category", label: "措施类别" },
      { key: "directives", label: "指示数" },
      { key: "directive_ids", label: "指示编号" },
    ],
    rows: timeline.marks.map((mark) => ({
      date: formatPeriod(mark.column, timeline.period),
      district: laneOf.get(mark.lane)?.districtName ?? "",
      category: laneOf.get(mark.lane)?.categoryLabel ?? mark.category,
      directives: mark.directives,
      directive_ids: mark.directive_ids.join(" "),
    })),
  };
}
