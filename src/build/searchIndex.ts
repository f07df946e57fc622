/**
 * The site's full-text search index (/search/idx/, layout in src/search/layout.js), made from the datasets after
 * `astro build`: each report's title and clean text cut into overlapping pairs of characters with their positions
 * (src/search/text.js), so the search page finds exact phrases (古北口, 核酸检测) in unspaced Chinese, and the
 * district and month filters as lists of documents.
 *
 * Why our own index and not Pagefind (which the site used until issue 7): Pagefind's extended binary held about
 * 400 KB per Chinese page while indexing, 4 GB for 10,000 reports on top of the site build's own 1.6 GB, and took
 * 39 s; indexed in parts, its per-part segmentation of the query found reports that do not contain the phrase.
 * This index is made from the text files in one pass, holding the positions as numbers: 2.5 s and 0.4 GB of heap at
 * 10,000 reports, before Astro starts (src/build/site.ts).
 */
import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { documentSchema } from "../pipeline/validate/schemas.ts";
import { readSiteDatasetAs } from "./datasetFiles.ts";
import { isBuildFilePath } from "../lib/buildFiles.ts";
import { formatDate } from "../lib/formatDate.ts";
import { getSearchDay, getSearchMonth } from "../lib/searchFilters.ts";
import { getShard, isWordUnit, normalizeSearchText } from "../search/text.js";
import { encodeNumbers, encodePostings } from "../search/postings.js";
import { DOCS_PER_CHUNK, getDistrictFile, getDocsFile, getKeysFile, INDEX_FOLDER, INDEX_FORMAT, type SearchDocEntry, type SearchMeta } from "../search/layout.js";

/** A report as the index sees it; its text is read when its turn comes, so only one is held at a time. */
export interface SearchSource {
  id: string;
  title: string;
  /** the day its page shows (publication, else event date), YYYY-MM-DD, or null */
  day: string | null;
  districts: readonly string[];
  /** `text/{id}.txt`, as the documents dataset names it */
  textPath: string;
  readText(): string;
}

/** Positions per shard the index aims at (about 40 KB of JSON): the shard count is the power of two that gives it. */
const POSITIONS_PER_SHARD = 16_384;
/** At most this many shards, so a very large corpus gets larger shards rather than hundreds of thousands of files. */
const MAX_SHARDS = 4_096;

/** What buildSearchIndex made. */
export interface SearchIndexResult {
  documents: number;
  /** distinct keys (pairs of characters) */
  keys: number;
  /** key occurrences, all documents together */
  positions: number;
  shards: number;
}

/**
 * The index's files (paths relative to INDEX_FOLDER → JSON text) for `sources`: the same sources give the same
 * bytes in any order. Throws when two sources share an id.
 */
export function buildSearchIndex(sources: readonly SearchSource[]): { files: Map<string, string>; result: SearchIndexResult } {
  const docs = orderSources(sources);
  // Keys are the two UTF-16 units of a pair packed into one signed 32-bit number (a small integer to V8, so the maps
  // and arrays below hold no strings until the files are written). Each key's entries are the flat list
  // encodePostings reads: document, count, positions.
  const postings = new Map<number, number[]>();
  const here = new Map<number, number[]>();
  let positions = 0;
  for (const [doc, source] of docs.entries()) {
    const text = normalizeSearchText(`${source.title}\n${source.readText()}`);
    here.clear();
    let wordBefore = text.length > 0 && isWordUnit(text.charCodeAt(0));
    for (let i = 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const word = isWordUnit(code);
      if (word && wordBefore) {
        const key = (text.charCodeAt(i - 1) << 16) | code;
        const list = here.get(key);
        if (list === undefined) here.set(key, [i - 1]);
        else list.push(i - 1);
      }
      wordBefore = word;
    }
    for (const [key, starts] of here) {
      let entries = postings.get(key);
      if (entries === undefined) postings.set(key, (entries = []));
      entries.push(doc, starts.length);
      for (const start of starts) entries.push(start);
      positions += starts.length;
    }
  }

  const keyCount = postings.size;
  let shards = 1;
  while (shards < MAX_SHARDS && shards * POSITIONS_PER_SHARD < positions) shards *= 2;
  const byShard: Array<Array<[string, number]>> = Array.from({ length: shards }, () => []);
  for (const key of postings.keys()) {
    const text = String.fromCharCode(key >>> 16, key & 0xffff);
    byShard[getShard(text, shards)]?.push([text, key]);
  }
  const files = new Map<string, string>();
  for (const [shard, keys] of byShard.entries()) {
    keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const object: Record<string, string> = {};
    for (const [text, key] of keys) {
      object[text] = encodePostings(postings.get(key) ?? []);
      postings.delete(key);
    }
    files.set(getKeysFile(shard), JSON.stringify(object));
  }

  for (let first = 0; first < docs.length; first += DOCS_PER_CHUNK) {
    const entries: SearchDocEntry[] = docs.slice(first, first + DOCS_PER_CHUNK).map((source) => [source.id, source.title, formatDate(source.day), source.textPath]);
    files.set(getDocsFile(first), JSON.stringify(entries));
  }
  const { meta, districtFiles } = describeFilters(docs, shards);
  files.set("meta.json", `${JSON.stringify(meta)}\n`);
  for (const [name, content] of districtFiles) files.set(name, content);
  return { files, result: { documents: docs.length, keys: keyCount, positions, shards } };
}

/** Newest first (undated last), then by id: the documents' numbers. */
function orderSources(sources: readonly SearchSource[]): SearchSource[] {
  const ids = new Set<string>();
  for (const source of sources) {
    if (ids.has(source.id)) throw new Error(`search index: two documents have the id ${JSON.stringify(source.id)}; expected each id once`);
    ids.add(source.id);
  }
  return [...sources].sort((a, b) => {
    if (a.day !== b.day) return a.day === null ? 1 : b.day === null ? -1 : a.day < b.day ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** meta.json (counts, each month as a range of numbers: documents are ordered by day) and each district's file. */
function describeFilters(docs: readonly SearchSource[], shards: number): { meta: SearchMeta; districtFiles: Array<[string, string]> } {
  const months: SearchMeta["months"] = [];
  const districts = new Map<string, number[]>();
  for (const [doc, source] of docs.entries()) {
    const month = getSearchMonth(source.day);
    const last = months.at(-1);
    if (month !== null && last?.[0] === month) last[2] = doc + 1;
    else if (month !== null) months.push([month, doc, doc + 1]);
    for (const name of new Set(source.districts)) {
      const list = districts.get(name);
      if (list === undefined) districts.set(name, [doc]);
      else list.push(doc);
    }
  }
  const names = [...districts.keys()].sort();
  return {
    meta: { format: INDEX_FORMAT, documents: docs.length, shards, months, districts: names },
    districtFiles: names.map((name, n): [string, string] => [getDistrictFile(n), JSON.stringify(encodeNumbers(districts.get(name) ?? []))]),
  };
}

/**
 * The fields of a documents row the index reads, checked as the dataset's schema checks them; the rest of each row
 * (provenance, most of documents.json's bytes) is dropped as it is read.
 */
const searchRowSchema = z.object({
  id: documentSchema.shape.id,
  title: documentSchema.shape.title,
  published_date: documentSchema.shape.published_date,
  event_date: documentSchema.shape.event_date,
  districts: documentSchema.shape.districts,
  text_path: documentSchema.shape.text_path.refine(isBuildFilePath, "a file of the data build (text/{id}.txt)"),
});

/**
 * The reports of `dataDir`'s documents dataset as the index reads them, each text read from its file when its turn
 * comes. Throws, naming the file and the row, when the dataset is missing, not an array of rows, or a row lacks what
 * the index needs.
 */
export function readSearchSources(dataDir: string): SearchSource[] {
  return readSiteDatasetAs(dataDir, "documents", searchRowSchema).map((doc): SearchSource => {
    // Read synchronously: one file after another on the main thread is twice as fast as awaiting each read.
    return { id: doc.id, title: doc.title, day: getSearchDay(doc), districts: doc.districts, textPath: doc.text_path, readText: () => readFileSync(join(dataDir, doc.text_path), "utf8") };
  });
}

/**
 * Writes `index` (buildSearchIndex) into `siteFolder`'s INDEX_FOLDER, replacing what was there. The site build makes
 * the index before Astro renders the pages, while its heap is small, and writes it after.
 */
export async function writeSearchIndex(siteFolder: string, index: { files: Map<string, string> }): Promise<void> {
  const folder = join(siteFolder, INDEX_FOLDER);
  await rm(folder, { recursive: true, force: true });
  for (const sub of ["keys", "docs", "districts"]) await mkdir(join(folder, sub), { recursive: true });
  for (const [name, content] of index.files) await writeFile(join(folder, name), content);
}
