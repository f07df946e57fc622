/**
 * What a journalist copies to put a chart of the site in their own page: an `<iframe>` of the chart's embed page,
 * and, optionally, a few lines of script that let the iframe take the height of its content (the embed page
 * posts it, see public/embed/height.js). The iframe works alone: with a fixed height it shows the whole chart,
 * and the reader can scroll inside it when the table is opened.
 */
import type { Chart } from "../charts/chart.ts";
import { escapeXml } from "../charts/svg.ts";

/** The message type public/embed/height.js posts to the parent page: `{ type, id, height }`. */
export const EMBED_HEIGHT_MESSAGE = "tongbao:height";

/** Height in CSS pixels of an embed's title, text and source around the chart (a 640-unit chart at 640 px). */
const CHROME_HEIGHT = 230;

/**
 * A height (px) for a chart's iframe before the script adjusts it: the chart's height at 640 px wide plus its title,
 * finding and source, rounded up to 10 px. A chart without a `viewBox` gets 480.
 */
export function getEmbedHeight(chart: Chart): number {
  const box = /viewBox="0 0 ([0-9.]+) ([0-9.]+)"/.exec(chart.svg);
  if (box === null) return 480;
  const height = (Number(box[2]) * Math.min(640, Number(box[1]))) / Number(box[1]) + CHROME_HEIGHT;
  return Math.ceil(height / 10) * 10;
}

/**
 * The `<iframe>` to paste: `src` = the embed page's absolute address, `title` = the chart title (screen readers
 * announce frames by it), full width, the default height of getEmbedHeight, lazy loading, no border:
 * `<iframe src="https://…/embed/cases/" title="北京市各区每日新增本土病例" width="100%" height="980" loading="lazy"
 * style="border:0;width:100%;" data-tongbao-chart="cases"></iframe>`. `embedUrl` must be absolute http(s); any other
 * value throws (a bug in the caller: the snippet is pasted into other sites).
 */
export function getEmbedSnippet(chart: Chart, embedUrl: string): string {
  if (!/^https?:\/\/[^\s"<>]+$/.test(embedUrl)) throw new Error(`getEmbedSnippet: expected an absolute http(s) URL, found ${JSON.stringify(embedUrl)}`);
  // Attribute values come from chart titles, which come from data: `&`, `<`, `>`, `"` become entities.
  const attribute = (text: string) => escapeXml(text, true);
  return (
    `<iframe src="${attribute(embedUrl)}" title="${attribute(chart.title)}" width="100%" height="${getEmbedHeight(chart)}"` +
    ` loading="lazy" style="border:0;width:100%;" data-tongbao-chart="${attribute(chart.id)}"></iframe>`
  );
}

/** The tallest an iframe is made by the listener, in CSS px: a longer page scrolls inside its frame. */
export const EMBED_MAX_HEIGHT = 10000;

/**
 * The optional script for the parent page: it listens for the embed page's height message, accepts it only from
 * `siteOrigin` (`https://tongbao.example.org`) and only for the iframe that sent it, and sets that iframe's height
 * (rounded up, at most EMBED_MAX_HEIGHT px). A height that is not a positive number (`"tall"`, `null`, `-5`, NaN)
 * is ignored. One copy serves every chart of the page. `siteOrigin` must be an http(s) origin; anything else throws.
 */
export function getEmbedListener(siteOrigin: string): string {
  if (!/^https?:\/\/[^\s/"'<>\\]+$/.test(siteOrigin)) throw new Error(`getEmbedListener: expected an http(s) origin, found ${JSON.stringify(siteOrigin)}`);
  return [
    "<script>",
    'window.addEventListener("message", function (event) {',
    `  if (event.origin !== "${siteOrigin}" || !event.data || event.data.type !== "${EMBED_HEIGHT_MESSAGE}") return;`,
    "  var height = event.data.height;",
    '  if (typeof height !== "number" || !(height > 0)) return;',
    `  height = Math.min(Math.ceil(height), ${EMBED_MAX_HEIGHT});`,
    '  document.querySelectorAll("iframe[data-tongbao-chart]").forEach(function (frame) {',
    '    if (frame.contentWindow === event.source) frame.style.height = height + "px";',
    "  });",
    "});",
    "</script>",
  ].join("\n");
}
