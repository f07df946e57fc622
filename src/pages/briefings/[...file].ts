/**
 * The other formats of every briefing, beside its page: `wechat.html` (WeChat fragment), `briefing.md`,
 * `figures.csv`, and the weekly cases chart as PNG for the WeChat fragment (`/briefings/week/2022-W15/cases.png`).
 * District briefings have the same three text formats. One route for all, so the plan and the index are shared.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { renderChartPngAsync } from "../../charts/png.ts";
import { getChartSvgFile } from "../../charts/chartFiles.ts";
import type { Chart } from "../../charts/chart.ts";
import { getBriefingContext } from "../../lib/briefing/briefingRows.ts";
import type { BriefingDocument } from "../../lib/briefing/briefingDocument.ts";
import { getBriefingChartKind, listWeeklyChartIds } from "../../lib/briefing/briefingCharts.ts";
import { getAbsoluteUrl, getBriefingPath, getWeeklyBriefingPath } from "../../lib/briefing/briefingPaths.ts";
import { emitBriefingMarkdown } from "../../lib/briefing/briefingMarkdown.ts";
import { emitBriefingWechat } from "../../lib/briefing/briefingWechat.ts";
import { emitFigureCsv, listDailyFigureRows, listWeeklyFigureRows } from "../../lib/briefing/briefingCsv.ts";
import { getSiteBase } from "../../lib/sitePath.ts";

type Target = { kind: "day"; date: string; slug?: string } | { kind: "week"; week: string };
const TEXT_FORMATS = ["wechat.html", "briefing.md", "figures.csv"] as const;
/**
 * Build cost: resvg takes about a tenth of a second per chart even with the cut font (src/charts/pngFont.ts), so
 * only the weekly cases chart (a handful of weeks) is a PNG.
 * A daily WeChat post carries its figures as tables (the 14-day table is the chart's data); the weekly risk-area and
 * measure charts are described by their text and tables.
 */
const isPngChart = (id: string) => id === "cases";
const SECTION_OF: Readonly<Record<string, string>> = { cases: "cases", "risk-areas": "risk-areas", measures: "directives" };

export const getStaticPaths = (async () => {
  const { index, plan } = await getBriefingContext();
  const paths: Array<{ params: { file: string }; props: { target: Target; format: string } }> = [];
  const add = (path: string, target: Target, formats: readonly string[]) => {
    for (const format of formats) paths.push({ params: { file: `${path.slice("/briefings/".length)}${format}` }, props: { target, format } });
  };
  for (const date of plan.dates) add(getBriefingPath(date), { kind: "day", date }, TEXT_FORMATS);
  for (const d of plan.districtDays) add(getBriefingPath(d.date, d.slug), { kind: "day", date: d.date, slug: d.slug }, TEXT_FORMATS);
  for (const week of plan.weeks) add(getWeeklyBriefingPath(week), { kind: "week", week }, [...TEXT_FORMATS, ...listWeeklyChartIds(index, week).filter(isPngChart).map((id) => `${id}.png`)]);
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { target, format } = props as { target: Target; format: string };
  const { daily, weekly, dailyCharts, weeklyCharts } = await getBriefingContext();
  let doc: BriefingDocument;
  let charts: Chart[];
  let path: string;
  let csv: () => string;
  if (target.kind === "day") {
    const { briefing, doc: laidOut } = daily(target.date, target.slug);
    doc = laidOut;
    charts = target.slug === undefined ? dailyCharts(target.date) : [];
    path = getBriefingPath(target.date, target.slug);
    csv = () => emitFigureCsv(listDailyFigureRows(briefing));
  } else {
    const { briefing, doc: laidOut } = weekly(target.week);
    doc = laidOut;
    charts = weeklyCharts(target.week);
    path = getWeeklyBriefingPath(target.week);
    csv = () => emitFigureCsv(listWeeklyFigureRows(briefing));
  }
  const absolute = (p: string) => getAbsoluteUrl(p, site, getSiteBase());
  if (format === "wechat.html") {
    const images = (target.kind === "week" ? charts.filter((c) => isPngChart(getBriefingChartKind(c.id))) : []).map((c) => ({ section: SECTION_OF[getBriefingChartKind(c.id)] ?? "cases", title: c.title, alt: c.alt, src: absolute(`${path}${getBriefingChartKind(c.id)}.png`) }));
    return new Response(emitBriefingWechat(doc, images, absolute), { headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
  if (format === "briefing.md") return new Response(emitBriefingMarkdown(doc, absolute, absolute(path)), { headers: { "Content-Type": "text/markdown; charset=utf-8" } });
  if (format === "figures.csv") return new Response(csv(), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
  const chart = charts.find((c) => `${getBriefingChartKind(c.id)}.png` === format);
  if (chart === undefined) throw new Error(`src/pages/briefings/[...file].ts: not a briefing file: expected wechat.html, briefing.md, figures.csv or a chart's .png, found ${JSON.stringify(format)}`);
  return new Response(await renderChartPngAsync(getChartSvgFile(chart)), { headers: { "Content-Type": "image/png" } });
};
