/**
 * writeSearchIndex on a small built site: only pages with data-pagefind-body are indexed, the index lands in
 * pagefind/, and two runs over the same files give the same bytes. (Searching it in a browser: test/browser/search.test.ts.)
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_FOLDER, writeSearchIndex } from "../../src/build/searchIndex.ts";
import { listFiles } from "../browser/support/builtSite.ts";

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const SITE: Record<string, string> = {
  "reports/a/index.html": page(
    '<nav>首页</nav><article data-pagefind-body><span data-pagefind-filter="区:密云区"></span><span data-pagefind-meta="date:2022年4月13日"></span><h1>密云区紧盯形势</h1><p>古北口镇开展核酸检测。</p></article>',
  ),
  "reports/b/index.html": page('<article data-pagefind-body><span data-pagefind-filter="区:海淀区"></span><h1>海淀区检查</h1><p>做好核酸检测。</p></article>'),
  "about/index.html": page("<h1>关于</h1><p>古北口不应被索引。</p>"),
  // A page outside reports/ is not even read, body or not (the glob in searchIndex.ts).
  "briefings/2022-04-13/index.html": page('<article data-pagefind-body><h1>简报</h1><p>古北口也不在索引里。</p></article>'),
};

let folders: string[] = [];

async function makeSite(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "tongbao-search-index-"));
  folders.push(folder);
  for (const [name, html] of Object.entries(SITE)) {
    await mkdir(join(folder, name, ".."), { recursive: true });
    await writeFile(join(folder, name), html);
  }
  return folder;
}

describe("writeSearchIndex(siteFolder)", () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    first = await makeSite();
    second = await makeSite();
    await writeSearchIndex(first);
    await writeSearchIndex(second);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    folders = [];
  });

  it("writes Pagefind's browser API and one fragment per indexed page (the two reports, not /about/)", async () => {
    const files = (await listFiles(join(first, SEARCH_FOLDER)));
    expect(files).toContain("pagefind.js");
    expect(files).toContain("pagefind-entry.json");
    expect(files.filter((f) => f.startsWith("fragment/"))).toHaveLength(2);
    // lang="zh-CN" gives a Chinese index, the one the extended binary segments.
    expect(JSON.parse(await readFile(join(first, SEARCH_FOLDER, "pagefind-entry.json"), "utf8")).languages).toHaveProperty("zh-cn");
  });

  it("gives the same bytes when run twice over the same site", async () => {
    const files = await listFiles(join(first, SEARCH_FOLDER));
    expect(await listFiles(join(second, SEARCH_FOLDER))).toEqual(files);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(first, SEARCH_FOLDER, file)), readFile(join(second, SEARCH_FOLDER, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  it("rejects with Pagefind's errors when the folder does not exist", async () => {
    await expect(writeSearchIndex(join(tmpdir(), "tongbao-no-such-site-folder"))).rejects.toThrow(/tongbao-no-such-site-folder: pagefind found no HTML pages to index/);
  });
});
