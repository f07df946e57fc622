/**
 * The browser suite's own machinery on a small site made to be wrong in every way it checks: the
 * static server, the crawler and the checks must find each fault, so a green suite means something.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUrlPath, listFiles } from "./support/builtSite.ts";
import { getPageType } from "./support/pageTypes.ts";
import { crawlSite, findCssUrls, type SiteCrawl } from "./support/siteCrawl.ts";
import { findBrokenReferences, findExternalAssets, formatBrokenReference, summarizeBrokenReferences, findJavaScript, findOrphans, getPageWeight } from "./support/siteChecks.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const head = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/style.css"><title>t</title></head>';
const FIXTURE: Record<string, string> = {
  "index.html": `${head}<body><a href="/a/">甲</a> <a href="/a/#here">有</a> <a href="/a/#nope">无</a> <a href="/missing/">缺</a>
    <a href="/b">斜杠</a> <a href="https://example.org/">外链</a> <img src="https://cdn.example.org/x.png" alt="">
    <a href="data.csv">表</a> <img srcset="/bg.png 1x, /bg2.png 2x" alt=""></body></html>`,
  "style.css": 'body { background: url("/bg.png"); } @font-face { font-family: x; src: url(fonts/missing.woff2); }',
  "bg.png": "png",
  "data.csv": "a,b\n1,2\n",
  "a/index.html": `${head}<body><p id="here">这里</p><script>1</script><img src="/bg.png" onerror="alert(1)" alt=""><a href="javascript:alert(1)">链</a></body></html>`,
  "b/index.html": `${head}<body><p>乙</p></body></html>`,
  "orphan/index.html": `${head}<body><a href="/">首页</a></body></html>`,
  "app.js": "alert(1)",
};

let folder: string;
let server: StaticServer;
let crawl: SiteCrawl;
let files: string[];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "tongbao-fixture-site-"));
  for (const [name, text] of Object.entries(FIXTURE)) {
    await mkdir(join(folder, name, ".."), { recursive: true });
    await writeFile(join(folder, name), text);
  }
  server = await serveFolder(folder);
  files = await listFiles(folder);
  crawl = await crawlSite(server.origin, files.filter((f) => f.endsWith(".html")).map(getUrlPath));
});

afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

describe("serveFolder(folder)", () => {
  it.each([
    ["/", 200, "text/html; charset=utf-8"],
    ["/data.csv", 200, "text/csv; charset=utf-8"],
    ["/style.css", 200, "text/css; charset=utf-8"],
    ["/b/", 200, "text/html; charset=utf-8"],
    ["/missing/", 404, "text/plain; charset=utf-8"],
    ["/..%2f..%2f..%2fetc%2fpasswd", 404, "text/plain; charset=utf-8"],
    ["/%E4", 400, "text/plain; charset=utf-8"],
  ])("answers GET %s with %i %s", async (path, status, type) => {
    const response = await fetch(`${server.origin}${path}`, { redirect: "manual" });
    expect([response.status, response.headers.get("content-type")]).toEqual([status, type]);
  });

  it("redirects a folder without its slash, as static hosts do", async () => {
    const response = await fetch(`${server.origin}/b`, { redirect: "manual" });
    expect([response.status, response.headers.get("location")]).toEqual([301, "/b/"]);
  });
});

describe("crawlSite(origin) and the checks", () => {
  it("finds every page, seeded ones included", () => {
    expect([...crawl.pages.keys()].sort()).toEqual(["/", "/a/", "/b/", "/orphan/"]);
  });

  it("reports broken links, redirects, missing #fragments and missing CSS assets", () => {
    expect(findBrokenReferences(crawl).map(formatBrokenReference).sort()).toEqual([
      '/: a[href]="/a/#nope": no element with id "nope"',
      '/: a[href]="/b": redirects to /b/: link to that address instead',
      '/: a[href]="/missing/": HTTP 404',
      '/: img[srcset]="/bg2.png": HTTP 404',
      '/style.css: css url()="fonts/missing.woff2": HTTP 404',
    ]);
  });

  it("groups broken references by target", () => {
    const refs = [
      { from: "/a/", via: "a[href]", value: "/x/", reason: "HTTP 404" },
      { from: "/b/", via: "a[href]", value: "/x/", reason: "HTTP 404" },
      { from: "/b/", via: "img[src]", value: "/y.png", reason: "HTTP 404" },
    ];
    expect(summarizeBrokenReferences(refs)).toEqual(['"/x/": HTTP 404 (2 pages, e.g. /a/)', '"/y.png": HTTP 404 (1 page, e.g. /b/)']);
  });

  it("reports pages that only a broken link (or nothing) leads to", () => {
    expect(findOrphans(crawl, [...crawl.pages.keys()])).toEqual(["/b/", "/orphan/"]);
  });

  it("reports assets from other hosts but not links to them", () => {
    expect(findExternalAssets(crawl)).toEqual(['/: img[src]="https://cdn.example.org/x.png"']);
  });

  it("reports every kind of JavaScript", () => {
    expect(findJavaScript(crawl, files)).toEqual(["/a/: script", "/a/: img[onerror]", '/a/: a[href]="javascript:alert(1)"', "app.js: JavaScript file"]);
  });

  it("weighs a page with its stylesheet and images, gzipped", () => {
    const alone = getPageWeight(crawl, "/b/");
    expect(alone).toBeGreaterThan(100);
    expect(getPageWeight(crawl, "/nowhere/")).toBe(0);
  });
});

describe("findJavaScript(crawl, files): what the site may run", () => {
  // A site with the allowed scripts and every near miss: the same script on another page, an inline script beside
  // the allowed one, a script from elsewhere on the search page, and .js files in and out of the allowed folders.
  const page = (body: string) => `${head}<body>${body}</body></html>`;
  const ALLOWED_FIXTURE: Record<string, string> = {
    "index.html": page('<a href="/search/">搜</a> <a href="/embed/x/">嵌</a> <a href="/other/">他</a> <a href="/search/two/">二</a>'),
    "search/index.html": page('<form></form><script type="module" src="/search/search.js"></script>'),
    "search/search.js": "export {};",
    "search/text.js": "export {};",
    "search/extra.js": "1",
    "search/two/index.html": page('<script type="module" src="/search/search.js"></script><script>1</script>'),
    "embed/x/index.html": page('<p>图</p><script src="/embed/height.js"></script>'),
    "embed/height.js": "1",
    "other/index.html": page('<script type="module" src="/search/search.js"></script><script src="/search/text.js"></script>'),
    "search/idx/keys/0.js": "1",
    "assets/app.js": "1",
    "style.css": "",
    "bg.png": "png",
  };
  let site: string;
  let siteServer: StaticServer;
  let siteCrawl: SiteCrawl;
  let siteFiles: string[];

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), "tongbao-fixture-js-"));
    for (const [name, text] of Object.entries(ALLOWED_FIXTURE)) {
      await mkdir(join(site, name, ".."), { recursive: true });
      await writeFile(join(site, name), text);
    }
    siteServer = await serveFolder(site);
    siteFiles = await listFiles(site);
    siteCrawl = await crawlSite(siteServer.origin);
  });

  afterAll(async () => {
    await siteServer.close();
    await rm(site, { recursive: true, force: true });
  });

  it("allows the search page's scripts and the embed height script, and nothing else", () => {
    expect(findJavaScript(siteCrawl, siteFiles).sort()).toEqual([
      "/other/: script",
      "/other/: script[type=module]",
      "/search/two/: script",
      "/search/two/: script[type=module]",
      "assets/app.js: JavaScript file",
      "search/extra.js: JavaScript file",
      "search/idx/keys/0.js: JavaScript file",
    ]);
  });

  it("allows nothing when given no allowance", () => {
    expect(findJavaScript(siteCrawl, siteFiles, { pages: [], files: [] }).sort()).toEqual([
      "/embed/x/: script",
      "/other/: script",
      "/other/: script[type=module]",
      "/search/: script[type=module]",
      "/search/two/: script",
      "/search/two/: script[type=module]",
      "assets/app.js: JavaScript file",
      "embed/height.js: JavaScript file",
      "search/extra.js: JavaScript file",
      "search/idx/keys/0.js: JavaScript file",
      "search/search.js: JavaScript file",
      "search/text.js: JavaScript file",
    ]);
  });
});

describe("findCssUrls(css)", () => {
  it("reads quoted and bare url()s and skips data: and #ids", () => {
    expect(findCssUrls(`a{b:url("x.png")} c{d:url('y.woff2')} e{f:url(z.svg)} g{h:url(data:image/png;base64,AA)} i{mask:url(#m)}`)).toEqual(["x.png", "y.woff2", "z.svg"]);
  });
});

describe("getPageType(pathname)", () => {
  it.each([
    ["/", "home"],
    ["/districts/", "districts"],
    ["/districts/haidian/", "district"],
    ["/reports/", "reports"],
    ["/reports/page/2/", "reports"],
    ["/reports/2/", "reports"],
    ["/reports/district/haidian/", "reports"],
    ["/reports/district/haidian/2/", "reports"],
    ["/reports/004/", "report"],
    ["/reports/000_76bc26fd7b02b4ab/", "report"],
    ["/cases/", "cases"],
    ["/risk-areas/", "risk-areas"],
    ["/measures/", "measures"],
    ["/data/", "data"],
    ["/about/", "about"],
    ["/risk-areas/chaoyang/3/", "risk-areas"],
    ["/districts/haidian/2/", "district"],
    ["/404.html", "other"],
    ["/assets/x/", "other"],
  ])("%s → %s", (path, type) => {
    expect(getPageType(path)).toBe(type);
  });
});

describe("getUrlPath(file)", () => {
  it.each([
    ["index.html", "/"],
    ["reports/004/index.html", "/reports/004/"],
    ["404.html", "/404.html"],
  ])("%s → %s", (file, path) => {
    expect(getUrlPath(file)).toBe(path);
  });
});
