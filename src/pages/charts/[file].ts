/**
 * The downloads of every chart of the site (src/lib/siteCharts.ts): `/charts/{chart id}.svg` (standalone, title and
 * source drawn in), `.png` (the same picture rendered by resvg at 2×, src/charts/png.ts) and `.csv` (the chart's
 * data table, UTF-8 with BOM). Linked from each chart's "嵌入 / Embed" block (src/components/ChartFigure.astro).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getChartCsvFile, getChartSvgFile } from "../../charts/chartFiles.ts";
import { renderChartPngAsync } from "../../charts/png.ts";
import { findSiteChartRef, getSiteChart, getSiteChartId, listEmbeddableCharts, loadSiteChartData, type SiteChartData } from "../../lib/siteCharts.ts";

const EXTENSIONS = ["svg", "png", "csv"] as const;

export const getStaticPaths = (async () => {
  // Charts without data have no downloads (src/lib/siteCharts.ts isChartEmbeddable).
  return listEmbeddableCharts(await loadSiteChartData()).flatMap((ref) => EXTENSIONS.map((extension) => ({ params: { file: `${getSiteChartId(ref)}.${extension}` } })));
}) satisfies GetStaticPaths;

// One read of the datasets for the 150-odd files of this route (Astro calls GET once per file).
let data: Promise<SiteChartData> | undefined;

export const GET: APIRoute = async ({ params, site }) => {
  const file = String(params.file);
  const dot = file.lastIndexOf(".");
  const ref = findSiteChartRef(file.slice(0, dot));
  if (ref === undefined) throw new Error(`src/pages/charts/[file].ts: not a chart file: expected {chart id}.svg|png|csv, found ${JSON.stringify(file)}`);
  data ??= loadSiteChartData();
  // Absolute links in the files: a downloaded SVG has no site around it to resolve /reports/… against.
  const chart = getSiteChart(ref, await data, site === undefined ? {} : { site });
  switch (file.slice(dot + 1)) {
    case "svg":
      return new Response(getChartSvgFile(chart), { headers: { "Content-Type": "image/svg+xml; charset=utf-8" } });
    case "png":
      return new Response(await renderChartPngAsync(getChartSvgFile(chart)), { headers: { "Content-Type": "image/png" } });
    default:
      return new Response(getChartCsvFile(chart), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
  }
};
