/** copyDownloads: the site's /data/ files are the data build's downloads, byte for byte, and nothing else of it. */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyDownloads } from "../../src/build/downloads.ts";
import { listFiles } from "../browser/support/builtSite.ts";

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe("copyDownloads(dataDir, siteFolder)", () => {
  it("copies the datasets and the clean texts, not the cache or files a page may not serve", async () => {
    const data = await mkdtemp(join(tmpdir(), "tongbao-downloads-data-"));
    const site = await mkdtemp(join(tmpdir(), "tongbao-downloads-site-"));
    folders.push(data, site);
    const files: Record<string, string | Uint8Array> = {
      "documents.csv": "id,title\r\n004,标题\r\n",
      "documents.json": "[]\n",
      "datapackage.json": "{}",
      "text/004.txt": "正文\n",
      "text/005.txt": new Uint8Array([0xef, 0xbb, 0xbf, 0xe6, 0xad, 0xa3]),
      "cache/analysis/ab.json": "{}",
      "notes.md": "not a download",
      "text/.hidden.txt": "x",
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(join(data, name, ".."), { recursive: true });
      await writeFile(join(data, name), content);
    }
    await mkdir(join(site, "data"), { recursive: true });
    await writeFile(join(site, "data", "index.html"), "<p>the /data/ page</p>");
    expect(copyDownloads(data, site)).toBe(5);
    expect(await listFiles(join(site, "data"))).toEqual(["datapackage.json", "documents.csv", "documents.json", "index.html", "text/004.txt", "text/005.txt"]);
    for (const name of ["documents.csv", "text/005.txt"]) expect((await readFile(join(site, "data", name))).equals(await readFile(join(data, name)))).toBe(true);
  });

  it("keeps the bytes it was built with when the data build writes its folder again", async () => {
    const data = await mkdtemp(join(tmpdir(), "tongbao-downloads-data-"));
    const site = await mkdtemp(join(tmpdir(), "tongbao-downloads-site-"));
    folders.push(data, site);
    await mkdir(join(data, "text"));
    await writeFile(join(data, "documents.csv"), "id\r\n004\r\n");
    copyDownloads(data, site);
    // As src/build/write.ts replaces a dataset: a new file renamed over the old name, never the old file changed.
    await writeFile(join(data, "documents.csv.new"), "id\r\n005\r\n");
    await rename(join(data, "documents.csv.new"), join(data, "documents.csv"));
    expect(await readFile(join(site, "data", "documents.csv"), "utf8")).toBe("id\r\n004\r\n");
  });

  it("rejects when the data build is missing", async () => {
    const site = await mkdtemp(join(tmpdir(), "tongbao-downloads-site-"));
    folders.push(site);
    expect(() => copyDownloads(join(site, "no-data"), site)).toThrow(/no-data/);
  });
});
