/**
 * The briefings in a browser: no console errors, no axe violations, no sideways scroll at 375 px; printed to A4 PDF
 * (scripts/pdf.ts's printBriefingPdf) no table or chart is cut across pages (read back with pdfjs-dist: each table's
 * caption and its last row, each chart's title and its text alternative, on the same page); wechat.html has no
 * <style>, <script> or class and says what the page's briefing body says.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printBriefingPdf } from "../../scripts/pdf.ts";
import { DIST, ensureSite } from "./support/builtSite.ts";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, watchPage, type Browser } from "./support/chromium.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** The seed's day (report 004) and a day of the 2022 case tables with a chart and district rows. */
const DAYS = ["2022-04-13", "2022-04-28"];
const PAGES = ["/briefings/", "/briefings/2022-04-13/", "/briefings/2022-04-28/", "/briefings/2022-04-13/miyun/", "/briefings/week/2022-W17/"];

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let server: StaticServer;
let browser: Browser;
let page: Page;
let watch: ReturnType<typeof watchPage>;

/**
 * Text without any white space, NFKC-normalised, for comparing what a page and a PDF or fragment say: the PDF's
 * text layer maps some glyphs to Kangxi radicals (⽇ U+2F47 for 日), which NFKC folds back, and others to CJK radical
 * supplement forms (⻛ U+2EDB for 风), which have no decomposition: RADICALS maps those.
 */
const RADICALS: Readonly<Record<string, string>> = { "⻛": "风", "⻅": "见", "⻔": "门", "⻚": "页", "⻜": "飞", "⻢": "马", "⻋": "车", "⻥": "鱼", "⻬": "齐", "⻩": "黄", "⻄": "西", "⻉": "贝", "⻓": "长", "⻘": "青", "⻝": "食" };
const squeeze = (text: string) => text.normalize("NFKC").replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c).replace(/\s+/g, "");

describe.skipIf(!HAVE_CHROMIUM)("briefing pages in Chromium", () => {
  beforeAll(async () => {
    console.info(await ensureSite());
    for (const path of PAGES) {
      if (!existsSync(join(DIST, path, "index.html"))) throw new Error(`dist${path}index.html is missing: the built site predates the briefings; run \`npm run site\``);
    }
    server = await serveFolder(DIST);
    browser = await launchBrowser(server.origin);
    page = await browser.context.newPage();
    watch = watchPage(page);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads without console errors, passes axe, and does not scroll sideways at 375 px", async () => {
    const found: string[] = [];
    for (const path of PAGES) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        watch.reset();
        await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
        const { problems } = watch;
        for (const line of [...problems.console, ...problems.errors, ...problems.requests, ...problems.dialogs]) found.push(`${path} @${width}: ${line}`);
        const scroll = (await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")) as number;
        if (scroll > 0) found.push(`${path} @${width}: scrolls sideways by ${scroll}px`);
      }
      await page.addScriptTag({ path: AXE_PATH });
      const results = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
      for (const v of results.violations) found.push(`${path}: axe ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
    expect(found).toEqual([]);
  }, 180_000);

  it("briefing charts have ids of their own and no embed/download block", () => {
    const html = readFileSync(join(DIST, "briefings", "2022-04-28", "index.html"), "utf8");
    expect(html).toContain('id="chart-briefing-2022-04-28-cases"');
    expect(html).toContain('aria-describedby="chart-briefing-2022-04-28-cases-alt"');
    expect(html).not.toContain('id="chart-cases"');
    expect(html).not.toMatch(/<details class="chart-embed/);
  });

  it("wechat.html has no <style>, <script> or class and says what the page's briefing body says", async () => {
    for (const date of DAYS) {
      const fragment = readFileSync(join(DIST, "briefings", date, "wechat.html"), "utf8");
      expect(fragment).not.toMatch(/<style|<script|\sclass\s*=/i);
      await page.goto(`${server.origin}/briefings/${date}/`);
      // The body's text without its charts (the fragment has none for a day: see src/lib/briefing/briefingFiles.ts).
      const pageText = (await page.evaluate(`(() => { const a = document.querySelector("article.briefing-body").cloneNode(true); a.querySelectorAll("figure").forEach((f) => f.remove()); return a.textContent; })()`)) as string;
      await page.setContent(fragment);
      const fragmentText = (await page.evaluate("document.body.textContent")) as string;
      expect(squeeze(fragmentText), date).toBe(squeeze(pageText));
      expect(squeeze(pageText).length).toBeGreaterThan(200);
    }
  });

  it("prints to A4 with no table or chart cut across pages", async () => {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    for (const date of DAYS) {
      await page.goto(`${server.origin}/briefings/${date}/`);
      await page.emulateMedia({ media: "print" });
      const blocks = (await page.evaluate(`(() => {
        const tables = [...document.querySelectorAll("article.briefing-body .briefing-table table")].map((t) => ({ kind: "table", first: t.querySelector("caption").textContent, last: [...t.querySelectorAll("tbody tr")].at(-1).textContent }));
        const charts = [...document.querySelectorAll("article.briefing-body figure.chart")].map((f) => ({ kind: "chart", first: f.querySelector(".chart-title").textContent, last: f.querySelector(".chart-alt").textContent.slice(0, 20) }));
        return [...tables, ...charts];
      })()`)) as Array<{ kind: string; first: string; last: string }>;
      await page.emulateMedia({ media: "screen" });
      const bytes = await printBriefingPdf(DIST, date);
      const pdf = await pdfjs.getDocument({ data: bytes, useSystemFonts: false }).promise;
      const pages: string[] = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        pages.push(squeeze(content.items.map((item) => ("str" in item ? item.str : "")).join("")));
      }
      expect(blocks.filter((b) => b.kind === "table").length, date).toBeGreaterThanOrEqual(date === "2022-04-13" ? 2 : 3);
      for (const block of blocks) {
        const at = pages.findIndex((text) => text.includes(squeeze(block.first)));
        expect(at, `${date}: ${block.kind} "${block.first}" is in the PDF`).toBeGreaterThanOrEqual(0);
        expect(pages[at]?.includes(squeeze(block.last)), `${date}: ${block.kind} "${block.first}" ends on its page (${block.last})`).toBe(true);
      }
      // The paper footer names the briefing's address.
      expect(pages.at(-1)).toContain(`/briefings/${date}/`);
    }
  }, 180_000);
});
