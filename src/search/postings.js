// @ts-check
/**
 * The postings of one key in the search index: which documents hold the key, and where. Written by the build
 * (src/build/searchIndex.ts), read by the search page (served as /search/postings.js).
 *
 * A key's postings are one string, documents in increasing number, `;` between them: for each, its number as the
 * difference from the previous one, `:`, then the key's positions in it, the first as it is and each next one as the
 * difference from the one before, `,` between them; every number in base 36. Positions 3, 39 and 40 in document 7,
 * then position 0 in document 12: `7:3,10,1;5:0`. Small differences make short numbers, and the page reads the
 * positions of only the documents every key of its phrase shares.
 */

/**
 * The postings string of `entries`: `[document, count, position × count, document, count, …]`, documents increasing,
 * each one's positions increasing.
 * @param {ArrayLike<number>} entries
 * @returns {string}
 */
export function encodePostings(entries) {
  const groups = [];
  let previous = 0;
  for (let i = 0; i < entries.length; ) {
    const doc = /** @type {number} */ (entries[i]);
    const count = /** @type {number} */ (entries[i + 1]);
    groups.push(`${(doc - previous).toString(36)}:${encodeNumbers(Array.prototype.slice.call(entries, i + 2, i + 2 + count))}`);
    previous = doc;
    i += 2 + count;
  }
  return groups.join(";");
}

/**
 * Increasing numbers as the postings' positions and the index's district files hold them: the first as it is, each
 * next one as the difference from the one before, in base 36, `,` between (0, 3, 4 → `0,3,1`).
 * @param {readonly number[]} numbers
 * @returns {string}
 */
export function encodeNumbers(numbers) {
  return numbers.map((n, i) => (n - (i === 0 ? 0 : /** @type {number} */ (numbers[i - 1]))).toString(36)).join(",");
}

/**
 * Reads encodeNumbers' form back; `""` is no numbers. Throws on anything else it does not write, naming what it
 * found (`what` names the numbers in the message).
 * @param {string} text
 * @param {string} [what]
 * @returns {number[]}
 */
export function decodeNumbers(text, what = "number") {
  if (text === "") return [];
  const numbers = [];
  let n = 0;
  for (const part of text.split(",")) {
    const delta = parseBase36(part);
    if (!Number.isInteger(delta)) throw new Error(`search postings: expected a base-36 ${what}, found ${JSON.stringify(part.slice(0, 20))}`);
    n += delta;
    numbers.push(n);
  }
  return numbers;
}

/**
 * @typedef {object} Postings
 * @property {number[]} docs the documents holding the key, increasing
 * @property {string[]} positions for each of `docs`, its positions still encoded (readPositions decodes one)
 */

/**
 * Reads a postings string. Throws on anything encodePostings does not write, naming what it found.
 * @param {string} text
 * @returns {Postings}
 */
export function decodePostings(text) {
  /** @type {Postings} */
  const postings = { docs: [], positions: [] };
  if (text === "") return postings;
  let doc = 0;
  for (const group of text.split(";")) {
    const colon = group.indexOf(":");
    const delta = colon > 0 ? parseBase36(group.slice(0, colon)) : NaN;
    if (!Number.isInteger(delta) || colon === group.length - 1) throw new Error(`search postings: expected "document:positions", found ${JSON.stringify(group.slice(0, 40))}`);
    doc += delta;
    postings.docs.push(doc);
    postings.positions.push(group.slice(colon + 1));
  }
  return postings;
}

/**
 * The positions of one document's group (`3,10,1` → 3, 39, 40: base 36).
 * @param {string} group
 * @returns {number[]}
 */
export function readPositions(group) {
  return decodeNumbers(group, "position");
}

/**
 * A base-36 number of digits and lower-case letters only (parseInt would accept `1x!` as 1 and `` as NaN silently).
 * @param {string} text
 * @returns {number}
 */
function parseBase36(text) {
  return /^[0-9a-z]+$/.test(text) ? parseInt(text, 36) : NaN;
}
