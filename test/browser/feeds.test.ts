/**
 * The built site's RSS feeds and sitemap, read as a feed reader and a search engine would: each parses as XML in
 * Chromium (DOMParser), holds the reports it should, and every link in it resolves on the site.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureSite } from "./support/builtSite.ts";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, watchPage, type Browser } from "./support/chromium.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";
import { FEED_ITEMS } from "../../src/lib/feedItems.ts";

/** astro.config.mjs `site` when TONGBAO_SITE is not set: the address the feeds' absolute links start with. */
const SITE = process.env.TONGBAO_SITE ?? "https://tongbao.example.org";

/** A feed or sitemap as the browser's XML parser reads it. */
interface ParsedXml {
  /** the parser's error text, empty when the document is well-formed */
  error: string;
  root: string;
  channel: { title: string; link: string; language: string; lastBuildDate: number };
  items: Array<{ title: string; link: string; guid: string; pubDate: string | null; description: string; categories: string[] }>;
  locs: string[];
}

const PARSE = String.raw`async (path) => {
  const text = await (await fetch(path)).text();
  const xml = new DOMParser().parseFromString(text, "application/xml");
  const error = xml.querySelector("parsererror")?.textContent ?? "";
  const get = (el, name) => el.getElementsByTagName(name)[0]?.textContent ?? null;
  const channel = xml.getElementsByTagName("channel")[0];
  return {
    error,
    root: xml.documentElement.nodeName,
    channel: channel
      ? { title: get(channel, "title"), link: get(channel, "link"), language: get(channel, "language"), lastBuildDate: channel.getElementsByTagName("lastBuildDate").length }
      : null,
    items: [...xml.getElementsByTagName("item")].map((item) => ({
      title: get(item, "title"),
      link: get(item, "link"),
      guid: get(item, "guid"),
      pubDate: get(item, "pubDate"),
      description: get(item, "description"),
      categories: [...item.getElementsByTagName("category")].map((c) => c.textContent),
    })),
    locs: [...xml.getElementsByTagName("loc")].map((loc) => loc.textContent),
  };
}`;

interface DocumentLike {
  id: string;
  title: string;
  published_date: string | null;
  districts: string[];
}

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let server: StaticServer;
let browser: Browser;
let page: Page;
let documents: DocumentLike[];
let districts: Array<{ slug: string; name: string }>;

async function parse(path: string): Promise<ParsedXml> {
  return (await page.evaluate(`(${PARSE})(${JSON.stringify(path)})`)) as ParsedXml;
}

/** The served address of an absolute site URL: `https://tongbao.example.org/reports/004/` → `http://127.0.0.1:PORT/reports/004/`. */
function onServer(url: string): string {
  expect(url.startsWith(`${SITE}/`), `${url} is an absolute URL of ${SITE}`).toBe(true);
  return server.origin + url.slice(SITE.length);
}

describe.skipIf(!HAVE_CHROMIUM)("RSS feeds and the sitemap", () => {
  beforeAll(async () => {
    console.info(`site: ${await ensureSite()}`);
    // The datasets the site was built from (its /data/ downloads, not data/build/, which may be newer) say what the
    // feeds must hold.
    documents = JSON.parse(await readFile(join(DIST, "data/documents.json"), "utf8")) as DocumentLike[];
    districts = JSON.parse(await readFile(join(DIST, "data/districts.json"), "utf8")) as Array<{ slug: string; name: string }>;
    server = await serveFolder(DIST);
    browser = await launchBrowser(server.origin);
    page = await browser.context.newPage();
    watchPage(page);
    await page.goto(`${server.origin}/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`/rss.xml parses as RSS 2.0 with the ${FEED_ITEMS} newest reports, newest publication date first, in Chinese, with no build time`, async () => {
    const feed = await parse("/rss.xml");
    expect(feed.error).toBe("");
    expect(feed.root).toBe("rss");
    expect(feed.channel).toEqual({ title: "通报 · 北京各区疫情防控工作通报", link: `${SITE}/`, language: "zh-cn", lastBuildDate: 0 });
    expect(feed.items).toHaveLength(Math.min(documents.length, FEED_ITEMS));
    const expected = [...documents]
      .sort((a, b) => (a.published_date === b.published_date ? (a.id < b.id ? -1 : 1) : a.published_date === null ? 1 : b.published_date === null ? -1 : a.published_date < b.published_date ? 1 : -1))
      .slice(0, FEED_ITEMS)
      .map((d) => ({ title: d.title, link: `${SITE}/reports/${d.id}/` }));
    expect(feed.items.map((i) => ({ title: i.title, link: i.link }))).toEqual(expected);
    for (const item of feed.items) expect(item.guid).toBe(item.link);
  });

  it("gives a pubDate exactly to the reports with a known publication date", async () => {
    const feed = await parse("/rss.xml");
    const byLink = new Map(feed.items.map((i) => [i.link, i.pubDate]));
    expect(byLink.size).toBe(Math.min(documents.length, FEED_ITEMS));
    for (const doc of documents) {
      if (!byLink.has(`${SITE}/reports/${doc.id}/`)) continue;
      const pubDate = byLink.get(`${SITE}/reports/${doc.id}/`);
      if (doc.published_date === null) expect(pubDate, doc.id).toBeNull();
      else expect(new Date(pubDate ?? "").toISOString(), doc.id).toBe(new Date(`${doc.published_date}T00:00:00+08:00`).toISOString());
    }
  });

  it("resolves every link of /rss.xml to a report page on the site", async () => {
    const feed = await parse("/rss.xml");
    const statuses = await Promise.all(feed.items.map(async (i) => `${i.link} ${(await fetch(onServer(i.link), { redirect: "manual" })).status}`));
    expect(statuses).toEqual(feed.items.map((i) => `${i.link} 200`));
  });

  it("has a valid feed for each of the 16 districts, holding exactly the reports naming it (none: a valid empty feed)", async () => {
    expect(districts).toHaveLength(16);
    const wrong: string[] = [];
    for (const district of districts) {
      const feed = await parse(`/districts/${district.slug}/rss.xml`);
      const want = documents.filter((d) => d.districts.includes(district.name)).map((d) => `${SITE}/reports/${d.id}/`).sort();
      if (feed.error !== "") wrong.push(`${district.slug}: ${feed.error}`);
      if (feed.channel?.title !== `通报 · ${district.name}疫情防控工作通报`) wrong.push(`${district.slug}: title ${feed.channel?.title}`);
      if (feed.channel?.link !== `${SITE}/districts/${district.slug}/`) wrong.push(`${district.slug}: link ${feed.channel?.link}`);
      if (JSON.stringify(feed.items.map((i) => i.link).sort()) !== JSON.stringify(want)) wrong.push(`${district.slug}: ${feed.items.length} items, expected ${want.length}`);
      for (const item of feed.items) if (!item.categories.includes(district.name)) wrong.push(`${district.slug}: ${item.link} lacks category ${district.name}`);
    }
    expect(wrong).toEqual([]);
  });

  it("resolves the links of the Miyun feed, which holds report 004_d2a4c35ad713cded", async () => {
    const feed = await parse("/districts/miyun/rss.xml");
    expect(feed.items.map((i) => i.link)).toContain(`${SITE}/reports/004_d2a4c35ad713cded/`);
    for (const item of feed.items) expect((await fetch(onServer(item.link), { redirect: "manual" })).status, item.link).toBe(200);
    const report = feed.items.find((i) => i.link.endsWith("/004_d2a4c35ad713cded/"));
    expect(report?.categories).toEqual(["密云区", "会议"]);
    expect(report?.description.length).toBeGreaterThan(10);
  });

  it("announces the site's feed in every page head and the district's own on a district page, with visible links", async () => {
    const home = await (await fetch(`${server.origin}/`)).text();
    expect(home).toContain('<link rel="alternate" type="application/rss+xml" title="通报 · 全部通报" href="/rss.xml">');
    const miyun = await (await fetch(`${server.origin}/districts/miyun/`)).text();
    expect(miyun).toContain('<link rel="alternate" type="application/rss+xml" title="通报 · 密云区通报" href="/districts/miyun/rss.xml">');
    expect(miyun).toMatch(/<a href="\/districts\/miyun\/rss\.xml"[^>]*>订阅密云区通报（RSS）<\/a>/);
    const reports = await (await fetch(`${server.origin}/reports/`)).text();
    expect(reports).toMatch(/<a href="\/rss\.xml"[^>]*>订阅全部通报（RSS）<\/a>/);
  });

  it("lists every report page in the sitemap with absolute URLs, and no feed, search or embed page", async () => {
    const index = await parse("/sitemap-index.xml");
    expect(index.error).toBe("");
    expect(index.locs).toEqual([`${SITE}/sitemap-0.xml`]);
    const sitemap = await parse(new URL(onServer(index.locs[0] ?? "")).pathname);
    expect(sitemap.error).toBe("");
    expect(sitemap.root).toBe("urlset");
    const locs = new Set(sitemap.locs);
    expect(documents.map((d) => `${SITE}/reports/${d.id}/`).filter((url) => !locs.has(url))).toEqual([]);
    expect(sitemap.locs.filter((url) => !url.startsWith(`${SITE}/`) || !url.endsWith("/") || /\/(search|embed)\//.test(url))).toEqual([]);
    expect(locs.has(`${SITE}/`) && locs.has(`${SITE}/districts/miyun/`)).toBe(true);
  });
});
