/**
 * The charts of a briefing: the site's own charts (src/charts/) given only the rows of the briefing's window, so no
 * chart code changes and the charts read like the rest of the site.
 * - daily (city): new local cases of the 14 days ending on the briefing day, city and districts; only when a case
 *   table row falls in the window (most risk-area days of late 2022 have none: no chart rather than an empty one)
 * - weekly: the cases of this week and the week before; risk areas in force over the week (each listing cut to the
 *   week, so the chart's axis is the week); the week's measures timeline. Each only when it has data.
 * A briefing chart has an id of its own (`briefing-2022-04-28-cases`, `briefing-2022-W17-risk-areas`), so a page
 * never offers it as the site chart (`cases`) with that chart's embed code, downloads and correction notices.
 */
import { casesChart } from "../../charts/casesChart.ts";
import type { Chart } from "../../charts/chart.ts";
import { getDirectiveHref, measuresChart } from "../../charts/measuresChart.ts";
import { riskAreasChart } from "../../charts/riskAreasChart.ts";
import { addDays } from "../isoDays.ts";
import { getChartAltId } from "../../charts/svg.ts";
import { firstDay, lastDay } from "../riskAreaPeriods.ts";
import type { BriefingIndex } from "./briefingData.ts";
import { getWeekDays } from "./isoWeeks.ts";

/** Chart width in SVG units: the site's default, which the PNG renders at twice. */
const WIDTH = 640;

/** The id of a briefing's chart of `kind` (cases, risk-areas, measures) for `period` (2022-04-28 or 2022-W17). */
export function getBriefingChartId(period: string, kind: string): string {
  return `briefing-${period}-${kind}`;
}

/** The kind of a briefing chart id: `briefing-2022-W17-cases` → `cases`; the id itself when it is none. */
export function getBriefingChartKind(id: string): string {
  return id.replace(/^briefing-\d{4}-(?:W\d{2}|\d{2}-\d{2})-/, "");
}

/** `chart` (drawn by a site chart function, id `cases`) under its briefing id: the SVG's reference to its alt follows. */
function asBriefingChart(chart: Chart, period: string): Chart {
  const id = getBriefingChartId(period, chart.id);
  return { ...chart, id, svg: chart.svg.replaceAll(`"${getChartAltId(chart.id)}"`, `"${getChartAltId(id)}"`) };
}

/** Options: `linkFor` makes a directive's address a site path (sitePath) in the measures chart. */
export interface BriefingChartOptions {
  linkFor?: (directiveId: string) => string;
}

/** The case rows of days `from`…`to` (both included) that the cases chart draws. */
function caseRowsIn(index: BriefingIndex, from: string, to: string) {
  return index.chartCases.find(from, to);
}

/** The daily briefing's charts for `date` (city briefings only): [] or [cases chart], id `briefing-${date}-cases`. */
export function getDailyCharts(index: BriefingIndex, date: string): Chart[] {
  const rows = caseRowsIn(index, addDays(date, -13), date);
  return rows.length === 0 ? [] : [asBriefingChart(casesChart(rows, { districts: index.districts, width: WIDTH }), date)];
}

/** The kinds of getDailyCharts(index, date) without drawing them (for routes listing the PNG files): [] or ["cases"]. */
export function listDailyChartIds(index: BriefingIndex, date: string): string[] {
  return caseRowsIn(index, addDays(date, -13), date).length === 0 ? [] : ["cases"];
}

/** The kinds of getWeeklyCharts(index, week) without drawing them: a subset of cases, risk-areas, measures in that order. */
export function listWeeklyChartIds(index: BriefingIndex, week: string): string[] {
  const days = getWeekDays(week);
  const start = days[0] as string;
  const end = days[6] as string;
  const ids: string[] = [];
  if (caseRowsIn(index, addDays(start, -7), end).length > 0) ids.push("cases");
  if (getRiskRowsOfWeek(index, start, end).length > 0) ids.push("risk-areas");
  if (days.some((day) => (index.measures.get(day) ?? []).length > 0)) ids.push("measures");
  return ids;
}

/** The risk-area rows in force during start…end, each cut to those days (so the chart's axis is the week). */
function getRiskRowsOfWeek(index: BriefingIndex, start: string, end: string) {
  return index.riskAreasInForce.find(start, end).map((row) => {
    const first = firstDay(row)!;
    const last = lastDay(row)!;
    return { district: row.district, level: row.level, regime: row.regime, from: first < start ? start : first, to: last > end ? end : last };
  });
}

/** The weekly briefing's charts for `week`: cases (two weeks), risk areas (the week), measures (the week), each when it has data; ids `briefing-${week}-${kind}`. */
export function getWeeklyCharts(index: BriefingIndex, week: string, options: BriefingChartOptions = {}): Chart[] {
  const days = getWeekDays(week);
  const start = days[0] as string;
  const end = days[6] as string;
  const charts: Chart[] = [];
  const caseRows = caseRowsIn(index, addDays(start, -7), end);
  if (caseRows.length > 0) charts.push(casesChart(caseRows, { districts: index.districts, width: WIDTH }));
  const riskRows = getRiskRowsOfWeek(index, start, end);
  if (riskRows.length > 0) charts.push(riskAreasChart(riskRows, { districts: index.districts, width: WIDTH }));
  const measureRows = days.flatMap((day) => index.measures.get(day) ?? []);
  if (measureRows.length > 0) {
    charts.push(measuresChart(measureRows, { districts: index.districts, categories: index.rows.categories, width: WIDTH, linkFor: options.linkFor ?? getDirectiveHref }));
  }
  return charts.map((chart) => asBriefingChart(chart, week));
}
