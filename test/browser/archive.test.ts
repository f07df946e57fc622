/**
 * Archived snapshots in a built site: two snapshots (2022-04-13 and 2022-05-23) made in a copy of the project, then
 * the live site built there. /archive/ lists both, the changes page names the report published on 2022-05-23, the
 * archived pages carry the banner and link only within their snapshot, no console errors, axe clean; a tampered file
 * makes the next build fail, naming it.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteIn, NODE_TS_FLAGS, REPO } from "./support/builtSite.ts";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, watchPage, type Browser } from "./support/chromium.ts";
import { copyProject, type ProjectCopy } from "./support/projectCopy.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const exec = promisify(execFile);
const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const BANNER = "这是2022年4月13日的存档快照，发布后不再更改。";

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let copy: ProjectCopy;
let server: StaticServer;
let browser: Browser;
let page: Page;
let watcher: ReturnType<typeof watchPage>;

async function snapshot(date: string): Promise<void> {
  await exec(process.execPath, [...NODE_TS_FLAGS, "scripts/snapshot.ts", date], { cwd: copy.root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: "" } });
}

/** Loads `path`; fails the test on a status other than 200. */
async function visit(path: string): Promise<void> {
  watcher.reset();
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
  expect(response?.status(), path).toBe(200);
}

/** The same-origin links of the loaded page, as paths (fragments dropped). */
async function internalLinks(): Promise<string[]> {
  // SVG links (charts) have an SVGAnimatedString href: resolve the attribute instead.
  const hrefs = (await page.evaluate("[...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href'), location.href).href)")) as string[];
  return [...new Set(hrefs.filter((h) => h.startsWith(`${server.origin}/`)).map((h) => new URL(h).pathname))].sort();
}

describe.skipIf(!HAVE_CHROMIUM)("archived snapshots in the site", () => {
  beforeAll(async () => {
    copy = await copyProject(REPO, { snapshots: false });
    await snapshot("2022-04-13");
    await snapshot("2022-05-23");
    await buildSiteIn(copy.root);
    server = await serveFolder(join(copy.root, "dist"));
    browser = await launchBrowser(server.origin);
    page = await browser.context.newPage();
    watcher = watchPage(page);
  }, 1_800_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await copy?.remove();
  });

  it("lists both snapshots on /archive/, newest first, with their links", async () => {
    await visit("/archive/");
    const rows = (await page.evaluate("[...document.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th').textContent.trim())")) as string[];
    expect(rows).toEqual(["2022年5月23日", "2022年4月13日"]);
    const links = await internalLinks();
    for (const date of ["2022-04-13", "2022-05-23"]) {
      for (const path of [`/archive/${date}/`, `/archive/${date}/site/`, `/archive/${date}/manifest.json`, `/archive/${date}/changes/`]) expect(links).toContain(path);
    }
    expect(watcher.problems).toEqual({ console: [], errors: [], requests: [], dialogs: [] });
  });

  it("lists report 000_76bc26fd7b02b4ab (published 2022-05-23) as new on /archive/2022-05-23/changes/", async () => {
    await visit("/archive/2022-05-23/changes/");
    const newReports = (await page.evaluate("[...document.querySelectorAll('#reports + ul a')].map((a) => a.getAttribute('href'))")) as string[];
    expect(newReports).toContain("/archive/2022-05-23/site/reports/000_76bc26fd7b02b4ab/");
    const response = await fetch(`${server.origin}/archive/2022-05-23/site/reports/000_76bc26fd7b02b4ab/`);
    expect(response.status).toBe(200);
    await visit("/archive/2022-04-13/changes/");
    expect(await page.textContent("main")).toContain("这是第一个存档快照，没有可以比较的上一个快照。");
  });

  it("shows the snapshot's page with its citation and manifest figures", async () => {
    await visit("/archive/2022-04-13/");
    const manifest = JSON.parse(await readFile(join(copy.root, "data/archive/2022-04-13/manifest.json"), "utf8")) as { files: Array<{ path: string; sha256: string }> };
    const sha = manifest.files.find((f) => f.path === "data/documents.json")!.sha256;
    expect(await page.textContent(".citation")).toBe(`通报 tongbao 存档快照，2022年4月13日。https://tongbao.example.org/archive/2022-04-13/ documents.json sha256: ${sha}`);
    expect(await page.textContent("main")).toContain(`${manifest.files.length} 个文件`);
    // The day's briefing as published is in the snapshot, linked from its page (issue 8).
    expect(await internalLinks()).toContain("/archive/2022-04-13/site/briefings/2022-04-13/");
    const briefing = await fetch(`${server.origin}/archive/2022-04-13/site/briefings/2022-04-13/`);
    expect(briefing.status).toBe(200);
    expect(await briefing.text()).toContain("4月13日0时至24时");
  });

  it("serves archived pages with the banner, links that stay inside the snapshot, and no console errors", async () => {
    for (const path of ["/archive/2022-04-13/site/", "/archive/2022-04-13/site/reports/004_d2a4c35ad713cded/", "/archive/2022-04-13/site/data/"]) {
      await visit(path);
      expect(await page.textContent(".archive-banner"), path).toContain(BANNER);
      const outside = (await internalLinks()).filter((p) => !p.startsWith("/archive/2022-04-13/site/"));
      expect(outside, path).toEqual([]);
      expect(watcher.problems, path).toEqual({ console: [], errors: [], requests: [], dialogs: [] });
    }
    // The archived downloads are there (stored once in data/, put back under site/data/ by the live build).
    expect((await fetch(`${server.origin}/archive/2022-04-13/site/data/documents.json`)).status).toBe(200);
    await visit("/");
    expect(await page.$(".archive-banner")).toBeNull();
  });

  it("serves archived embed pages without the height script (blocked by the archive's policy) and keeps no _headers in a snapshot", async () => {
    const manifest = JSON.parse(await readFile(join(copy.root, "data/archive/2022-04-13/manifest.json"), "utf8")) as { files: Array<{ path: string }> };
    expect(manifest.files.filter((f) => f.path.endsWith("_headers"))).toEqual([]);
    const embeds = manifest.files.map((f) => f.path).filter((p) => /^site\/embed\/.+\/index\.html$/.test(p)).sort();
    expect(embeds.length).toBeGreaterThan(0);
    for (const file of embeds.slice(0, 2)) {
      const path = `/archive/2022-04-13/${file.slice(0, -"index.html".length)}`;
      await visit(path);
      expect(await page.evaluate("document.scripts.length"), path).toBe(0);
      expect(watcher.problems, path).toEqual({ console: [], errors: [], requests: [], dialogs: [] });
    }
    // The live site's embeds keep it.
    await visit("/embed/cases/");
    expect(await page.evaluate("[...document.scripts].map((s) => s.getAttribute('src'))")).toEqual(["/embed/height.js"]);
  });

  it("says which command and tongbao version made the snapshot's datasets", async () => {
    await visit("/archive/2022-04-13/");
    const version = (JSON.parse(await readFile(join(copy.root, "package.json"), "utf8")) as { version: string }).version;
    expect(await page.textContent("main")).toContain(`各数据集是生成快照时由 tongbao ${version} 运行 npm run data -- --as-of 2022-04-13 的输出`);
  });

  it("passes axe-core on the archive pages and an archived page", async () => {
    const found: string[] = [];
    for (const path of ["/archive/", "/archive/2022-05-23/", "/archive/2022-05-23/changes/", "/archive/2022-04-13/site/"]) {
      await visit(path);
      await page.addScriptTag({ path: AXE_PATH });
      const results = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
      for (const v of results.violations) found.push(`${path}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    }
    expect(found).toEqual([]);
  });

  it("fails the next build when a snapshot's file is tampered with, naming the file", async () => {
    const file = join(copy.root, "data/archive/2022-05-23/data/documents.csv");
    await writeFile(file, `${await readFile(file, "utf8")}tampered\n`);
    await expect(buildSiteIn(copy.root)).rejects.toThrow(/data\/archive\/2022-05-23\/data\/documents\.csv: file differs from the snapshot's manifest: expected sha256 [0-9a-f]{64}, found [0-9a-f]{64}/);
  }, 120_000);
});
