/**
 * Report text is text: a report whose title, body and metadata carry a script, an image with an
 * error handler and a `javascript:` link is built into a site (in a copy of the repository), and
 * every page that shows it must show the characters and run nothing.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteIn, getUrlPath, listFiles, REPO } from "./support/builtSite.ts";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, watchPage, type Browser } from "./support/chromium.ts";
import { copyProject, type ProjectCopy } from "./support/projectCopy.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const SCRIPT = "<script>alert(1)</script>";
const IMAGE = "<img src=x onerror=alert(1)>";
const LINK = "javascript:alert(1)";

/** A plain-text report that a hostile or careless source might send. */
const REPORT = [
  `海淀区部署疫情防控工作${SCRIPT}`,
  `本报讯(记者 张明)2022年4月13日,海淀区召开疫情防控工作会议。会议要求,各街道要严格落实核酸检测${IMAGE}。`,
  `详见通知[点此查看](${LINK})和<a href="${LINK}">原文</a>。`,
  "会议强调,要加强社区防控,严格管控措施。",
  "",
].join("\n");

/**
 * Its sidecar: the supplied title and source carry the payloads too. (A `javascript:` address is
 * refused at input: a sidecar url must be http(s); test/pipeline/parse/supplied.test.ts checks it.)
 */
const SIDECAR = [
  "# Test input: markup in every field must show as text.",
  `title: '海淀区疫情防控${SCRIPT}'`,
  "published_date: 2022-04-13",
  `source: '北京日报${IMAGE}'`,
  "",
].join("\n");

/** Inside the page: what ran or could run, and what the reader sees. */
const INSPECT = String.raw`(() => ({
  scripts: document.querySelectorAll("script").length,
  handlers: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName.toLowerCase() + "[" + a.name + "]")),
  scriptLinks: [...document.querySelectorAll("[href], [src], [action], [formaction]")].flatMap((el) => ["href", "src", "action", "formaction"].map((n) => el.getAttribute(n)).filter((v) => v !== null && /^\s*(javascript|vbscript|data):/i.test(v))),
  images: [...document.querySelectorAll("img")].map((img) => img.getAttribute("src")),
  text: document.body.innerText,
}))()`;

interface Inspection {
  scripts: number;
  handlers: string[];
  scriptLinks: string[];
  images: Array<string | null>;
  text: string;
}

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let copy: ProjectCopy | undefined;
let server: StaticServer;
let browser: Browser;
let reportId: string | undefined;
/** paths of the built pages whose HTML mentions the payload */
let pagesWithPayload: string[] = [];

describe.skipIf(!HAVE_CHROMIUM)("a report containing markup and script", () => {
  beforeAll(async () => {
    copy = await copyProject(REPO);
    await writeFile(join(copy.root, "data/raw/reports/escape-test.txt"), REPORT);
    await writeFile(join(copy.root, "data/raw/reports/escape-test.meta.yaml"), SIDECAR);
    await buildSiteIn(copy.root, ["--today", "2022-12-31"]);
    const documents = JSON.parse(await readFile(join(copy.root, "data/build/documents.json"), "utf8")) as Array<{ id: string; path: string }>;
    reportId = documents.find((doc) => doc.path.endsWith("escape-test.txt"))?.id;
    const dist = join(copy.root, "dist");
    for (const file of (await listFiles(dist)).filter((f) => f.endsWith(".html"))) {
      if ((await readFile(join(dist, file), "utf8")).includes("alert(1)")) pagesWithPayload.push(getUrlPath(file));
    }
    server = await serveFolder(dist);
    browser = await launchBrowser(server.origin);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await copy?.remove();
  });

  it("is published, with a page of its own", () => {
    expect(reportId, "the test report was rejected by the pipeline: see data/build/build-report.json").toBeDefined();
    expect(pagesWithPayload).toContain(`/reports/${reportId}/`);
    console.info(`pages showing the test report: ${pagesWithPayload.join(", ")}`);
  });

  it("shows the markup as text on its report page", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/reports/${reportId}/`);
    const seen = (await page.evaluate(INSPECT)) as Inspection;
    await page.close();
    expect(seen.text).toContain(SCRIPT);
    expect(seen.text).toContain(IMAGE);
    expect(seen.text).toContain("alert(1)");
  });

  it("runs nothing on any page that shows it: no dialog, no script, no handler, no javascript: link", async () => {
    const found: string[] = [];
    const page = await browser.context.newPage();
    const watcher = watchPage(page);
    for (const path of pagesWithPayload) {
      watcher.reset();
      await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
      // A handler like onerror fires after load; give it a moment to show itself.
      await page.waitForTimeout(50);
      const seen = (await page.evaluate(INSPECT)) as Inspection;
      for (const dialog of watcher.problems.dialogs) found.push(`${path}: dialog opened: ${dialog}`);
      for (const error of watcher.problems.errors) found.push(`${path}: page error: ${error}`);
      if (seen.scripts > 0) found.push(`${path}: ${seen.scripts} <script> elements in the page`);
      for (const handler of seen.handlers) found.push(`${path}: event handler ${handler}`);
      for (const link of seen.scriptLinks) found.push(`${path}: link to ${link}`);
      if (seen.images.includes("x")) found.push(`${path}: the report's <img src=x> became an image`);
    }
    await page.close();
    expect(pagesWithPayload.length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });
});
