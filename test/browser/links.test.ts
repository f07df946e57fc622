/**
 * The built site as files: crawled from `/` over HTTP, every internal link and asset must resolve,
 * every page must be reachable, and no page may ship JavaScript. No browser is needed for these.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureSite, getUrlPath, listFiles, SCREENSHOTS } from "./support/builtSite.ts";
import { getPageType, PAGE_TYPES } from "./support/pageTypes.ts";
import { crawlSite, type SiteCrawl } from "./support/siteCrawl.ts";
import { findBrokenReferences, findExternalAssets, findInternalTarget, formatBrokenReference, summarizeBrokenReferences, findJavaScript, findOrphans, getPageWeight } from "./support/siteChecks.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

/** A report page with its charts, stylesheets and images, gzipped, must stay under this. */
const REPORT_PAGE_BUDGET = 60 * 1024;
/** Beijing's 16 districts as the issue spells their slugs. */
const DISTRICT_SLUGS = ["dongcheng", "xicheng", "chaoyang", "fengtai", "shijingshan", "haidian", "mentougou", "fangshan", "tongzhou", "shunyi", "changping", "daxing", "huairou", "pinggu", "miyun", "yanqing"];

let server: StaticServer;
let crawl: SiteCrawl;
let files: string[];
let htmlPaths: string[];

function report(title: string, lines: string[]): void {
  if (lines.length > 0) console.error(`${title} (${lines.length}):\n  ${lines.slice(0, 200).join("\n  ")}`);
}

describe("the built site: links, assets and weight", () => {
  beforeAll(async () => {
    console.info(`site: ${await ensureSite()}`);
    server = await serveFolder(DIST);
    files = await listFiles(DIST);
    htmlPaths = files.filter((file) => file.endsWith(".html")).map(getUrlPath);
    // Seed the crawl with every HTML file too, so the links of unreachable pages are checked as well.
    crawl = await crawlSite(server.origin, htmlPaths);
    // The full list of references, for a person to read (git-ignored folder).
    await mkdir(SCREENSHOTS, { recursive: true });
    const lines = crawl.references.map((ref) => {
      const target = findInternalTarget(crawl, ref.url);
      const status = target === null ? "external" : String(crawl.fetched.get(target.key)?.status ?? "?");
      return `${ref.from}\t${ref.via}\t${ref.value}\t${status}`;
    });
    await writeFile(join(SCREENSHOTS, "references.tsv"), `from\tvia\tvalue\tstatus\n${lines.join("\n")}\n`);
    const internal = new Set(crawl.references.map((ref) => findInternalTarget(crawl, ref.url)?.key).filter((key) => key !== undefined));
    console.info(
      `crawl: ${crawl.pages.size} HTML pages, ${crawl.references.length} references (${internal.size} distinct internal URLs); ` +
        "every one is listed in test/browser/screenshots/references.tsv",
    );
  }, 240_000);

  afterAll(async () => {
    await server?.close();
  });

  it("has every page type of the issue", () => {
    const counts = new Map<string, number>();
    for (const path of crawl.pages.keys()) counts.set(getPageType(path), (counts.get(getPageType(path)) ?? 0) + 1);
    console.info(`page types: ${[...counts].map(([type, count]) => `${type} ${count}`).join(", ")}`);
    expect(PAGE_TYPES.filter((type) => !counts.has(type))).toEqual([]);
  });

  it("has all 16 district pages under their pinyin slugs", () => {
    expect(DISTRICT_SLUGS.filter((slug) => !crawl.pages.has(`/districts/${slug}/`))).toEqual([]);
  });

  it("resolves every internal link and asset (200, and #fragments exist)", () => {
    const broken = findBrokenReferences(crawl);
    report("broken references, one per page", broken.map(formatBrokenReference));
    // The assertion shows each broken target once, with how many pages link to it.
    expect(summarizeBrokenReferences(broken)).toEqual([]);
  });

  it("reaches every HTML page from / by following links", () => {
    expect(findOrphans(crawl, htmlPaths)).toEqual([]);
  });

  it("loads nothing from other hosts", () => {
    expect(findExternalAssets(crawl)).toEqual([]);
  });

  it("ships no JavaScript but the search page's and the embed height script: no other <script>, no on* handlers, no javascript: URLs, no other .js files", () => {
    const found = findJavaScript(crawl, files);
    report("JavaScript in the site", found);
    expect(found).toEqual([]);
  });

  it(`keeps every report page with its charts under ${REPORT_PAGE_BUDGET / 1024} KB gzipped`, () => {
    const sizes = htmlPaths
      .filter((path) => getPageType(path) === "report")
      .map((path) => ({ path, bytes: getPageWeight(crawl, path) }))
      .sort((a, b) => b.bytes - a.bytes);
    if (sizes.length > 0) {
      console.info(`report pages: ${sizes.length}; heaviest gzipped: ${sizes.slice(0, 3).map((s) => `${s.path} ${(s.bytes / 1024).toFixed(1)} KB`).join(", ")}`);
    }
    expect(sizes.filter((s) => s.bytes > REPORT_PAGE_BUDGET).map((s) => `${s.path}: ${(s.bytes / 1024).toFixed(1)} KB`)).toEqual([]);
  });

  it('declares lang="zh-CN" and UTF-8 on every page', async () => {
    const wrong: string[] = [];
    for (const page of crawl.pages.values()) {
      if (!/<html[^>]*\slang="zh-CN"/i.test(page.html)) wrong.push(`${page.path}: <html> lacks lang="zh-CN"`);
      if (!/<meta[^>]+charset="?utf-8/i.test(page.html)) wrong.push(`${page.path}: no <meta charset="utf-8">`);
    }
    // The bytes on disk must be UTF-8 too (fatal decoding throws on anything else).
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(await readFile(join(DIST, file)));
      } catch {
        wrong.push(`${file}: not valid UTF-8`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
