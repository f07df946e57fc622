/**
 * The other formats of every briefing, beside its page: `wechat.html` (WeChat fragment), `briefing.md`,
 * `figures.csv`, and the weekly cases chart as PNG for the WeChat fragment (`/briefings/week/2022-W15/cases.png`).
 * District briefings have the same three text formats.
 *
 * They are files, not pages, and a site build writes them itself (src/build/briefingFiles.ts): through an Astro
 * route, the 29,000 files of 10,000 reports took 21 s of the build, most of it Astro's work per route (a Response
 * per file, its body encoded and read back, the folder made again for each). The routes of
 * src/lib/briefing/briefingFileRoutes.ts serve them in `astro dev` from the same functions.
 */
import { renderChartPngAsync } from "../../charts/png.ts";
import { getChartSvgFile } from "../../charts/chartFiles.ts";
import type { Chart } from "../../charts/chart.ts";
import type { BriefingContext } from "./briefingRows.ts";
import type { BriefingDocument } from "./briefingDocument.ts";
import { getBriefingChartKind, listWeeklyChartIds } from "./briefingCharts.ts";
import { getAbsoluteUrl, getBriefingPath, getWeeklyBriefingPath } from "./briefingPaths.ts";
import { emitBriefingMarkdown } from "./briefingMarkdown.ts";
import { emitBriefingWechat } from "./briefingWechat.ts";
import { emitFigureCsv, listDailyFigureRows, listWeeklyFigureRows } from "./briefingCsv.ts";

/** Whose briefing a file belongs to: a day's (the city's, or a district's with `slug`) or a week's. */
export type BriefingTarget = { kind: "day"; date: string; slug?: string } | { kind: "week"; week: string };

/** One file: its site path (`/briefings/2022-04-13/haidian/briefing.md`), whose briefing, and its format (file name). */
export interface BriefingFile {
  path: string;
  target: BriefingTarget;
  format: string;
}

const TEXT_FORMATS = ["wechat.html", "briefing.md", "figures.csv"] as const;

/** The media type of each format, for a server that asks (`astro dev`). */
export const BRIEFING_FILE_TYPES: Readonly<Record<string, string>> = {
  "wechat.html": "text/html; charset=utf-8",
  "briefing.md": "text/markdown; charset=utf-8",
  "figures.csv": "text/csv; charset=utf-8",
  png: "image/png",
};

/**
 * Build cost: resvg takes about a tenth of a second per chart even with the cut font (src/charts/pngFont.ts), so
 * only the weekly cases chart (a handful of weeks) is a PNG.
 * A daily WeChat post carries its figures as tables (the 14-day table is the chart's data); the weekly risk-area and
 * measure charts are described by their text and tables.
 */
const isPngChart = (id: string) => id === "cases";
const SECTION_OF: Readonly<Record<string, string>> = { cases: "cases", "risk-areas": "risk-areas", measures: "directives" };

/** Every file of the plan of `context`, in the plan's order: days, district days, weeks; each briefing's formats together. */
export function listBriefingFiles(context: BriefingContext): BriefingFile[] {
  const { index, plan } = context;
  const files: BriefingFile[] = [];
  const add = (path: string, target: BriefingTarget, formats: readonly string[]) => {
    for (const format of formats) files.push({ path: `${path}${format}`, target, format });
  };
  for (const date of plan.dates) add(getBriefingPath(date), { kind: "day", date }, TEXT_FORMATS);
  for (const d of plan.districtDays) add(getBriefingPath(d.date, d.slug), { kind: "day", date: d.date, slug: d.slug }, TEXT_FORMATS);
  for (const week of plan.weeks) add(getWeeklyBriefingPath(week), { kind: "week", week }, [...TEXT_FORMATS, ...listWeeklyChartIds(index, week).filter(isPngChart).map((id) => `${id}.png`)]);
  return files;
}

/**
 * The content of `file`: text for the text formats, PNG bytes for a chart. `site` and `base` make the absolute links
 * of text that leaves the site (WeChat, Markdown). Throws, naming the format, for a file listBriefingFiles never lists.
 */
export async function makeBriefingFile(context: BriefingContext, file: BriefingFile, site: string | URL | undefined, base: string): Promise<string | Uint8Array> {
  const { target, format } = file;
  let doc: BriefingDocument;
  // The charts are drawn only for a format that shows them: a day's text formats carry its figures as tables.
  let charts: () => Chart[];
  let path: string;
  let csv: () => string;
  if (target.kind === "day") {
    const { briefing, doc: laidOut } = context.daily(target.date, target.slug);
    doc = laidOut;
    charts = () => (target.slug === undefined ? context.dailyCharts(target.date) : []);
    path = getBriefingPath(target.date, target.slug);
    csv = () => emitFigureCsv(listDailyFigureRows(briefing));
  } else {
    const { briefing, doc: laidOut } = context.weekly(target.week);
    doc = laidOut;
    charts = () => context.weeklyCharts(target.week);
    path = getWeeklyBriefingPath(target.week);
    csv = () => emitFigureCsv(listWeeklyFigureRows(briefing));
  }
  const absolute = (p: string) => getAbsoluteUrl(p, site, base);
  if (format === "wechat.html") {
    const images = (target.kind === "week" ? charts().filter((c) => isPngChart(getBriefingChartKind(c.id))) : []).map((c) => ({ section: SECTION_OF[getBriefingChartKind(c.id)] ?? "cases", title: c.title, alt: c.alt, src: absolute(`${path}${getBriefingChartKind(c.id)}.png`) }));
    return emitBriefingWechat(doc, images, absolute);
  }
  if (format === "briefing.md") return emitBriefingMarkdown(doc, absolute, absolute(path));
  if (format === "figures.csv") return csv();
  const chart = charts().find((c) => `${getBriefingChartKind(c.id)}.png` === format);
  if (chart === undefined) throw new Error(`makeBriefingFile: not a briefing file: expected wechat.html, briefing.md, figures.csv or a chart's .png, found ${JSON.stringify(format)}`);
  return renderChartPngAsync(getChartSvgFile(chart));
}
