/**
 * 每日新增本土病例: daily new local confirmed and asymptomatic cases, the city and each district.
 *
 * What is charted, and why: the 2022 bulletin-day series of `case_csv` (see src/lib/caseSeries.ts): per district
 * from `layout=districts`, the city total from `layout=citywide`. The 2020 rows are differences of cumulative
 * totals with shifted dates, not daily counts, so they are not drawn. Days missing from the source are gaps, not
 * zeros; the district counts are lower bounds on some days, which the caption says.
 *
 * Drawing: confirmed (dark) stacked under asymptomatic (light) as flat steps, one per day, one panel per district (small
 * multiples, position carries the district; all panels share one y scale so they compare), the city on top in a
 * wider panel, and the 7-day average as a dark line. Areas instead of one bar per day keep the SVG small.
 */
import * as Plot from "@observablehq/plot";
import type { CaseSeries, CaseCsvRowSpec, DistrictRef } from "../lib/caseSeries.ts";
import { getDailyCaseSeries } from "../lib/caseSeries.ts";
import { formatDate } from "../lib/formatDate.ts";
import { addDays, getUtcDate } from "../lib/isoDays.ts";
import { CASE_KIND_COLORS, INK } from "../lib/palette.ts";
import type { Chart, ChartTable } from "./chart.ts";
import { composeSvg, renderLegend, renderNoData, renderPlot, type SvgPart } from "./svg.ts";

/** Options of casesChart. */
export interface CasesChartOptions {
  /** Beijing's districts in display order (the `districts` dataset: name and slug). */
  districts: readonly DistrictRef[];
  /** a district slug (`haidian`) for that district's chart alone; omitted: the city and all districts */
  district?: string;
  /** width in SVG units (the SVG scales to its column); default 640 */
  width?: number;
}

const SOURCE = "数据来源：北京市卫生健康委员会每日疫情通报（各区数字按病例逐条统计，部分日期缺失或偏少）";
const GRID_COLUMNS = 4;

/**
 * The cases chart of the `case_csv` rows (any rows: those that are not 2022 bulletin-day new local counts are
 * ignored). With `district`, one panel for that district; an unknown slug or a district without data gives a
 * chart that says so in its alt and SVG, with an empty table. Never throws on data.
 */
export function casesChart(rows: readonly CaseCsvRowSpec[], options: CasesChartOptions): Chart {
  const width = options.width ?? 640;
  const one = options.district === undefined ? undefined : options.districts.find((d) => d.slug === options.district);
  const id = options.district === undefined ? "cases" : `cases-${options.district}`;
  const title = one ? `${one.name}每日新增本土病例` : options.district === undefined ? "北京市各区每日新增本土病例" : "每日新增本土病例";
  const data = getDailyCaseSeries(rows, options.districts, options.district === undefined ? {} : { district: options.district });
  const shown = [...(data.city ? [data.city] : []), ...data.districts].filter((s) => s.reportedDays > 0);

  if (data.first === null || data.last === null || shown.length === 0) {
    const alt = one ? `${one.name}没有可用的每日新增病例数据。` : "没有可用的每日新增病例数据。";
    return { id, title, caption: `${SOURCE}；暂无数据`, svg: renderNoData(id, title, alt, width), alt, table: { columns: [], rows: [] } };
  }
  const range = { first: data.first, last: data.last };
  const caption = `${SOURCE}；数据截至${formatDate(data.last)}`;
  const legend = renderLegend(
    [
      { label: "确诊病例", color: CASE_KIND_COLORS.confirmed },
      { label: "无症状感染者", color: CASE_KIND_COLORS.asymptomatic },
      { label: "7日平均", color: INK, line: true },
    ],
    width,
  );
  if (one) {
    const series = data.districts[0] as CaseSeries;
    const alt = describeDistrict(series, range);
    const parts = [legend, renderPanels([series], range, width, 1, 200)];
    return { id, title, caption, svg: composeSvg({ id, title, alt, parts }), alt, table: tableOfOne(series) };
  }
  const alt = describeCity(data.city, data.districts, range);
  const parts: SvgPart[] = [legend];
  if (data.city) parts.push(renderPanels([data.city], range, width, 1, 170));
  parts.push(renderPanels(data.districts, range, width, GRID_COLUMNS, 90));
  return { id, title, caption, svg: composeSvg({ id, title, alt, parts }), alt, table: tableOfAll(data.city, data.districts) };
}

/** `2022年4月2日至2022年5月11日` */
function describeRange(range: { first: string; last: string }): string {
  return range.first === range.last ? formatDate(range.first) : `${formatDate(range.first)}至${formatDate(range.last)}`;
}

function describeDistrict(series: CaseSeries, range: { first: string; last: string }): string {
  if (series.peak === null) return `${series.name}在${describeRange(range)}没有每日新增病例数据。`;
  // A day missing or incomplete (coverage partial) may have had cases: only the days with full data had none.
  const peak = series.peak.total === 0 ? (series.incompleteDays > 0 ? "有完整数据的日期都没有新增病例" : "每天都没有新增病例") : `单日新增最多的是${formatDate(series.peak.date)}，共${series.peak.total}例`;
  return `${describeRange(range)}，${series.name}本土新增确诊病例${series.confirmed}例、无症状感染者${series.asymptomatic}例（${series.reportedDays}天有数据）；${peak}。`;
}

function describeCity(city: CaseSeries | null, districts: readonly CaseSeries[], range: { first: string; last: string }): string {
  let text = "";
  if (city && city.peak) {
    text += `${describeRange(range)}，全市本土新增确诊病例${city.confirmed}例、无症状感染者${city.asymptomatic}例；单日新增最多的是${formatDate(city.peak.date)}，共${city.peak.total}例。`;
  } else {
    text += `${describeRange(range)}，全市合计数字缺失。`;
  }
  const ranked = districts.filter((d) => d.reportedDays > 0).map((d) => ({ name: d.name, total: d.confirmed + d.asymptomatic, incomplete: d.incompleteDays > 0 }));
  ranked.sort((a, b) => b.total - a.total);
  const top = ranked[0];
  if (top && top.total > 0) {
    // Only a district with every day complete can be said to have had no cases; others had none in the data held.
    const none = ranked.filter((d) => d.total === 0 && !d.incomplete).map((d) => d.name);
    const noneKnown = ranked.filter((d) => d.total === 0 && d.incomplete).map((d) => d.name);
    text += `各区中新增最多的是${top.name}，共${top.total}例`;
    if (none.length > 0) text += `；${none.join("、")}没有新增病例`;
    if (noneKnown.length > 0) text += `；${noneKnown.join("、")}在有数据的日期里没有新增病例（部分日期缺失或不全）`;
    text += "。";
  } else if (top) {
    text += "有数据的日期里各区都没有新增病例。";
  }
  return text;
}

/** Panels of step areas (confirmed under asymptomatic) and the 7-day average, `columns` panels a row. */
function renderPanels(series: readonly CaseSeries[], range: { first: string; last: string }, width: number, columns: number, panelHeight: number): SvgPart {
  // Each day is drawn as a flat step over [day, next day): two points per day with a straight curve, so a day
  // beside a gap keeps its full width (Plot's "step" curve would halve it). The average sits at midday.
  const points = series.flatMap((s, index) =>
    s.days.flatMap((day) =>
      [0, 1].map((end) => ({
        panel: index,
        x: getUtcDate(end === 0 ? day.date : addDays(day.date, 1)),
        confirmed: day.confirmed ?? undefined,
        total: day.total ?? undefined,
      })),
    ),
  );
  const averages = series.flatMap((s, index) =>
    s.days.map((day) => ({ panel: index, x: new Date(getUtcDate(day.date).getTime() + 43_200_000), average: day.average7 ?? undefined })),
  );
  const labels = series.map((s, index) => ({ panel: index, name: s.name }));
  const rows = Math.ceil(series.length / columns);
  const height = rows * panelHeight + 24 + 22;
  const facet = (d: { panel: number }) => ({ fx: d.panel % columns, fy: Math.floor(d.panel / columns) });
  const fx = (d: { panel: number }) => facet(d).fx;
  const fy = (d: { panel: number }) => facet(d).fy;
  const monthDay = (d: Date) => `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  const part = renderPlot({
    width,
    height,
    marginTop: 24,
    marginLeft: 34,
    marginRight: 8,
    marginBottom: 22,
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.22 },
    x: { type: "utc", domain: [getUtcDate(range.first), getUtcDate(addDays(range.last, 1))], ticks: columns > 1 ? 2 : 5, tickFormat: monthDay, label: null },
    y: { grid: true, nice: true, label: "例", labelAnchor: "top", ticks: columns > 1 ? 3 : 5, tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : "") },
    marks: [
      Plot.areaY(points, { x: "x", y1: 0, y2: "confirmed", fx, fy, fill: CASE_KIND_COLORS.confirmed }),
      Plot.areaY(points, { x: "x", y1: "confirmed", y2: "total", fx, fy, fill: CASE_KIND_COLORS.asymptomatic }),
      Plot.lineY(averages, { x: "x", y: "average", fx, fy, stroke: INK, strokeWidth: 1.5 }),
      Plot.ruleY([0], { stroke: INK, strokeWidth: 0.5 }),
      Plot.text(labels, { fx, fy, text: "name", frameAnchor: "top-left", dy: -14, fontSize: 12, fontWeight: "bold", fill: INK }),
    ],
  });
  return part;
}

function tableOfOne(series: CaseSeries): ChartTable {
  return {
    columns: [
      { key: "date", label: "日期" },
      { key: "confirmed", label: "新增确诊" },
      { key: "asymptomatic", label: "新增无症状" },
      { key: "total", label: "合计" },
      { key: "average7", label: "7日平均" },
    ],
    rows: series.days.map((day) => ({ date: formatDate(day.date), confirmed: day.confirmed, asymptomatic: day.asymptomatic, total: day.total, average7: day.average7 })),
  };
}

/** One row per day: the city's confirmed and asymptomatic, then each district's total (confirmed + asymptomatic). */
function tableOfAll(city: CaseSeries | null, districts: readonly CaseSeries[]): ChartTable {
  const dayCount = (city ?? districts[0])?.days.length ?? 0;
  const columns: ChartTable["columns"] = [{ key: "date", label: "日期" }];
  if (city) columns.push({ key: "beijing_confirmed", label: "全市确诊" }, { key: "beijing_asymptomatic", label: "全市无症状" });
  for (const d of districts) columns.push({ key: d.key, label: `${d.name}合计` });
  const rows: ChartTable["rows"] = [];
  for (let i = 0; i < dayCount; i++) {
    const date = (city ?? districts[0])?.days[i]?.date as string;
    const row: ChartTable["rows"][number] = { date: formatDate(date) };
    if (city) {
      row.beijing_confirmed = city.days[i]?.confirmed ?? null;
      row.beijing_asymptomatic = city.days[i]?.asymptomatic ?? null;
    }
    for (const d of districts) row[d.key] = d.days[i]?.total ?? null;
    rows.push(row);
  }
  return { columns, rows };
}
