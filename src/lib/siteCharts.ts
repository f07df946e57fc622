/**
 * Every chart of the site, built in one place from the emitted datasets: a chart kind (`cases`, `risk-areas`,
 * `measures`) and, optionally, a district slug give one Chart. The pages, the embed pages (/embed/{kind}/[slug/])
 * and the downloads (/charts/{id}.svg|png|csv) all call getSiteChart, so a reader who embeds or downloads a chart
 * gets exactly the chart the site shows.
 */
import { casesChart } from "../charts/casesChart.ts";
import type { Chart } from "../charts/chart.ts";
import { getDirectiveHref, measuresChart } from "../charts/measuresChart.ts";
import { riskAreasChart } from "../charts/riskAreasChart.ts";
import { setLinkTarget } from "../charts/svg.ts";
import type { CaseCsvRowSpec, DistrictRef } from "./caseSeries.ts";
import type { CategoryRef, MeasureRowSpec } from "./measureTimeline.ts";
import type { RiskAreaRowSpec } from "./riskAreaCounts.ts";
import { sitePath } from "./sitePath.ts";
import { oncePerBuild } from "./buildRun.ts";

/** The kinds of chart the site draws; each is drawn for the whole city and for each district. */
export type SiteChartKind = "cases" | "risk-areas" | "measures";

/** The chart kinds in the order the site shows them. */
export const SITE_CHART_KINDS: readonly SiteChartKind[] = ["cases", "risk-areas", "measures"];

/** What the charts are drawn from: rows of the emitted datasets, as src/lib/datasetRows.ts gives them. */
export interface SiteChartData {
  /** the `districts` dataset, in display order (src/lib/districtUrl.ts sortDistricts) */
  districts: readonly DistrictRef[];
  /** the `case_csv` dataset */
  caseTables: readonly CaseCsvRowSpec[];
  /** the `risk_areas` dataset */
  riskAreas: readonly RiskAreaRowSpec[];
  /** the `measures` dataset */
  measures: readonly MeasureRowSpec[];
  /** the `measure_categories` dataset, in display order */
  categories: readonly CategoryRef[];
}

/** One chart of the site: its kind and, for a district's chart, the district slug. */
export interface SiteChartRef {
  kind: SiteChartKind;
  /** pinyin slug of the district (`haidian`); absent for the city-wide chart */
  district?: string;
}

/** Options of getSiteChart. */
export interface SiteChartOptions {
  /**
   * The site's public address (Astro.site) when the chart is shown outside the site (an embed): the measures
   * chart's links then become absolute (`https://…/reports/026/#026-d006`) and open in the top window
   * (`target="_top"`), not inside the reader's iframe. Absent: site paths through sitePath, as on the site.
   */
  site?: URL;
}

/** `cases`, `cases-haidian`, `risk-areas-chaoyang`: the chart id the chart functions give (chart.ts). */
export function getSiteChartId(ref: SiteChartRef): string {
  return ref.district === undefined ? ref.kind : `${ref.kind}-${ref.district}`;
}

/**
 * The kind and district of a chart id: `risk-areas-haidian` → `{ kind: "risk-areas", district: "haidian" }`,
 * `measures` → `{ kind: "measures" }`. Undefined for an id that is not one of the site's charts (`foo`, `cases-`,
 * `cases-Hai dian`); whether the slug is a real district is not checked here (see listSiteCharts).
 */
export function findSiteChartRef(chartId: string): SiteChartRef | undefined {
  for (const kind of SITE_CHART_KINDS) {
    if (chartId === kind) return { kind };
    if (chartId.startsWith(`${kind}-`)) {
      const district = chartId.slice(kind.length + 1);
      return /^[a-z][a-z0-9-]*$/.test(district) ? { kind, district } : undefined;
    }
  }
  return undefined;
}

/** Every chart of the site: the three city-wide charts, then each kind for every district (in `districts` order). */
export function listSiteCharts(districts: readonly DistrictRef[]): SiteChartRef[] {
  return [...SITE_CHART_KINDS.map((kind) => ({ kind })), ...SITE_CHART_KINDS.flatMap((kind) => districts.map((d) => ({ kind, district: d.slug })))];
}

/**
 * True when a chart has data (rows in its table): only those get an embed page, downloads and the "嵌入 / Embed"
 * block, since the site's pages leave out a district's empty chart and an embed page nothing links to would be
 * an orphan. The same test in ChartFigure and in the routes keeps links and pages in step.
 */
export function isChartEmbeddable(chart: Chart): boolean {
  return chart.table.rows.length > 0;
}

/** The charts of listSiteCharts that have data (isChartEmbeddable), in the same order. */
export function listEmbeddableCharts(data: SiteChartData): SiteChartRef[] {
  return listSiteCharts(data.districts).filter((ref) => isChartEmbeddable(getSiteChart(ref, data)));
}

/**
 * The page of the site that shows a chart, as a site path without base: `/cases/`, `/risk-areas/`, `/measures/`
 * for the city-wide charts, `/districts/haidian/` for a district's. Its figure has the id `chart-{chart id}`.
 */
export function getChartPagePath(ref: SiteChartRef): string {
  return ref.district === undefined ? `/${ref.kind}/` : `/districts/${ref.district}/`;
}

/** The embed page of a chart, as a site path without base: `/embed/cases/`, `/embed/cases/haidian/`. */
export function getChartEmbedPath(ref: SiteChartRef): string {
  return ref.district === undefined ? `/embed/${ref.kind}/` : `/embed/${ref.kind}/${ref.district}/`;
}

/** The download of a chart, as a site path without base: `/charts/cases-haidian.png`. */
export function getChartFilePath(ref: SiteChartRef, extension: "svg" | "png" | "csv"): string {
  return `/charts/${getSiteChartId(ref)}.${extension}`;
}

/**
 * The chart of `ref` drawn from `data`. A district slug not in `data.districts` gives the chart functions' "no
 * data" chart (they never throw on data). With `options.site`, links are absolute and open in the top window.
 */
export function getSiteChart(ref: SiteChartRef, data: SiteChartData, options: SiteChartOptions = {}): Chart {
  // A chart is drawn once per build and data: its page, the home page, its embed, the list of embeddable charts and
  // its three downloads all ask for it, and drawing the 17 charts of each kind again for each was a tenth of the
  // site build. The data are the datasets of one build and never change, so the same chart comes back.
  let charts = drawn.get(data);
  if (charts === undefined) drawn.set(data, (charts = new Map()));
  const key = `${getSiteChartId(ref)}\u0000${options.site?.href ?? ""}`;
  let chart = charts.get(key);
  if (chart === undefined) charts.set(key, (chart = drawSiteChart(ref, data, options)));
  return chart;
}

/** The charts already drawn, by the data they were drawn from, then by chart id and site address. */
const drawn = new WeakMap<SiteChartData, Map<string, Chart>>();

function drawSiteChart(ref: SiteChartRef, data: SiteChartData, options: SiteChartOptions): Chart {
  const district = ref.district === undefined ? {} : { district: ref.district };
  switch (ref.kind) {
    case "cases":
      return casesChart(data.caseTables, { districts: data.districts, ...district });
    case "risk-areas":
      return riskAreasChart(data.riskAreas, { districts: data.districts, ...district });
    case "measures": {
      const site = options.site;
      const linkFor = site === undefined ? (id: string) => sitePath(getDirectiveHref(id)) : (id: string) => new URL(sitePath(getDirectiveHref(id)), site).href;
      const chart = measuresChart(data.measures, { districts: data.districts, categories: data.categories, linkFor, ...district });
      return site === undefined ? chart : { ...chart, svg: setLinkTarget(chart.svg, "_top") };
    }
  }
}

/**
 * Reads the datasets the charts need (src/lib/datasetRows.ts, imported when called, so unit tests of this module
 * never read data/build/), once per build: every call gives the same object.
 * Districts come sorted for display.
 */
export function loadSiteChartData(): Promise<SiteChartData> {
  return loadOncePerBuild();
}

// Once per build, so that getSiteChart's charts drawn for one page serve the next (see there).
const loadOncePerBuild = oncePerBuild(() => readSiteChartData());

async function readSiteChartData(): Promise<SiteChartData> {
  const { getRows } = await import("./datasetRows.ts");
  const { sortDistricts } = await import("./districtUrl.ts");
  return {
    districts: sortDistricts(await getRows("districts")),
    caseTables: await getRows("case_csv"),
    riskAreas: await getRows("risk_areas"),
    measures: await getRows("measures"),
    categories: await getRows("measure_categories"),
  };
}
