// @ts-check
/**
 * The files of the site's search index, under /search/idx/ of the live site: written by src/build/searchIndex.ts,
 * fetched by the search page (served as /search/layout.js).
 *
 * - `meta.json` (SearchMeta): how many documents and shards, each month's documents and the districts' names,
 *   fetched once when the page loads;
 * - `districts/{n}.json`: the documents naming district n of meta.json, fetched when it is chosen (at 10,000
 *   reports the lists together are 100 KB, too much to fetch for every visit);
 * - `keys/{shard}.json`: an object from each key (a pair of characters, src/search/text.js) of that shard to its
 *   postings (src/search/postings.js); a query fetches the shards of its keys only;
 * - `docs/{chunk}.json`: what a result shows of documents chunk × DOCS_PER_CHUNK onwards, as SearchDocEntry rows;
 *   a page of results fetches the chunks of the documents it shows.
 *
 * Documents are numbered newest first (publication date, else event date; undated last; ties by id), so a month's
 * documents are one range of numbers and "newest first" is "by number".
 */

/** Written into meta.json; the page refuses an index of another format rather than misreading it. */
export const INDEX_FORMAT = 1;

/** The index's folder in the site. */
export const INDEX_FOLDER = "search/idx";

/** Documents per docs/ file: a page of 50 results fetches a few small files, not the whole list. */
export const DOCS_PER_CHUNK = 100;

/**
 * @typedef {object} SearchMeta
 * @property {number} format INDEX_FORMAT
 * @property {number} documents how many documents are numbered
 * @property {number} shards how many keys/ files (a power of two: src/search/text.js getShard)
 * @property {Array<[string, number, number]>} months `[label, first, end]`: the month's documents are numbers first … end − 1; labels as the search page's month filter shows them (`2022年4月`), newest first
 * @property {string[]} districts the official names of the districts reports name, sorted; district n's documents are in getDistrictFile(n)
 */

/**
 * @typedef {[id: string, title: string, date: string, textPath: string]} SearchDocEntry
 * The document's id (its page is /reports/{id}/), title, date as shown (`2022年4月13日`, `日期不详`) and clean text
 * (`text/{id}.txt`, published as /data/text/{id}.txt): the text the index was made from, after the title and a line
 * break, so the index's positions point into `title + "\n" + text`.
 */

/**
 * @param {number} shard
 * @returns {string}
 */
export function getKeysFile(shard) {
  return `keys/${shard}.json`;
}

/**
 * The file of district n's documents: a JSON string of their numbers in base 36, each as the difference from the one
 * before, `,` between (src/search/postings.js encodeNumbers writes it, decodeNumbers reads it).
 * @param {number} district
 * @returns {string}
 */
export function getDistrictFile(district) {
  return `districts/${district}.json`;
}

/**
 * @param {number} doc a document's number
 * @returns {string}
 */
export function getDocsFile(doc) {
  return `docs/${Math.floor(doc / DOCS_PER_CHUNK)}.json`;
}
