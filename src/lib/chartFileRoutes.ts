/**
 * The downloads of every chart of the site (src/lib/siteCharts.ts): `/charts/{chart id}.svg` (standalone, title and
 * source drawn in), `.png` (the same picture rendered by resvg at 2×, src/charts/png.ts) and `.csv` (the chart's
 * data table, UTF-8 with BOM). Linked from each chart's "嵌入 / Embed" block (src/components/ChartFigure.astro).
 *
 * One route per format (src/pages/charts/[chart].svg.ts, .png.ts, .csv.ts), each named with its extension: Astro
 * then serves it without a trailing slash in `astro dev` too, as the built site does.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getChartCsvFile, getChartSvgFile } from "../charts/chartFiles.ts";
import { renderChartPngAsync } from "../charts/png.ts";
import { findSiteChartRef, getSiteChart, getSiteChartId, listEmbeddableCharts, loadSiteChartData } from "./siteCharts.ts";

/** The charts with downloads (charts without data have none: src/lib/siteCharts.ts isChartEmbeddable). */
export const getChartFilePaths = (async () => listEmbeddableCharts(await loadSiteChartData()).map((ref) => ({ params: { chart: getSiteChartId(ref) } }))) satisfies GetStaticPaths;

/** The GET of the route of `format`. */
export function getChartFileRoute(format: "svg" | "png" | "csv"): APIRoute {
  return async ({ params, site }) => {
    const ref = findSiteChartRef(String(params.chart));
    if (ref === undefined) throw new Error(`src/lib/chartFileRoutes.ts: not a chart: expected a chart id, found ${JSON.stringify(params.chart)}`);
    // Absolute links in the files: a downloaded SVG has no site around it to resolve /reports/… against. The datasets
    // are read once per build for the 150-odd files of these routes (loadSiteChartData).
    const chart = getSiteChart(ref, await loadSiteChartData(), site === undefined ? {} : { site });
    if (format === "svg") return new Response(getChartSvgFile(chart), { headers: { "Content-Type": "image/svg+xml; charset=utf-8" } });
    if (format === "png") return new Response(await renderChartPngAsync(getChartSvgFile(chart)), { headers: { "Content-Type": "image/png" } });
    return new Response(getChartCsvFile(chart), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
  };
}
