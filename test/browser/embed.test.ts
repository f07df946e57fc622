/**
 * Embeds and framing (issue 6): an embed page framed by a page of another origin loads and posts its height; a
 * content page framed the same way is refused by the headers of public/_headers (applied by the test server as a
 * host would); the chart downloads are what they say; an embed page passes axe at 320 px without sideways scroll.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHeadersForPath, parseHeadersFile } from "../../src/build/headersFile.ts";
import { getEmbedListener } from "../../src/lib/embedSnippet.ts";
import { countDarkPixels, readPng } from "../charts/pngPixels.ts";
import { DIST, ensureSite, getUrlPath, listFiles } from "./support/builtSite.ts";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, watchPage, type Browser } from "./support/chromium.ts";
import { auditPage } from "./support/pageAudit.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const CASES_TITLE = "北京市各区每日新增本土病例";

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let site: StaticServer;
let parent: StaticServer;
let parentFolder: string;
let browser: Browser;
let page: Page;

/** The framing page, on its own origin: an embed, a content page, and the listener of the embed snippet. */
function parentPage(origin: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某报网页</title></head><body>
<h1>某报：北京疫情</h1>
<iframe id="embed" src="${origin}/embed/cases/" title="${CASES_TITLE}" width="100%" height="300" style="border:0;width:100%;" data-tongbao-chart="cases"></iframe>
<iframe id="content" src="${origin}/reports/" title="通报" width="100%" height="300" data-tongbao-chart="reports"></iframe>
<script>window.heights = []; window.addEventListener("message", function (e) { window.heights.push({ origin: e.origin, data: e.data }); });</script>
${getEmbedListener(origin)}
</body></html>`;
}

describe.skipIf(!HAVE_CHROMIUM)("embeds: framing, height message, downloads", () => {
  beforeAll(async () => {
    console.info(`site: ${await ensureSite()}`);
    site = await serveFolder(DIST, { headers: true });
    parentFolder = await mkdtemp(join(tmpdir(), "tongbao-parent-"));
    await writeFile(join(parentFolder, "index.html"), parentPage(site.origin));
    parent = await serveFolder(parentFolder);
    browser = await launchBrowser(site.origin);
    // launchBrowser lets only the site through; the framing page is the second origin of this test.
    await browser.context.route(`${parent.origin}/**`, (route) => route.continue());
    page = await browser.context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await parent?.close();
    if (parentFolder) await rm(parentFolder, { recursive: true, force: true });
  });

  it("serves the headers of _headers: embeds may be framed by anyone, content pages by no one", async () => {
    const embed = await fetch(`${site.origin}/embed/cases/`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *;");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const content = await fetch(`${site.origin}/reports/`);
    expect(content.status).toBe(200);
    expect(content.headers.get("content-security-policy")).toContain("frame-ancestors 'none';");
    expect(content.headers.get("x-frame-options")).toBe("DENY");
    expect(content.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await fetch(`${site.origin}/_headers`)).status).toBe(404);
  });

  it("loads the embed in another origin's iframe, refuses the content page, and sizes the iframe from the height message", async () => {
    await page.goto(`${parent.origin}/`);
    await page.waitForFunction("window.heights.some((m) => m.data && m.data.type === 'tongbao:height')", null, { timeout: 15_000 });
    await page.waitForLoadState("load");

    const embed = page.frames().find((frame) => frame.url() === `${site.origin}/embed/cases/`);
    expect(embed, "the embed frame").toBeDefined();
    expect((await embed?.locator("h1").textContent())?.trim()).toBe(CASES_TITLE);
    expect(await embed?.locator("figure svg[role]").count()).toBe(1);

    // Chromium replaces a frame refused by frame-ancestors with its error page: the frame's document is never the
    // site's (its URL is chrome-error://…, and nothing of the page reaches it).
    const refused = page.frames().filter((frame) => frame !== page.mainFrame() && frame !== embed);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.url()).toMatch(/^chrome-error:\/\//);
    expect(await refused[0]?.evaluate("document.body ? document.body.innerText : ''")).not.toContain("通报");

    const heights = (await page.evaluate("window.heights")) as Array<{ origin: string; data: { type: string; id: string; height: number } }>;
    const last = heights.filter((m) => m.data.type === "tongbao:height").at(-1);
    expect(last?.origin).toBe(site.origin);
    expect(last?.data.id).toBe("cases");
    // a 640-unit chart about 1000 units tall, in a frame about 1260 px wide: well over 500 px, under 5000
    expect(last?.data.height).toBeGreaterThan(500);
    expect(last?.data.height).toBeLessThan(5000);
    // the snippet's listener set the iframe to that height
    expect(await page.evaluate("document.getElementById('embed').style.height")).toBe(`${last?.data.height}px`);
  }, 60_000);

  it("shows a complete embed page when its script is blocked", async () => {
    const quiet = await browser.context.newPage();
    await quiet.route(`${site.origin}/embed/height.js`, (route) => route.abort("blockedbyclient"));
    await quiet.goto(`${site.origin}/embed/risk-areas/haidian/`);
    expect((await quiet.locator("h1").textContent())?.trim()).toBe("海淀区风险区域数量");
    expect(await quiet.locator("figure svg[role]").count()).toBe(1);
    expect(await quiet.locator("figcaption").textContent()).toMatch(/^数据来源：.*(数据截至\d{4}年\d{1,2}月\d{1,2}日|暂无数据)$/);
    expect(await quiet.locator("a[target=_top]").first().getAttribute("href")).toBe("https://tongbao.example.org/districts/haidian/#chart-risk-areas-haidian");
    expect(await quiet.locator('link[rel="canonical"]').getAttribute("href")).toBe("https://tongbao.example.org/districts/haidian/");
    expect(await quiet.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
    await quiet.close();
  });

  it("passes axe, logs no errors and does not scroll sideways at 320 px", async () => {
    const small = await browser.context.newPage();
    const { problems } = watchPage(small);
    await small.setViewportSize({ width: 320, height: 640 });
    await small.goto(`${site.origin}/embed/measures/`);
    await small.waitForLoadState("load");
    // axe goes in through the debugger (evaluate), not a <script> tag: the page's CSP allows only its own script.
    await small.evaluate(AXE_SOURCE);
    const results = (await small.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    const audit = await auditPage(small);
    expect(audit.overflow).toEqual([]);
    expect(audit.charts.map((chart) => chart.problems)).toEqual([[]]);
    expect(await small.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
    expect(problems).toEqual({ console: [], errors: [], requests: [], dialogs: [] });
    // the measures chart's links leave the frame for the site
    const links = await small.locator("figure svg a").evaluateAll((as) => as.map((a) => `${a.getAttribute("target")} ${a.getAttribute("href")?.slice(0, 36)}`));
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links.map((l) => l.split(" ")[0]))).toEqual(new Set(["_top"]));
    expect(links.every((l) => l.includes(" https://tongbao.example.org/reports/"))).toBe(true);
    await small.close();
  }, 60_000);

  it("serves the chart downloads: standalone SVG, PNG with the title in Chinese glyphs, CSV with BOM and Chinese header", async () => {
    const svg = await fetch(`${site.origin}/charts/cases.svg`);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    const svgText = await svg.text();
    expect(svgText.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"`)).toBe(true);
    expect(svgText).toContain(`<title>${CASES_TITLE}</title>`);
    expect(svgText).toContain(`font-weight="bold">${CASES_TITLE}</text>`);

    const png = await fetch(`${site.origin}/charts/cases.png`);
    expect(png.headers.get("content-type")).toBe("image/png");
    const image = readPng(new Uint8Array(await png.arrayBuffer()));
    expect(image.width).toBe(1328);
    expect(countDarkPixels(image, { x0: 0, y0: 24, x1: 480, y1: 62 })).toBeGreaterThan(2000);

    const csv = await fetch(`${site.origin}/charts/cases.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).split("\r\n")[0]).toMatch(/^\uFEFF日期,全市确诊,全市无症状,东城区合计,/);

    // the browser decodes the PNG too
    const decoded = await page.evaluate(`new Promise((done) => { const img = new Image(); img.onload = () => done([img.naturalWidth, img.naturalHeight]); img.onerror = () => done(null); img.src = ${JSON.stringify(`${site.origin}/charts/cases.png`)}; })`);
    expect(decoded).toEqual([image.width, image.height]);
  });

  it("gives every HTML page of dist/ exactly one Content-Security-Policy, framable only under /embed/", async () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, "_headers"), "utf8"), "dist/_headers");
    const wrong: string[] = [];
    const pages = (await listFiles(DIST)).filter((file) => file.endsWith(".html")).map(getUrlPath);
    for (const path of pages) {
      const headers = getHeadersForPath(rules, path);
      const csp = headers.filter(([name]) => name.toLowerCase() === "content-security-policy").map(([, value]) => value);
      if (csp.length !== 1 || csp[0]?.includes(", ")) wrong.push(`${path}: ${csp.length === 0 ? "no policy" : `policies joined: ${csp.join(" | ")}`}`);
      const framable = csp[0]?.includes("frame-ancestors *") === true;
      if (framable !== path.startsWith("/embed/")) wrong.push(`${path}: frame-ancestors ${framable ? "*" : "'none'"}`);
    }
    // one embed page per chart with data (the three city charts and most districts' charts), one SVG download each
    const svgs = (await listFiles(join(DIST, "charts"))).filter((file) => file.endsWith(".svg"));
    expect(pages.filter((path) => path.startsWith("/embed/") && path !== "/embed/height.js").sort()).toEqual(
      svgs.map((file) => { const id = file.slice(0, -4); const m = /^(cases|risk-areas|measures)(?:-(.+))?$/.exec(id); return m?.[2] ? `/embed/${m[1]}/${m[2]}/` : `/embed/${id}/`; }).sort(),
    );
    expect(pages).toContain("/embed/cases/");
    expect(wrong).toEqual([]);
  });
});
