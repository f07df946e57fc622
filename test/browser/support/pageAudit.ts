/**
 * Checks run inside a loaded page. They are JavaScript source strings, not functions: the test
 * transformer may wrap functions in helpers (`__name(...)`) that do not exist in the page.
 */
import type { Page } from "playwright-core";

/** One chart (`<figure>` with an `<svg>`) as the page presents it. */
export interface ChartAudit {
  /** figure id, or `figure N` when it has none */
  id: string;
  title: string;
  /** the text alternatives found: `aria-label`, `aria-labelledby`, `title`, `desc`, `p` (visible paragraph) */
  alternatives: string[];
  /** what is wrong with it; empty when the chart is complete */
  problems: string[];
}

/** What one page looks like from inside the browser. */
export interface PageAudit {
  charts: ChartAudit[];
  /** elements that stick out past the right edge of the viewport (page scrolls sideways), as selectors */
  overflow: string[];
  /** ISO dates (`2022-04-13`) in the visible text, outside `<code>`, `<pre>` and `lang="en"` */
  isoDates: string[];
}

const AUDIT_SCRIPT = String.raw`(() => {
  const HAN = /[\u3400-\u9fff]/;
  const CJK_FONT = /CJK|Han|PingFang|YaHei|Hei|Song|Kai|WenQuanYi|Noto Sans SC|Noto Serif SC/i;
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) return s + "#" + el.id;
    if (el.classList.length > 0) s += "." + [...el.classList].slice(0, 2).join(".");
    const parent = el.parentElement;
    return parent && parent !== document.body ? describe(parent) + " > " + s : s;
  };
  const textOfIds = (ids) => (ids || "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent?.trim() ?? "").join(" ").trim();
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const charts = [];
  const figures = [...document.querySelectorAll("figure")].filter((f) => f.querySelector("svg"));
  figures.forEach((figure, index) => {
    const problems = [];
    const svg = figure.querySelector("svg");
    const id = figure.id || "figure " + (index + 1);
    const title = figure.querySelector("figcaption, h2, h3, h4")?.textContent?.trim() ?? "";
    if (title === "") problems.push("no title (figcaption or heading)");
    const alternatives = [];
    const texts = [];
    const add = (kind, text) => { if (text) { alternatives.push(kind); texts.push(text); } };
    add("aria-label", svg.getAttribute("aria-label")?.trim());
    add("aria-labelledby", textOfIds(svg.getAttribute("aria-labelledby")));
    add("aria-describedby", textOfIds(svg.getAttribute("aria-describedby")));
    add("title", svg.querySelector(":scope > title")?.textContent?.trim());
    add("desc", svg.querySelector(":scope > desc")?.textContent?.trim());
    const paragraphs = [...figure.querySelectorAll("p")].filter((p) => !p.closest("details") && visible(p) && HAN.test(p.textContent));
    add("p", paragraphs.map((p) => p.textContent.trim()).join(" "));
    if (alternatives.length === 0) problems.push("no text alternative (aria-label, <desc>, or a visible paragraph)");
    else if (!texts.some((t) => HAN.test(t))) problems.push("text alternative is not in Chinese: " + JSON.stringify(texts[0].slice(0, 60)));
    else if (!texts.some((t) => /[0-9０-９一二三四五六七八九十百千万]/.test(t))) problems.push("text alternative states no number: " + JSON.stringify(texts[0].slice(0, 60)));
    if (svg.getAttribute("aria-hidden") !== "true" && !svg.getAttribute("role")) problems.push("<svg> has no role (img, or aria-hidden with a text alternative)");
    const details = figure.querySelector("details") ?? (figure.nextElementSibling?.tagName === "DETAILS" ? figure.nextElementSibling : null);
    if (!details) problems.push("no <details> with the data");
    else if (!details.querySelector("table")) problems.push("<details> holds no <table>");
    else if (details.querySelectorAll("tbody tr, tr").length < 2) problems.push("data table is empty");
    if (!/来源/.test(figure.textContent)) problems.push("no source in the caption (来源)");
    if (!/\d{4}年\d{1,2}月\d{1,2}日/.test(figure.textContent)) problems.push("no date of the data (YYYY年M月D日)");
    const text = svg.querySelector("text");
    if (text && !CJK_FONT.test(getComputedStyle(text).fontFamily)) problems.push("chart text has no CJK font: " + getComputedStyle(text).fontFamily);
    if (svg.querySelector("script, foreignObject")) problems.push("<svg> holds a script or foreignObject");
    charts.push({ id, title, alternatives, problems });
  });
  const width = document.documentElement.clientWidth;
  const overflow = [];
  if (document.documentElement.scrollWidth > width + 1) {
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.right <= width + 1 || rect.width === 0) continue;
      // Inside a scroll box (e.g. a wide table in overflow-x: auto) it does not move the page.
      let boxed = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") { boxed = true; break; }
      }
      if (boxed) continue;
      const parentRect = el.parentElement?.getBoundingClientRect();
      if (parentRect && parentRect.right > width + 1) continue; // report the outermost offender only
      overflow.push(describe(el) + " (right edge " + Math.round(rect.right) + " px)");
      if (overflow.length >= 5) break;
    }
    if (overflow.length === 0) overflow.push("page is " + document.documentElement.scrollWidth + " px wide");
  }
  const isoDates = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest("code, pre, script, style, [lang^=en], svg") || !visible(el)) continue;
    for (const m of node.textContent.matchAll(/\b(19|20)\d\d-\d\d-\d\d\b/g)) isoDates.push(describe(el) + ": " + m[0]);
  }
  return { charts, overflow, isoDates: isoDates.slice(0, 10) };
})()`;

/** Audits the page as loaded now (charts, sideways overflow, ISO dates in the text). */
export async function auditPage(page: Page): Promise<PageAudit> {
  return (await page.evaluate(AUDIT_SCRIPT)) as PageAudit;
}

/** What the print stylesheet does to the page. */
export interface PrintAudit {
  /** `nav` elements still shown in print */
  navShown: string[];
  /** charts that may be split across two sheets (no `break-inside: avoid`) */
  chartsSplittable: string[];
}

const PRINT_SCRIPT = String.raw`(() => {
  const navShown = [...document.querySelectorAll("nav")].filter((nav) => nav.getClientRects().length > 0).map((nav) => nav.getAttribute("aria-label") || nav.className || "nav");
  const chartsSplittable = [...document.querySelectorAll("figure")].filter((f) => f.querySelector("svg")).filter((f) => {
    const s = getComputedStyle(f);
    return !/avoid/.test(s.breakInside) && !/avoid/.test(s.pageBreakInside ?? "");
  }).map((f, i) => f.id || "figure " + (i + 1));
  return { navShown, chartsSplittable };
})()`;

/** Audits the page under print media: call after `page.emulateMedia({ media: "print" })`. */
export async function auditPrint(page: Page): Promise<PrintAudit> {
  return (await page.evaluate(PRINT_SCRIPT)) as PrintAudit;
}
