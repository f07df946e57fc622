/**
 * The site's search index (src/build/searchIndex.ts) answered by the search page's own code (src/search/match.js)
 * in Node: a query finds exactly the documents whose title and text hold every phrase, at the right offsets, with
 * the filters as lists of documents, the same bytes from the same documents, and clear errors. (The page itself in
 * Chromium: test/browser/search.test.ts.)
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { buildSearchIndex, readSearchSources, writeSearchIndex, type SearchSource } from "../../src/build/searchIndex.ts";
import { getDistrictFile, getDocsFile, getKeysFile, INDEX_FOLDER, INDEX_FORMAT, type SearchDocEntry, type SearchMeta } from "../../src/search/layout.js";
import { decodeNumbers, encodeNumbers } from "../../src/search/postings.js";
import { lookupKey, searchPhrases, type Match } from "../../src/search/match.js";
import { getShard, normalizeSearchText, parseQuery } from "../../src/search/text.js";

type Doc = Omit<SearchSource, "readText" | "textPath"> & { text: string };

function sourcesOf(docs: readonly Doc[]): SearchSource[] {
  return docs.map(({ text, ...doc }) => ({ ...doc, textPath: `text/${doc.id}.txt`, readText: () => text }));
}

/** The index's files, read back as the search page reads them. */
function openIndex(files: Map<string, string>) {
  const meta = JSON.parse(files.get("meta.json") ?? "null") as SearchMeta;
  const entries = (doc: number) => (JSON.parse(files.get(getDocsFile(doc)) ?? "[]") as SearchDocEntry[])[doc % 100];
  const shards = { get: (shard: number) => JSON.parse(files.get(getKeysFile(shard)) ?? "{}") as Record<string, string> };
  const lookup = (key: string) => lookupKey(key, shards, meta.shards);
  const search = (query: string, order: "relevance" | "newest" = "newest", allow?: (doc: number) => boolean): Array<Match & { id: string }> =>
    searchPhrases(parseQuery(query).phrases, lookup, allow === undefined ? { order } : { order, allow }).map((match) => ({ ...match, id: entries(match.doc)?.[0] ?? "?" }));
  return { meta, entries, search };
}

/** Every offset `phrase` starts at in `text` (overlapping ones too). */
function offsetsOf(text: string, phrase: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) found.push(at);
  return found;
}

const DOCS: Doc[] = [
  { id: "a", title: "密云区紧盯形势", day: "2022-04-13", districts: ["密云区"], text: "古北口镇开展核酸检测。核酸检测全覆盖。" },
  { id: "b", title: "海淀区检查", day: "2022-04-20", districts: ["海淀区", "密云区"], text: "做好核酸 检测，北石槽镇。" },
  { id: "c", title: "通报", day: null, districts: [], text: "ＣＯＶＩＤ－１９ 古北口" },
  { id: "d", title: "五月", day: "2022-05-01", districts: ["海淀区"], text: "核酸检测" },
];

describe("buildSearchIndex(sources)", () => {
  it("numbers documents newest first, undated last, and lists months as ranges and districts as documents", () => {
    const { files, result } = buildSearchIndex(sourcesOf(DOCS));
    const { meta, entries } = openIndex(files);
    expect([0, 1, 2, 3].map((doc) => entries(doc))).toEqual([
      ["d", "五月", "2022年5月1日", "text/d.txt"],
      ["b", "海淀区检查", "2022年4月20日", "text/b.txt"],
      ["a", "密云区紧盯形势", "2022年4月13日", "text/a.txt"],
      ["c", "通报", "日期不详", "text/c.txt"],
    ]);
    expect(meta).toEqual({ format: INDEX_FORMAT, documents: 4, shards: 1, months: [["2022年5月", 0, 1], ["2022年4月", 1, 3]], districts: ["密云区", "海淀区"] });
    // 密云区 is named by b (1) and a (2), 海淀区 by d (0) and b (1).
    expect([0, 1].map((n) => decodeNumbers(JSON.parse(files.get(getDistrictFile(n)) ?? "null")))).toEqual([[1, 2], [0, 1]]);
    expect(files.get(getDistrictFile(0))).toBe('"1,1"');
    expect(result).toMatchObject({ documents: 4, shards: 1 });
  });

  it("finds exact phrases in title and text, not characters that are merely near each other", () => {
    const { search } = openIndex((buildSearchIndex(sourcesOf(DOCS))).files);
    expect(search("核酸检测").map((m) => m.id)).toEqual(["d", "a"]);
    // 核酸 and 检测 are both in b, a space apart: not the phrase.
    expect(search("核酸").map((m) => m.id)).toEqual(["d", "b", "a"]);
    expect(search("古北口").map((m) => m.id)).toEqual(["a", "c"]);
    expect(search("北口镇").map((m) => m.id)).toEqual(["a"]);
    expect(search("北石槽").map((m) => m.id)).toEqual(["b"]);
    expect(search("covid").map((m) => m.id)).toEqual(["c"]);
    expect(search("密云区 古北口").map((m) => m.id)).toEqual(["a"]);
    expect(search("不存在")).toEqual([]);
    // Offsets point into title + "\n" + text: "密云区紧盯形势\n" is 8 units, then 核酸检测 at 6 and 11 of the text.
    expect(search("核酸检测").find((m) => m.id === "a")).toMatchObject({ count: 2, starts: [14, 19] });
  });

  it("orders by occurrences for relevance, newest first among equals", () => {
    const { search } = openIndex((buildSearchIndex(sourcesOf(DOCS))).files);
    expect(search("核酸检测", "relevance").map((m) => [m.id, m.count])).toEqual([["a", 2], ["d", 1]]);
    expect(search("核酸", "relevance").map((m) => [m.id, m.count])).toEqual([["a", 2], ["d", 1], ["b", 1]]);
  });

  it("keeps only the documents the filter allows", () => {
    const { search, meta } = openIndex((buildSearchIndex(sourcesOf(DOCS))).files);
    const [, first, end] = meta.months.find(([label]) => label === "2022年4月") ?? ["", 0, 0];
    expect(search("核酸", "newest", (doc) => doc >= first && doc < end).map((m) => m.id)).toEqual(["b", "a"]);
  });

  it("finds what a plain search of each document's text finds, at the same offsets (generated documents and queries)", () => {
    // A small alphabet so that phrases recur, near misses abound and pairs repeat within a document.
    const char = fc.constantFrom(..."古北口镇核酸检测，。 ＡaB1１\n");
    const docArb = fc.record({ title: fc.string({ unit: char, maxLength: 6 }), text: fc.string({ unit: char, maxLength: 60 }), day: fc.option(fc.constantFrom("2022-04-13", "2022-05-01", "2021-12-31"), { nil: null }) });
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 8 }), fc.array(fc.string({ unit: char, minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 2 }), (raw, queries) => {
        const docs: Doc[] = raw.map((doc, i) => ({ ...doc, id: `d${i}`, districts: [] }));
        const { search } = openIndex((buildSearchIndex(sourcesOf(docs))).files);
        const query = queries.join(" ");
        const phrases = parseQuery(query).phrases;
        if (phrases.length === 0) return;
        const expected = docs
          .map((doc) => ({ doc, indexed: normalizeSearchText(`${doc.title}\n${doc.text}`) }))
          .filter(({ indexed }) => phrases.every((phrase) => indexed.includes(phrase)))
          .map(({ doc, indexed }) => ({ id: doc.id, starts: phrases.flatMap((phrase) => offsetsOf(indexed, phrase)).sort((a, b) => a - b) }));
        const found = search(query).map(({ id, starts }) => ({ id, starts }));
        expect(found.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
        for (const match of found) expect(match.starts).toEqual(expected.find((m) => m.id === match.id)?.starts);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same files whatever order the documents come in", () => {
    const a = (buildSearchIndex(sourcesOf(DOCS))).files;
    const b = (buildSearchIndex(sourcesOf([...DOCS].reverse()))).files;
    expect([...b]).toEqual([...a]);
  });

  it("splits a larger corpus into shards and chunks, every key in the shard its hash names", () => {
    const docs: Doc[] = Array.from({ length: 250 }, (_, i) => ({ id: `r${String(i).padStart(3, "0")}`, title: `第${i}号通报`, day: "2022-04-13", districts: [], text: `北京市第${i}次新闻发布会。${"疫情防控工作领导小组召开会议，部署核酸检测和社区防控。".repeat(4)}` }));
    const { files, result } = buildSearchIndex(sourcesOf(docs));
    expect(result.shards).toBeGreaterThan(1);
    expect(result.positions).toBeGreaterThan(result.shards * 8_000);
    for (let shard = 0; shard < result.shards; shard++) {
      for (const key of Object.keys(JSON.parse(files.get(getKeysFile(shard)) ?? "{}"))) expect(getShard(key, result.shards)).toBe(shard);
    }
    expect([...files.keys()].filter((name) => name.startsWith("docs/"))).toEqual(["docs/0.json", "docs/1.json", "docs/2.json"]);
    const { search } = openIndex(files);
    expect(search("第249号").map((m) => m.id)).toEqual(["r249"]);
    expect(search("核酸检测")).toHaveLength(250);
    expect(search("召开会议").every((m) => m.count === 4)).toBe(true);
  });

  it("writes increasing numbers as differences in base 36 and reads them back", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 1_000_000 })), (raw) => {
        const numbers = [...raw].sort((a, b) => a - b);
        expect(decodeNumbers(encodeNumbers(numbers))).toEqual(numbers);
      }),
    );
  });

  it("refuses two documents with one id", () => {
    expect(() => buildSearchIndex(sourcesOf([DOCS[0]!, { ...DOCS[1]!, id: "a" }]))).toThrow(/two documents have the id "a"/);
  });
});

describe("readSearchSources(dataDir) and writeSearchIndex(siteFolder, index)", () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it("names the dataset it cannot read", async () => {
    const site = await mkdtemp(join(tmpdir(), "tongbao-search-"));
    folders.push(site);
    expect(() => readSearchSources(join(site, "no-data"))).toThrow(/no-data\/documents\.json: cannot read the documents dataset: the file is missing/);
  });

  it("names the row and field of a document it cannot index, and a text path outside the data build", async () => {
    const data = await mkdtemp(join(tmpdir(), "tongbao-search-data-"));
    folders.push(data);
    const row = { id: "a", title: "标题", published_date: "2022-04-13", event_date: null, districts: [], text_path: "text/a.txt", provenance: {} };
    await writeFile(join(data, "documents.json"), JSON.stringify([row, { ...row, id: "b", title: 7 }]));
    expect(() => readSearchSources(data)).toThrow(/documents\.json: .*row 2.*title/);
    await writeFile(join(data, "documents.json"), JSON.stringify([{ ...row, text_path: "../../etc/passwd" }]));
    expect(() => readSearchSources(data)).toThrow(/text_path.*a file of the data build/);
    await writeFile(join(data, "documents.json"), JSON.stringify({ rows: [] }));
    expect(() => readSearchSources(data)).toThrow(/expected an array of documents rows/);
  });

  const data = join(process.cwd(), "data/build");
  it.skipIf(!existsSync(join(data, "documents.json")))("indexes every document of data/build/ from its text file", async () => {
    const site = await mkdtemp(join(tmpdir(), "tongbao-search-"));
    folders.push(site);
    const index = buildSearchIndex(readSearchSources(data));
    await writeSearchIndex(site, index);
    const { result } = index;
    const documents = JSON.parse(await readFile(join(data, "documents.json"), "utf8")) as Array<{ id: string }>;
    expect(result.documents).toBe(documents.length);
    const folder = join(site, INDEX_FOLDER);
    expect((await readdir(join(folder, "keys"))).length).toBe(result.shards);
    const files = new Map<string, string>();
    for (const sub of ["keys", "docs", "districts"]) for (const name of await readdir(join(folder, sub))) files.set(`${sub}/${name}`, await readFile(join(folder, sub, name), "utf8"));
    files.set("meta.json", await readFile(join(folder, "meta.json"), "utf8"));
    const { meta, search } = openIndex(files);
    expect(meta.documents).toBe(documents.length);
    const withPhrase: string[] = [];
    for (const doc of JSON.parse(await readFile(join(data, "documents.json"), "utf8")) as Array<{ id: string; title: string; text_path: string }>) {
      if (`${doc.title}\n${await readFile(join(data, doc.text_path), "utf8")}`.includes("核酸检测")) withPhrase.push(doc.id);
    }
    expect(withPhrase.length).toBeGreaterThan(0);
    expect(search("核酸检测").map((m) => m.id).sort()).toEqual(withPhrase.sort());
  });
});
