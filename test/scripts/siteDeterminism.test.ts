/**
 * Same inputs, same site: the project is copied twice (different folders, so an absolute path leaking into a page
 * shows up too), each copy runs `npm run data` and `npm run site`, and every file of the two dist/ folders — pages,
 * feeds, sitemap, chart images, Pagefind's index — must be byte-identical. Two full builds: the slowest test file.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteIn, listFiles, REPO } from "../browser/support/builtSite.ts";
import { copyProject, type ProjectCopy } from "../browser/support/projectCopy.ts";

let copies: ProjectCopy[] = [];
let files: [string[], string[]];

describe("two builds of the same inputs", () => {
  beforeAll(async () => {
    copies = await Promise.all([copyProject(REPO), copyProject(REPO)]);
    // In parallel: each build runs in its own process (Astro, then Pagefind's own binary), in its own folder.
    await Promise.all(copies.map((copy) => buildSiteIn(copy.root)));
    files = [await listFiles(join(copies[0]!.root, "dist")), await listFiles(join(copies[1]!.root, "dist"))];
  }, 300_000);

  afterAll(async () => {
    await Promise.all(copies.map((copy) => copy.remove()));
    copies = [];
  });

  it("write the same files, search index and feeds included", () => {
    const [a, b] = files;
    expect(a.length).toBeGreaterThan(100);
    expect(a).toContain("rss.xml");
    expect(a).toContain("sitemap-0.xml");
    expect(a).toContain("pagefind/pagefind.js");
    expect(a.filter((f) => !b.includes(f))).toEqual([]);
    expect(b.filter((f) => !a.includes(f))).toEqual([]);
  });

  it("write every file byte for byte the same", async () => {
    const [a, b] = files;
    const differing: string[] = [];
    for (const file of a.filter((f) => b.includes(f))) {
      const [x, y] = await Promise.all(copies.map((copy) => readFile(join(copy.root, "dist", file))));
      if (!x!.equals(y!)) differing.push(`${file} (${x!.length} and ${y!.length} bytes)`);
    }
    expect(differing).toEqual([]);
  });
});
