// @ts-check
/**
 * How text becomes the keys of the site's search index: shared, byte for byte, by the build that writes the index
 * (src/build/searchIndex.ts) and the search page that reads it (served as /search/text.js), so a query is cut into
 * exactly the keys the reports were.
 *
 * The keys are overlapping pairs of characters (bigrams): `古北口镇` gives 古北, 北口, 口镇. Chinese has no spaces to
 * split words on, and a dictionary segmenter misses the names these reports are full of (古北口, 北石槽镇, 封控区);
 * pairs need no dictionary, and with each pair's positions kept the index answers exact phrases, not just
 * "documents that have these characters somewhere".
 *
 * Plain JavaScript with JSDoc types (checked by tsc) because the browser loads it as it is.
 */

/**
 * Search text of `text`: fullwidth ASCII (letters, digits, `，`) made plain (`ＣＯＶＩＤ１９` → `covid19`) and Latin
 * letters lower-cased. One UTF-16 unit in, one out, so an offset in the search text is the same offset in `text`
 * (the search page marks matches in the original with the index's positions).
 * @param {string} text
 * @returns {string}
 */
export function normalizeSearchText(text) {
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let mapped = code;
    if (code >= 0xff01 && code <= 0xff5e) mapped = code - 0xfee0;
    if (mapped >= 0x41 && mapped <= 0x5a) mapped += 0x20;
    if (mapped !== code) {
      out += text.slice(start, i) + String.fromCharCode(mapped);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Per UTF-16 unit: 1 when it is part of a word (letter, digit, mark, or half of a surrogate pair), else 0. */
let wordUnits = /** @type {Uint8Array | null} */ (null);

/**
 * Whether the UTF-16 unit `code` is part of a word: letters (Chinese characters included), digits and combining
 * marks are; spaces and punctuation are not, and no key spans them. Both halves of a surrogate pair count, so a
 * character outside the BMP (the rarer Chinese characters) is indexed like any other.
 * @param {number} code
 * @returns {boolean}
 */
export function isWordUnit(code) {
  if (wordUnits === null) {
    // One test per unit, once, instead of a Unicode-aware regex per character of a ten-thousand-report corpus.
    wordUnits = new Uint8Array(0x10000);
    const word = /^[\p{L}\p{N}\p{M}]$/u;
    for (let unit = 0; unit < 0x10000; unit++) {
      wordUnits[unit] = (unit >= 0xd800 && unit <= 0xdfff) || word.test(String.fromCharCode(unit)) ? 1 : 0;
    }
  }
  return wordUnits[code] === 1;
}

/**
 * What a query asks for: its phrases (runs of word characters, normalized, each of two units or more) and the
 * single characters it also held, which the index cannot look up alone (a pair is its smallest key); the search page
 * says so rather than ignoring them silently. `核酸检测 古北口` → phrases 核酸检测, 古北口.
 * @param {string} query
 * @returns {{ phrases: string[], singles: string[] }}
 */
export function parseQuery(query) {
  const text = normalizeSearchText(query);
  /** @type {string[]} */
  const phrases = [];
  /** @type {string[]} */
  const singles = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordUnit(text.charCodeAt(i));
    if (inWord && start < 0) start = i;
    if (!inWord && start >= 0) {
      const run = text.slice(start, i);
      const list = run.length >= 2 ? phrases : singles;
      if (!list.includes(run)) list.push(run);
      start = -1;
    }
  }
  return { phrases, singles };
}

/**
 * The keys whose positions prove a phrase: pairs at offsets 0, 2, 4, … and the last pair, so `核酸检测` needs 核酸
 * at p and 检测 at p + 2, not also 酸检. Each is `[offset, key]`.
 * @param {string} phrase normalized, of two units or more
 * @returns {Array<[number, string]>}
 */
export function listPhraseKeys(phrase) {
  /** @type {Array<[number, string]>} */
  const keys = [];
  for (let offset = 0; offset + 2 <= phrase.length; offset += 2) keys.push([offset, phrase.slice(offset, offset + 2)]);
  if (phrase.length % 2 === 1) keys.push([phrase.length - 2, phrase.slice(-2)]);
  return keys;
}

/**
 * The shard file (0 … shardCount − 1) that holds `key`: a hash of its two units, so the search page fetches only
 * the shards of its query's keys. `shardCount` is a power of two.
 * @param {string} key
 * @param {number} shardCount
 * @returns {number}
 */
export function getShard(key, shardCount) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  // FNV's multiply moves low bits up, never down: mix the high bits into the low ones the mask keeps.
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) & (shardCount - 1);
}
