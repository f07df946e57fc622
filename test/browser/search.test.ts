/**
 * /search/ in Chromium: the site's index (src/build/searchIndex.ts) finds exactly the reports holding a Chinese
 * phrase, the district and month filters narrow the results, the order can be changed, and the page loads with no
 * console errors and passes axe.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureSite } from "./support/builtSite.ts";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, watchPage, type Browser } from "./support/chromium.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** The report that mentions 古北口 (a town of Miyun), and only it. */
const GUBEIKOU_REPORT = "/reports/004_d2a4c35ad713cded/";

interface DocumentLike {
  id: string;
  title: string;
  text_path: string;
  published_date: string | null;
  event_date: string | null;
  districts: string[];
}

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let server: StaticServer;
let browser: Browser;
let page: Page;
let watcher: ReturnType<typeof watchPage>;
let documents: Map<string, DocumentLike>;

/** Types `term` into the search box (as a person would, then Enter) and returns the result links once shown. */
async function search(term: string): Promise<string[]> {
  await page.fill("#search-input", term);
  await page.press("#search-input", "Enter");
  return results();
}

/** The result links after the status line has been updated for the current form values. */
async function results(): Promise<string[]> {
  await page.waitForFunction(`(() => {
    const status = document.getElementById("search-status").textContent;
    const q = new URL(location.href).searchParams.get("q");
    return /找到|没有找到/.test(status) && q === document.getElementById("search-input").value.trim();
  })()`);
  // The status and the list are replaced together; wait for a quiet moment so a late answer cannot slip in after.
  await page.waitForTimeout(300);
  return page.$$eval("#search-results li h2 a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The id of a report page path: `/reports/004/` → `004`. */
function idOf(path: string): string {
  return path.split("/")[2] ?? "";
}

/** The report pages whose title or clean text (as published in /data/text/) holds `phrase`. */
async function pagesHolding(phrase: string): Promise<string[]> {
  const pages: string[] = [];
  for (const doc of documents.values()) {
    const text = await readFile(join(DIST, "data", doc.text_path), "utf8");
    if (`${doc.title}\n${text}`.includes(phrase)) pages.push(`/reports/${doc.id}/`);
  }
  return pages.sort();
}

/** The day a result's page shows, as search orders by it. */
function dayOf(path: string): string {
  const doc = documents.get(idOf(path));
  return doc?.published_date ?? doc?.event_date ?? "";
}

describe.skipIf(!HAVE_CHROMIUM)("/search/: the site's own index over the reports", () => {
  beforeAll(async () => {
    console.info(`site: ${await ensureSite()}`);
    const rows = JSON.parse(await readFile(join(DIST, "data/documents.json"), "utf8")) as DocumentLike[];
    documents = new Map(rows.map((row) => [row.id, row]));
    server = await serveFolder(DIST);
    browser = await launchBrowser(server.origin);
    page = await browser.context.newPage();
    watcher = watchPage(page);
    await page.goto(`${server.origin}/search/`);
    await page.waitForSelector("#search-form:not([hidden])");
    expect(await page.$("#search-nojs")).toBeNull();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("finds exactly the reports whose title or text holds 核酸检测, with the phrase marked in each excerpt", async () => {
    const found = await search("核酸检测");
    const expected = await pagesHolding("核酸检测");
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThanOrEqual(50);
    expect([...found].sort()).toEqual(expected);
    expect(await page.textContent("#search-status")).toBe(`找到 ${expected.length} 篇通报。`);
    // Excerpts arrive with the texts, after the list: each result gets one, with the phrase marked.
    await page.waitForFunction(`[...document.querySelectorAll("#search-results li")].every((li) => li.querySelector("mark"))`);
    const marks = await page.$$eval("#search-results mark", (els) => [...new Set(els.map((el) => el.textContent))]);
    expect(marks).toEqual(["核酸检测"]);
  });

  it("orders by matches by default and by date on request, keeping the same reports", async () => {
    const byMatches = await search("核酸检测");
    await page.selectOption("#search-sort", "newest");
    const byDate = await results();
    expect(new URL(page.url()).searchParams.get("sort")).toBe("newest");
    expect([...byDate].sort()).toEqual([...byMatches].sort());
    const days = byDate.map(dayOf);
    expect(days).toEqual([...days].sort().reverse());
    await page.selectOption("#search-sort", "relevance");
  });

  it("says a single character cannot be searched alone, and lists a district's reports newest first without a word", async () => {
    await page.fill("#search-input", "疫");
    await page.press("#search-input", "Enter");
    await page.waitForFunction(`document.getElementById("search-status").textContent.includes("至少两个字")`);
    expect(await page.$$("#search-results li")).toHaveLength(0);
    await page.fill("#search-input", "");
    await page.selectOption("#search-district", "密云区");
    await page.waitForFunction(`/找到/.test(document.getElementById("search-status").textContent)`);
    await page.waitForTimeout(300);
    const listed = await page.$$eval("#search-results li h2 a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const miyun = [...documents.values()].filter((doc) => doc.districts.includes("密云区")).map((doc) => `/reports/${doc.id}/`);
    expect([...listed].sort()).toEqual(miyun.sort());
    expect(listed.map(dayOf)).toEqual(listed.map(dayOf).sort().reverse());
    await page.selectOption("#search-district", "");
  });

  it(`finds ${GUBEIKOU_REPORT} alone for 古北口, with its title and date`, async () => {
    expect(await search("古北口")).toEqual([GUBEIKOU_REPORT]);
    const item = await page.$eval("#search-results li", (li) => li.textContent ?? "");
    expect(item).toContain("密云区");
    expect(item).toContain("2022年4月13日");
    expect(await page.textContent("#search-status")).toBe("找到 1 篇通报。");
  });

  it("narrows the results to the reports of the chosen district, then of the chosen month", async () => {
    const all = await search("核酸检测");
    // The district named by most results but not all: choosing it must drop the others and keep exactly its own.
    const counts = new Map<string, number>();
    for (const path of all) for (const name of documents.get(idOf(path))?.districts ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
    const [district] = [...counts].filter(([, n]) => n < all.length).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
    expect(district, "a district named by some but not all results").toBeDefined();
    await page.selectOption("#search-district", district ?? "");
    const narrowed = await results();
    expect(narrowed.sort()).toEqual(all.filter((path) => documents.get(idOf(path))?.districts.includes(district ?? "")).sort());
    expect(narrowed.length).toBeLessThan(all.length);

    const day = (path: string) => { const d = documents.get(idOf(path)); return d?.published_date ?? d?.event_date ?? ""; };
    const month = day(narrowed[0] ?? "").slice(0, 7);
    const label = `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
    await page.selectOption("#search-month", label);
    const byMonth = await results();
    expect(byMonth.sort()).toEqual(narrowed.filter((path) => day(path).startsWith(month)).sort());
    console.info(`核酸检测: ${all.length} results; ${district}: ${narrowed.length}; ${district} ${label}: ${byMonth.length}`);
    await page.selectOption("#search-district", "");
    await page.selectOption("#search-month", "");
  });

  it("searches at once for an address with ?q=, and reports nothing found plainly", async () => {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent("古北口")}`);
    expect(await results()).toEqual([GUBEIKOU_REPORT]);
    expect(await search("不存在的词语甲乙丙")).toEqual([]);
    expect(await page.textContent("#search-status")).toBe("没有找到符合条件的通报。");
  });

  it("loads with no console errors, failed requests or dialogs, and passes axe with results shown", async () => {
    watcher.reset();
    await page.goto(`${server.origin}/search/`);
    await page.waitForSelector("#search-form:not([hidden])");
    await search("核酸检测");
    await page.addScriptTag({ path: AXE_PATH });
    const axe = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
    expect(watcher.problems).toEqual({ console: [], errors: [], requests: [], dialogs: [] });
  });

  it("says when a part of the index cannot be loaded, and loads it on the next search", async () => {
    await page.route("**/search/idx/keys/**", (route) => route.abort());
    await page.goto(`${server.origin}/search/`);
    await page.waitForSelector("#search-form:not([hidden])");
    await page.fill("#search-input", "古北口");
    await page.press("#search-input", "Enter");
    await page.waitForFunction(`document.getElementById("search-status").textContent.includes("搜索索引加载失败")`);
    await page.unroute("**/search/idx/keys/**");
    expect(await search("古北口")).toEqual([GUBEIKOU_REPORT]);
  });

  it("says that search needs JavaScript, with links to the report lists, when scripts do not run", async () => {
    const html = await (await fetch(`${server.origin}/search/`)).text();
    expect(html).toMatch(/<form id="search-form"[^>]* hidden[\s>]/);
    const noscript = /<p class="notice" id="search-nojs"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(noscript).toContain("搜索需要在浏览器中启用 JavaScript");
    expect(noscript).toContain('href="/reports/"');
    expect(noscript).toContain('href="/districts/"');
  });
});
