/**
 * A chart as files a reader downloads (`/charts/{id}.svg`, `.png`, `.csv`): the picture with its title and source
 * drawn in, so it still says what it is once it is pasted into a slide or a newspaper page, and its data table.
 */
import Papa from "papaparse";
import { CJK_FONT_STACK, INK, PAGE_COLORS } from "../lib/palette.ts";
import type { Chart } from "./chart.ts";
import { escapeXml } from "./svg.ts";

/** Height in SVG units of the title band above the chart and of one caption line below it. */
const TITLE_HEIGHT = 30;
const CAPTION_LINE = 15;
/** White margin around everything, so the title and axis labels do not touch the image's edge. */
const MARGIN = 12;

/** `<svg … viewBox="0 0 640 412" …>…</svg>` → its width, height and children; null when it is not a chart root. */
function splitRoot(svg: string): { width: number; height: number; inner: string } | null {
  const open = /^<svg\b[^>]*\bviewBox="0 0 ([0-9.]+) ([0-9.]+)"[^>]*>/.exec(svg);
  if (open === null || !svg.endsWith("</svg>")) return null;
  return { width: Number(open[1]), height: Number(open[2]), inner: svg.slice(open[0].length, -"</svg>".length) };
}

/**
 * Cuts a caption into lines of at most `perLine` characters, at `；` or `，` when one is near the end of a line
 * (CJK text has no spaces to break at): `数据来源：…；数据截至2022年5月11日`.
 */
function wrapText(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > perLine) {
    let cut = perLine;
    const window = rest.slice(Math.floor(perLine * 0.6), perLine);
    const stop = Math.max(window.lastIndexOf("；"), window.lastIndexOf("，"), window.lastIndexOf("）"));
    if (stop >= 0) cut = Math.floor(perLine * 0.6) + stop + 1;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) lines.push(rest);
  return lines;
}

/**
 * The chart as a standalone SVG file: XML declaration, `xmlns`, the title drawn above the chart (bold, 16 units)
 * and the caption (source and date of the data) below it, on a white background with a 12-unit margin, with the chart's CJK font stack
 * named on the root so other programs pick a Chinese font. The accessible name stays (`role="img"`, `<title>`);
 * the page-only `aria-describedby` is replaced by a `<desc>` holding the alt text, since the file has no page
 * around it. Links inside (the measures chart) are kept. Throws only on a bug: an SVG that is not a composed chart.
 */
export function getChartSvgFile(chart: Chart): string {
  const root = splitRoot(chart.svg);
  if (root === null) throw new Error(`getChartSvgFile: chart ${JSON.stringify(chart.id)} has no composed <svg viewBox="0 0 W H"> root`);
  // The chart's own <title> moves to the new root; the chart itself is drawn as a group below the title band.
  const inner = root.inner.replace(/^<title>[^<]*<\/title>/, "");
  // CJK glyphs are about 1em wide: characters per line at 10 units per character.
  const captionLines = wrapText(chart.caption, Math.max(20, Math.floor(root.width / 10)));
  const titleLines = wrapText(chart.title, Math.max(10, Math.floor(root.width / 16)));
  const titleHeight = TITLE_HEIGHT + (titleLines.length - 1) * 20;
  const contentHeight = titleHeight + root.height + 10 + captionLines.length * CAPTION_LINE;
  const width = root.width + 2 * MARGIN;
  const height = contentHeight + 2 * MARGIN;
  const title = titleLines.map((line, i) => `<text x="0" y="${18 + i * 20}" font-size="16" font-weight="bold">${escapeXml(line)}</text>`).join("");
  const caption = captionLines
    .map((line, i) => `<text x="0" y="${titleHeight + root.height + 10 + (i + 1) * CAPTION_LINE - 3}" font-size="10" fill="${PAGE_COLORS.muted}">${escapeXml(line)}</text>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"` +
    ` aria-label="${escapeXml(chart.title, true)}" font-family="${escapeXml(CJK_FONT_STACK, true)}" font-size="10" fill="${INK}" color="${INK}">` +
    `<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.alt)}</desc>` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="white"></rect>` +
    `<g transform="translate(${MARGIN},${MARGIN})">` +
    title +
    `<g transform="translate(0,${titleHeight})">${inner}</g>` +
    caption +
    `</g></svg>\n`
  );
}

/**
 * The chart's data table (`chart.table`) as CSV: a header row of the Chinese column labels (`日期,确诊,…`), one row
 * per table row, empty cells for null, CRLF line endings and RFC 4180 quoting. UTF-8 with a byte-order mark: Excel
 * reads a CSV without one in the machine's ANSI code page (GBK on Chinese Windows, cp1252 elsewhere) and shows
 * the Chinese as mojibake; with the BOM it reads UTF-8. Text cells starting with `=`, `+`, `-`, `@`, tab or CR are
 * prefixed with `'` so a spreadsheet never runs report text as a formula; number cells are written as they are
 * (`-1`, `0.5`). A chart without data gives the BOM and an empty header row.
 */
export function getChartCsvFile(chart: Chart): string {
  const fields = chart.table.columns.map((column) => column.label);
  // Numbers stay numbers: Papa escapes text cells only, so a change of -1 is written -1, not '-1.
  const data = chart.table.rows.map((row) => chart.table.columns.map((column) => row[column.key] ?? ""));
  const body = Papa.unparse({ fields, data }, { newline: "\r\n", quotes: false, escapeFormulae: true });
  return `\uFEFF${body}\r\n`;
}
