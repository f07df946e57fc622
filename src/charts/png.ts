/**
 * A chart's SVG as a PNG image, rendered at build time with resvg (no browser): the `/charts/{id}.png` downloads and
 * the images the briefings put in WeChat posts.
 *
 * resvg is given one font and nothing else: Noto Sans Hans (family name "Noto Sans S Chinese") from the
 * @embedpdf/fonts-sc package, with the machine's own fonts switched off, so the same SVG gives the same pixels on
 * every machine and Chinese text is drawn with real glyphs, never as empty boxes. The site's images use the font cut
 * down to the characters charts use (src/charts/pngFont.ts): the same pixels, six times faster.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import { getPaletteStyle } from "../lib/palette.ts";
import { getFullFontFiles, getPngFontFiles } from "./pngFont.ts";

/** Options of renderChartPng. */
export interface ChartPngOptions {
  /** width of the image in SVG units before the 2× scale; default the SVG's own width (640 for the site's charts) */
  width?: number;
}

/** The family name inside NotoSansHans-*.otf (what `fc-scan` prints), the only family resvg knows here. */
export const PNG_FONT_FAMILY = "Noto Sans S Chinese";

/** Pixels per SVG unit: 2× so the image stays sharp on phone screens and in print. */
const SCALE = 2;

/** `--ink` → `#222222`: the palette's custom properties, which resvg cannot resolve itself. */
function getPaletteVariables(): Map<string, string> {
  const variables = new Map<string, string>();
  for (const declaration of getPaletteStyle().split("; ")) {
    const colon = declaration.indexOf(": ");
    if (colon > 0) variables.set(declaration.slice(0, colon), declaration.slice(colon + 2));
  }
  return variables;
}

/**
 * The SVG as resvg must see it: every `font-family` (attribute or style property, e.g. the CJK stack
 * `"Noto Sans CJK SC", "Noto Sans SC", …`) replaced by the one loaded family, and every `var(--ink)` /
 * `var(--x, #fff)` replaced by the palette's value (or its fallback). resvg ignores CSS custom properties, so a
 * `fill="var(--ink)"` would otherwise be drawn black or not at all. Unknown variables without a fallback become
 * `currentColor`.
 */
export function prepareSvgForPng(svg: string): string {
  const variables = getPaletteVariables();
  return svg
    .replace(/font-family="[^"]*"/g, `font-family="${PNG_FONT_FAMILY}"`)
    .replace(/font-family:[^;"]*/g, `font-family:${PNG_FONT_FAMILY}`)
    .replace(/var\(\s*(--[a-z0-9-]+)\s*(?:,\s*([^()]*?))?\s*\)/gi, (_all, name: string, fallback: string | undefined) => {
      const value = variables.get(name) ?? fallback;
      // A font stack value would hold quotes (`&quot;` inside an attribute); colours never do.
      return value === undefined || value.includes('"') ? "currentColor" : value;
    });
}

/**
 * Renders a chart SVG (src/charts/svg.ts composeSvg, or any standalone SVG with `xmlns`) to PNG bytes at 2× its
 * width (or 2× `options.width`, the height following the viewBox), on a white background. Deterministic: same SVG,
 * same bytes. Throws resvg's error on SVG that does not parse (a bug in the chart, not bad data).
 */
export function renderChartPng(svg: string, options: ChartPngOptions = {}): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(prepareSvgForPng(svg), getResvgOptions(options, getFullFontFiles()));
  return new Uint8Array(resvg.render().asPng());
}

/**
 * renderChartPng for the site build: off the main thread (resvg's own thread pool), so that with Astro building two
 * pages at a time (astro.config.mjs) the images do not stop the pages, and with the cut font when it holds every
 * character of the SVG. Same bytes as renderChartPng.
 */
export async function renderChartPngAsync(svg: string, options: ChartPngOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const prepared = prepareSvgForPng(svg);
  const rendered = await renderAsync(prepared, getResvgOptions(options, await getPngFontFiles(prepared)));
  return new Uint8Array(rendered.asPng());
}

function getResvgOptions(options: ChartPngOptions, fontFiles: string[]): ResvgRenderOptions {
  return {
    background: "white",
    fitTo: options.width === undefined ? { mode: "zoom", value: SCALE } : { mode: "width", value: Math.round(options.width * SCALE) },
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: PNG_FONT_FAMILY,
      sansSerifFamily: PNG_FONT_FAMILY,
      serifFamily: PNG_FONT_FAMILY,
      monospaceFamily: PNG_FONT_FAMILY,
    },
    languages: ["zh-CN"],
    logLevel: "off",
  };
}
