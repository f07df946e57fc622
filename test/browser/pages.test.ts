/**
 * Every page of the built site in Chromium: loads cleanly, fits a phone, has complete charts, passes
 * axe, prints without navigation; screenshots of each page type at 375 px and 1280 px.
 */
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureSite, SCREENSHOTS } from "./support/builtSite.ts";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, watchPage, type Browser, type PageProblems } from "./support/chromium.ts";
import { auditPage, auditPrint, type PageAudit } from "./support/pageAudit.ts";
import { findIndexPath, getPageType, MIN_CHARTS, PAGE_TYPES, type PageType } from "./support/pageTypes.ts";
import { crawlSite } from "./support/siteCrawl.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
/** Pages loaded per page type (listings split into many near-identical pages; the crawl checks them all). */
const PAGES_PER_TYPE = 12;
/** Axe runs on the first page of each type, and on the smallest too where pages differ most (an empty district, a short report). */
const AXE_TWICE: ReadonlySet<PageType> = new Set(["district", "report"]);
const ALL_PAGES = process.env.TONGBAO_BROWSER_PAGES === "all";

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let server: StaticServer;
let browser: Browser;
let page: Page;
let watcher: ReturnType<typeof watchPage>;
/** every HTML page reached by the crawl */
let paths: string[] = [];
/** pages visited per type: its index page (else the largest), the largest, the smallest, others; the first is the screenshot */
const samples = new Map<PageType, string[]>();
/** what loading each page at phone width gave */
const loads = new Map<string, { problems: PageProblems; audit: PageAudit }>();

async function visit(path: string): Promise<void> {
  watcher.reset();
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
  if (response?.status() !== 200) watcher.problems.requests.push(`${path}: HTTP ${response?.status() ?? "no response"}`);
}

function copyProblems(problems: PageProblems): PageProblems {
  return { console: [...problems.console], errors: [...problems.errors], requests: [...problems.requests], dialogs: [...problems.dialogs] };
}

describe.skipIf(!HAVE_CHROMIUM)("the built site in Chromium", () => {
  beforeAll(async () => {
    console.info(`site: ${await ensureSite()}`);
    server = await serveFolder(DIST);
    const crawl = await crawlSite(server.origin);
    paths = [...crawl.pages.keys()].sort();
    for (const type of PAGE_TYPES) {
      const ofType = [...crawl.pages.values()].filter((p) => getPageType(p.path) === type).sort((a, b) => b.html.length - a.html.length);
      const index = ofType.find((p) => p.path === findIndexPath(type));
      // The index page (else the largest), the largest and the smallest, then evenly spaced others.
      const spaced = ofType.length <= PAGES_PER_TYPE ? ofType : Array.from({ length: PAGES_PER_TYPE }, (_, i) => ofType[Math.round((i * (ofType.length - 1)) / (PAGES_PER_TYPE - 1))]);
      const picks = [...new Set([index, ofType[0], ofType[ofType.length - 1], ...spaced].filter((p) => p !== undefined).map((p) => p.path))];
      if (picks.length > 0) samples.set(type, picks.slice(0, PAGES_PER_TYPE));
    }
    const visited = ALL_PAGES ? paths : [...samples.values()].flat();
    console.info(`visiting ${visited.length} of ${paths.length} pages (up to ${PAGES_PER_TYPE} per page type; TONGBAO_BROWSER_PAGES=all for every page)`);
    browser = await launchBrowser(server.origin);
    page = await browser.context.newPage();
    watcher = watchPage(page);
    // One pass over every page at phone width; the tests below read what it found.
    await page.setViewportSize(PHONE);
    for (const path of visited) {
      await visit(path);
      loads.set(path, { problems: copyProblems(watcher.problems), audit: await auditPage(page) });
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads pages of every type without console errors, page errors, failed requests or dialogs", () => {
    const found: string[] = [];
    for (const [path, { problems }] of loads) {
      for (const [kind, list] of Object.entries(problems)) for (const item of list) found.push(`${path}: ${kind}: ${item}`);
    }
    for (const { page: from, url } of browser.blocked) found.push(`${from}: tried to load ${url} (no network but the site)`);
    console.info(`loaded ${loads.size} pages in Chromium`);
    expect(found).toEqual([]);
  });

  it("fits a 375 px phone: no page scrolls sideways", () => {
    const found = [...loads].flatMap(([path, { audit }]) => audit.overflow.map((item) => `${path}: ${item}`));
    expect(found).toEqual([]);
  });

  it("shows dates as 2022年4月13日, not 2022-04-13 (except in the data dictionary and report texts)", () => {
    const found = [...loads]
      .filter(([path]) => !["data", "report"].includes(getPageType(path)))
      .filter(([, { audit }]) => audit.isoDates.length > 0)
      .map(([path, { audit }]) => `${path}: ${audit.isoDates.length === 10 ? "10 or more" : audit.isoDates.length} ISO dates, first in ${audit.isoDates[0] ?? ""}`);
    expect(found).toEqual([]);
  });

  it("has complete charts: title, source and date, a Chinese text alternative, the data in <details>", () => {
    const found: string[] = [];
    const counts: string[] = [];
    for (const [path, { audit }] of loads) {
      if (audit.charts.length > 0) counts.push(`${path} ${audit.charts.length}`);
      const min = MIN_CHARTS[path] ?? 0;
      if (audit.charts.length < min) found.push(`${path}: ${audit.charts.length} charts, expected at least ${min}`);
      for (const chart of audit.charts) for (const problem of chart.problems) found.push(`${path}: ${chart.id} (${chart.title || "untitled"}): ${problem}`);
    }
    console.info(`charts: ${counts.join(", ") || "none"}`);
    expect(found).toEqual([]);
  });

  it("passes axe-core with no violations on each page type", async () => {
    await page.setViewportSize(DESKTOP);
    const found: string[] = [];
    for (const path of [...samples].flatMap(([type, picks]) => (AXE_TWICE.has(type) ? [picks[0], picks[1]] : [picks[0]]).filter((p) => p !== undefined))) {
      await visit(path);
      await page.addScriptTag({ path: AXE_PATH });
      const results = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
      for (const violation of results.violations) {
        const targets = violation.nodes.slice(0, 5).map((node) => `      ${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1).join("; ").trim() ?? ""}`);
        const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : "";
        found.push(`${path}: ${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n${targets.join("\n")}${more}`);
      }
    }
    if (found.length > 0) console.error(`axe violations:\n${found.join("\n")}`);
    expect(found.map((line) => line.split("\n")[0])).toEqual([]);
  }, 60_000);

  it("prints without navigation and keeps charts whole", async () => {
    const found: string[] = [];
    await page.emulateMedia({ media: "print" });
    try {
      for (const [, [path]] of samples) {
        if (path === undefined) continue;
        await visit(path);
        const audit = await auditPrint(page);
        for (const nav of audit.navShown) found.push(`${path}: navigation shown in print: ${nav}`);
        for (const chart of audit.chartsSplittable) found.push(`${path}: ${chart} may break across sheets (no break-inside: avoid)`);
      }
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
    expect(found).toEqual([]);
  }, 60_000);

  it("takes screenshots of each page type at 375 px and 1280 px (test/browser/screenshots/)", async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const taken: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      for (const [type, [path]] of samples) {
        if (path === undefined) continue;
        await visit(path);
        const file = `${type}-${viewport.width}.png`;
        await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true });
        taken.push(file);
      }
    }
    console.info(`screenshots: ${taken.join(", ")} (${[...samples].map(([type, [path]]) => `${type} = ${path}`).join("; ")})`);
    expect(taken.length).toBe(samples.size * 2);
  }, 60_000);
});
