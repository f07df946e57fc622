// @ts-check
/**
 * Answering a query from the index's postings: the documents holding every phrase, where, and how often. Run by the
 * search page (served as /search/match.js) on the shards it fetched, and by the tests on an index built in memory.
 */
import { getShard, listPhraseKeys } from "./text.js";
import { decodePostings, readPositions } from "./postings.js";

/** @typedef {import("./postings.js").Postings} Postings */

/**
 * @typedef {object} Match
 * @property {number} doc the document's number (0 is the newest)
 * @property {number} count occurrences of the query's phrases in it, all phrases together
 * @property {number[]} starts where each occurrence begins, increasing (offsets in the indexed text)
 */

/**
 * The postings of `key` in the index's key shards, or undefined when no document has it. `shards` gives a shard's
 * keys (keys/{n}.json as parsed) by its number, undefined when not at hand; `shardCount` is meta.json's `shards`.
 * @param {string} key
 * @param {{ get(shard: number): Record<string, unknown> | undefined }} shards
 * @param {number} shardCount
 * @returns {Postings | undefined}
 */
export function lookupKey(key, shards, shardCount) {
  const text = shards.get(getShard(key, shardCount))?.[key];
  return typeof text === "string" ? decodePostings(text) : undefined;
}

/**
 * Where `phrase` occurs: for each document holding it, the offsets it starts at, increasing. Overlapping occurrences
 * all count (`aa` twice in `aaa`). `lookup` gives a key's postings, undefined when no document has the key.
 * @param {string} phrase normalized (src/search/text.js), of two units or more
 * @param {(key: string) => Postings | undefined} lookup
 * @returns {Map<number, number[]>}
 */
export function findPhrase(phrase, lookup) {
  /** @type {Map<number, number[]>} */
  const found = new Map();
  const keys = listPhraseKeys(phrase).map(([offset, key]) => ({ offset, postings: lookup(key) }));
  if (keys.some((key) => key.postings === undefined)) return found;
  const lists = keys.map((key) => ({ offset: key.offset, postings: /** @type {Postings} */ (key.postings), next: 0 }));
  // Walk the shortest list; the others are only advanced, never searched from the start.
  const shortest = lists.reduce((a, b) => (b.postings.docs.length < a.postings.docs.length ? b : a));
  for (let i = 0; i < shortest.postings.docs.length; i++) {
    const doc = /** @type {number} */ (shortest.postings.docs[i]);
    /** @type {Array<{ offset: number, group: string }>} */
    const groups = [];
    for (const list of lists) {
      const docs = list.postings.docs;
      while (list.next < docs.length && /** @type {number} */ (docs[list.next]) < doc) list.next++;
      if (docs[list.next] !== doc) break;
      groups.push({ offset: list.offset, group: /** @type {string} */ (list.postings.positions[list.next]) });
    }
    if (groups.length < lists.length) continue;
    let starts = readPositions(/** @type {{ group: string }} */ (groups[0]).group);
    for (const { offset, group } of groups.slice(1)) {
      const at = new Set(readPositions(group));
      starts = starts.filter((start) => at.has(start + offset));
      if (starts.length === 0) break;
    }
    if (starts.length > 0) found.set(doc, starts);
  }
  return found;
}

/**
 * The documents holding every one of `phrases` (and allowed by `allow`, when given), with their occurrences.
 * `order` "relevance": most occurrences first, then newest; "newest": by document number (newest first).
 * @param {string[]} phrases normalized, each of two units or more; at least one
 * @param {(key: string) => Postings | undefined} lookup
 * @param {{ order: "relevance" | "newest", allow?: (doc: number) => boolean }} options
 * @returns {Match[]}
 */
export function searchPhrases(phrases, lookup, options) {
  /** @type {Map<number, number[]> | null} */
  let matches = null;
  for (const phrase of phrases) {
    const found = findPhrase(phrase, lookup);
    if (matches === null) {
      matches = found;
    } else {
      /** @type {Map<number, number[]>} */
      const both = new Map();
      for (const [doc, starts] of matches) {
        const more = found.get(doc);
        if (more !== undefined) both.set(doc, starts.concat(more));
      }
      matches = both;
    }
    if (matches.size === 0) break;
  }
  /** @type {Match[]} */
  const results = [];
  for (const [doc, starts] of matches ?? []) {
    if (options.allow !== undefined && !options.allow(doc)) continue;
    results.push({ doc, count: starts.length, starts: starts.sort((a, b) => a - b) });
  }
  results.sort(options.order === "relevance" ? (a, b) => b.count - a.count || a.doc - b.doc : (a, b) => a.doc - b.doc);
  return results;
}
