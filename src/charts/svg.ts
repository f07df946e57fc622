/**
 * How every chart becomes markup: Plot draws into a linkedom document at build time, and this module turns the
 * result into one self-contained, accessible, deterministic SVG string.
 *
 * Why our own serializer rather than linkedom's `outerHTML`: linkedom writes attribute values unescaped
 * (`href="/a?b=1&c=2"`, and a `"` in a value would end the attribute), and we need to round coordinates, drop
 * Plot's per-render stylesheet and renumber ids in the same pass. Everything that came from data is a text node or
 * an attribute value here, and both are escaped on the way out, so report text can never become markup.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { CJK_FONT_STACK, INK } from "../lib/palette.ts";

/** A drawn piece of a chart: its size in SVG units and its markup (already escaped). */
export interface SvgPart {
  width: number;
  height: number;
  /** the part's children markup, drawn in a `0 0 width height` box */
  markup: string;
}

/** Attributes holding coordinates: rounded to one decimal (a 640-unit chart needs no more) to keep pages small. */
const COORDINATE_ATTRIBUTES = new Set(["d", "transform", "x", "y", "cx", "cy", "r", "x1", "x2", "y1", "y2", "width", "height", "points"]);

/** Attributes Plot sets on its root that the composed root replaces (size, fonts, class of its stylesheet). */
const DROPPED_ROOT_ATTRIBUTES = new Set(["class", "viewbox", "width", "height", "style", "aria-label", "aria-description", "font-family", "xmlns"]);

/** `&`, `<`, `>` (and `"` in attributes) as entities: safe both in HTML-embedded SVG and in standalone XML. */
export function escapeXml(text: string, inAttribute = false): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return inAttribute ? escaped.replace(/"/g, "&quot;") : escaped;
}

/** `12.3456` → `12.3`, `4.0` → `4`, `-0.04` → `0`, in a path, transform or length; leaves `0.71em` alone. */
function roundNumbers(value: string): string {
  if (/em\b/.test(value)) return value;
  return value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (number) => {
    const rounded = Math.round(Number(number) * 10) / 10;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
}

/**
 * A link target safe to put in a chart: a site-relative path (`/reports/x/#d1`), a fragment, or an http(s) URL.
 * Anything else (`javascript:`, `data:`, protocol-relative `//host`) is refused: returns null, the mark is drawn
 * without a link. So are a backslash or whitespace anywhere (browsers read `/\evil.com` and `/<tab>/evil.com`, whose
 * tab they strip, as the protocol-relative `//evil.com`).
 */
export function findSafeHref(href: string | null | undefined): string | null {
  if (typeof href !== "string") return null;
  const trimmed = href.trim();
  if (/[\\\s]/.test(trimmed) || /^\/[\/\\]/.test(trimmed)) return null;
  if (trimmed.startsWith("/") || trimmed.startsWith("#")) return trimmed;
  if (/^https?:\/\/\S+$/i.test(trimmed)) return trimmed;
  return null;
}

/** `chart-cases-alt`: the id of the paragraph that states a chart's main finding, which its SVG is described by. */
export function getChartAltId(chartId: string): string {
  return `chart-${chartId}-alt`;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

/** Serialise a linkedom node's children, escaping everything and dropping Plot's `<style>`. */
function serializeChildren(node: DomNode): string {
  // Read once: linkedom builds the list anew on every read of childNodes, so reading it per child made a group of
  // n marks cost n² (the measures chart of 10,000 reports took 40 s to serialise).
  const children = node.childNodes;
  let out = "";
  for (let i = 0; i < children.length; i++) out += serializeNode(children[i] as DomNode);
  return out;
}

function serializeNode(node: DomNode): string {
  if (node.nodeType === 3) return escapeXml(node.textContent ?? "");
  if (node.nodeType !== 1) return "";
  const tag = (node.localName ?? node.nodeName).toLowerCase();
  // <style>:where(.plot-d6a7b5) {…}</style>: Plot's sheet, with a per-render class; the root gets the same rules inline.
  if (tag === "style" || tag === "script" || tag === "foreignobject") return "";
  const attributes = serializeAttributes(node, tag, new Set());
  if (attributes === null) return serializeChildren(node);
  return `<${tag}${attributes}>${serializeChildren(node)}</${tag}>`;
}

/** The attributes of an element; null for an `<a>` whose link was refused (then only its children are kept). */
function serializeAttributes(node: DomNode, tag: string, dropped: ReadonlySet<string>): string | null {
  const pairs: Array<[string, string]> = [];
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i++) {
    const attribute = list[i];
    if (!attribute) continue;
    // Names keep their case (SVG's viewBox, preserveAspectRatio); checks compare them lower-cased.
    const name = attribute.name;
    const lower = name.toLowerCase();
    // id: Plot numbers clip paths and gradients with a module counter (different on every render); the charts use
    // neither, so ids are dropped rather than renumbered, and the root's own ids are prefixed with the chart id.
    if (dropped.has(lower) || lower.startsWith("on") || lower === "style" || lower === "class" || lower === "id") continue;
    let value = attribute.value;
    if (lower === "href" || lower === "xlink:href") {
      const safe = findSafeHref(value);
      if (safe === null) continue;
      value = safe;
    }
    if (COORDINATE_ATTRIBUTES.has(lower)) value = roundNumbers(value);
    pairs.push([name, value]);
  }
  if (tag === "a" && !pairs.some(([name]) => name === "href")) return null;
  // <g aria-label="dot">: a generic element may not carry a label (axe aria-prohibited-attr) unless it has a role.
  if (tag === "g" && pairs.some(([name]) => name === "aria-label") && !pairs.some(([name]) => name === "role")) pairs.push(["role", "group"]);
  // <a href><circle><title>…: give the link itself the name, so it is announced with its target.
  if (tag === "a") {
    const title = findTitleText(node);
    if (title !== null && !pairs.some(([name]) => name === "aria-label")) pairs.push(["aria-label", title]);
  }
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([name, value]) => ` ${name}="${escapeXml(value, true)}"`).join("");
}

/** The text of the first `<title>` under a node (Plot puts a mark's `title` channel there), or null. */
function findTitleText(node: DomNode): string | null {
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as DomNode;
    if (child.nodeType !== 1) continue;
    if ((child.localName ?? child.nodeName).toLowerCase() === "title") return child.textContent ?? "";
    const inner = findTitleText(child);
    if (inner !== null) return inner;
  }
  return null;
}

/**
 * Draw a Plot and return it as a part. Plot runs on a fresh linkedom document each time (no shared state); its
 * root attributes that matter for drawing (text-anchor, font-size, fill) are kept on a `<g>`.
 * Throws only on a bug: options that make Plot return a figure (legends, title, caption) instead of an SVG.
 */
export function renderPlot(options: Plot.PlotOptions): SvgPart {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const element = Plot.plot({ ...options, figure: false, className: "tb-chart", document: document as unknown as Document }) as unknown as DomNode;
  if ((element.localName ?? element.nodeName).toLowerCase() !== "svg") {
    throw new Error(`renderPlot: expected Plot to return an <svg>, found <${element.nodeName}>`);
  }
  const width = Number(options.width ?? 640);
  const height = Number(options.height ?? 400);
  const attributes = serializeAttributes(element, "g", DROPPED_ROOT_ATTRIBUTES) ?? "";
  return { width, height, markup: `<g${attributes}>${serializeChildren(element)}</g>` };
}

/** A one-line legend: a swatch (filled square, or a line when `line` is set, dashed when `dash` is) and a label per item. */
export function renderLegend(items: ReadonlyArray<{ label: string; color: string; line?: boolean; dash?: string | null }>, width: number): SvgPart {
  let x = 0;
  let y = 12;
  let markup = "";
  for (const item of items) {
    // CJK glyphs are about 1em wide; 12 units per character, 20 for the swatch and gap.
    const itemWidth = 20 + item.label.length * 12 + 14;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += 18;
    }
    const swatch = item.line
      ? `<line x1="${x}" x2="${x + 14}" y1="${y - 4}" y2="${y - 4}" stroke="${escapeXml(item.color, true)}" stroke-width="2.5"${item.dash ? ` stroke-dasharray="${escapeXml(item.dash, true)}"` : ""}></line>`
      : `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${escapeXml(item.color, true)}"></rect>`;
    markup += `${swatch}<text x="${x + 18}" y="${y}">${escapeXml(item.label)}</text>`;
    x += itemWidth;
  }
  return { width, height: y + 6, markup: `<g aria-hidden="true" font-size="12">${markup}</g>` };
}

/** What composeSvg needs besides the parts. */
export interface ComposeOptions {
  /** the chart id: prefixes the ids inside the SVG, so two charts in one page never share an id */
  id: string;
  title: string;
  alt: string;
  /** the parts, drawn top to bottom */
  parts: readonly SvgPart[];
  /** true when the chart holds links: the root is then a `graphics-document`, since an `img` may hold no links */
  interactive?: boolean;
}

/**
 * The chart's root `<svg>`: parts stacked top to bottom, `role="img"` (or `graphics-document` for a chart with
 * links), `aria-label` and `<title>` = title, `aria-describedby` = the id of the page's visible paragraph that states
 * the alt text (getChartAltId: the finding is read once, from the page, not again from a `<desc>`), the CJK font
 * stack, and a `viewBox` with `height:auto`; the page's stylesheet sizes its width (src/components/ChartFigure.astro).
 */
export function composeSvg(options: ComposeOptions): string {
  const width = Math.max(0, ...options.parts.map((part) => part.width));
  let y = 0;
  let body = "";
  for (const part of options.parts) {
    body += y === 0 ? part.markup : `<g transform="translate(0,${y})">${part.markup}</g>`;
    y += part.height;
  }
  const descId = getChartAltId(options.id);
  const role = options.interactive ? "graphics-document" : "img";
  const style = "display:block;height:auto;overflow:visible;background:white";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${y}" width="${width}" height="${y}" role="${role}"` +
    ` aria-label="${escapeXml(options.title, true)}" aria-describedby="${escapeXml(descId, true)}"` +
    ` font-family="${escapeXml(CJK_FONT_STACK, true)}" font-size="10" fill="${INK}" color="${INK}" style="${style}">` +
    `<title>${escapeXml(options.title)}</title>` +
    body +
    `</svg>`
  );
}

/** A small SVG that says there is no data, with the same accessible root as every chart. */
export function renderNoData(id: string, title: string, alt: string, width: number): string {
  const part: SvgPart = {
    width,
    height: 60,
    markup: `<g role="group" aria-label="暂无数据"><rect x="0.5" y="0.5" width="${width - 1}" height="59" fill="none" stroke="#999999"></rect><text x="${width / 2}" y="35" text-anchor="middle" font-size="14">暂无数据</text></g>`,
  };
  return composeSvg({ id, title, alt, parts: [part] });
}

/** Browsing contexts a chart link may open in: the HTML keywords only, never a named window. */
export type LinkTarget = "_self" | "_top" | "_parent" | "_blank";

/**
 * Every link of a chart SVG opened in `target`: `<a aria-label="…" href="…">` → `<a aria-label="…" href="…"
 * target="_top">`. An embedded chart needs `_top`, or a click would load the site's page inside the reader's iframe
 * (and fail there: the site's pages refuse to be framed). Only the four keywords are accepted (a name like `evil`
 * would target a window another page opened). A target already present is replaced; `rel="noopener"` is added for
 * `_blank`. Works on composeSvg's output, where `<a ` can only start a tag (text and attribute values are escaped).
 */
export function setLinkTarget(svg: string, target: LinkTarget): string {
  if (!["_self", "_top", "_parent", "_blank"].includes(target)) throw new Error(`setLinkTarget: expected _self, _top, _parent or _blank, found ${JSON.stringify(target)}`);
  return svg.replace(/<a((?:\s[^\s=>]+="[^"]*")*)>/g, (_all, attributes: string) => {
    const kept = attributes.replace(/\s(target|rel)="[^"]*"/g, "");
    return `<a${kept} target="${target}"${target === "_blank" ? ' rel="noopener"' : ""}>`;
  });
}
