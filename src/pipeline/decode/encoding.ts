/**
 * Bytes → characters in a known encoding, with every undecodable byte run found and replaced by
 * a single U+FFFD (never mojibake), and the GB18030-or-Big5 guess for files without a BOM.
 */
import { isHan } from "../clean/commonChars.ts";
import type { Encoding } from "../records.ts";
import {
  decodeGbFourBytes,
  getBig5Table,
  getGbTable,
  isBig5Trail,
  isCommonHan,
  isDoubleByteLead,
  isGbTrail,
  lookUpPair,
} from "./charTables.ts";

/** A run of bytes that are not valid in the encoding, replaced by one U+FFFD. */
export interface InvalidRun {
  /** 0-based offset of the first bad byte in the file */
  byteOffset: number;
  /** the bad bytes */
  bytes: Uint8Array;
  /** index of the replacing U+FFFD in the decoded text */
  at: number;
}

/** The result of decoding bytes in one encoding. */
export interface DecodedBytes {
  encoding: Encoding;
  text: string;
  /** runs of undecodable bytes, in file order */
  invalid: InvalidRun[];
  /** bytes ≥ 0x80 (for UTF-16: code units ≥ 0x80), the basis of the "too many bad bytes" share */
  nonAsciiBytes: number;
  /** bytes inside `invalid` runs */
  invalidBytes: number;
}

/** A byte order mark at the start of a file. */
export interface ByteOrderMark {
  encoding: "utf-8-bom" | "utf-16le" | "utf-16be";
  /** length of the mark in bytes */
  length: number;
}

/** The BOM at the start of `bytes`, or undefined when there is none. */
export function findByteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8-bom", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/**
 * One step of a decoder at byte `i`: the number of bytes of the character there and its text;
 * text null when those bytes are invalid (length 0: the byte at `i` starts no character; more:
 * a well-formed sequence that names no character, e.g. Big5 `A3 E2`, is bad as a whole).
 */
type Step = (bytes: Uint8Array, i: number) => { length: number; text: string | null };

const INVALID = { length: 0, text: null } as const;

/** A well-formed sequence of `length` bytes with no character: skipped whole, not re-read as mojibake. */
function unmapped(length: number): { length: number; text: null } {
  return { length, text: null };
}

function utf8Step(bytes: Uint8Array, i: number): { length: number; text: string | null } {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return { length: 1, text: String.fromCharCode(b0) };
  // Lead byte → sequence length and the allowed range of the second byte (excludes overlongs,
  // surrogates U+D800–U+DFFF and code points past U+10FFFF).
  let length: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    if (b0 === 0xe0) lo = 0xa0;
    if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    if (b0 === 0xf0) lo = 0x90;
    if (b0 === 0xf4) hi = 0x8f;
  } else return INVALID;
  if (i + length > bytes.length) return INVALID;
  const b1 = bytes[i + 1]!;
  if (b1 < lo || b1 > hi) return INVALID;
  let cp = length === 2 ? b0 & 0x1f : length === 3 ? b0 & 0x0f : b0 & 0x07;
  cp = (cp << 6) | (b1 & 0x3f);
  for (let k = 2; k < length; k++) {
    const b = bytes[i + k]!;
    if (b < 0x80 || b > 0xbf) return INVALID;
    cp = (cp << 6) | (b & 0x3f);
  }
  return { length, text: String.fromCodePoint(cp) };
}

function gb18030Step(bytes: Uint8Array, i: number): { length: number; text: string | null } {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return { length: 1, text: String.fromCharCode(b0) };
  // 0x80 alone is € in GBK/cp936 and in the WHATWG gb18030 decoder.
  if (b0 === 0x80) return { length: 1, text: "€" };
  if (!isDoubleByteLead(b0) || i + 1 >= bytes.length) return INVALID;
  const b1 = bytes[i + 1]!;
  if (b1 >= 0x30 && b1 <= 0x39) {
    // Four-byte sequence: 81–FE 30–39 81–FE 30–39, e.g. `81 36 A6 31` → "•".
    const b2 = bytes[i + 2];
    const b3 = bytes[i + 3];
    if (b2 === undefined || b3 === undefined || !isDoubleByteLead(b2) || b3 < 0x30 || b3 > 0x39) return INVALID;
    const text = decodeGbFourBytes(b0, b1, b2, b3);
    return text === "" ? unmapped(4) : { length: 4, text };
  }
  if (!isGbTrail(b1)) return INVALID;
  const text = lookUpPair(getGbTable(), b0, b1);
  return text === "" ? unmapped(2) : { length: 2, text };
}

function big5Step(bytes: Uint8Array, i: number): { length: number; text: string | null } {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return { length: 1, text: String.fromCharCode(b0) };
  if (!isDoubleByteLead(b0) || i + 1 >= bytes.length) return INVALID;
  const b1 = bytes[i + 1]!;
  if (!isBig5Trail(b1)) return INVALID;
  const text = lookUpPair(getBig5Table(), b0, b1);
  return text === "" ? unmapped(2) : { length: 2, text };
}

function utf16Step(bigEndian: boolean): Step {
  const unitAt = (bytes: Uint8Array, i: number): number =>
    bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8);
  return (bytes, i) => {
    // An odd byte at the end is half a code unit.
    if (i + 1 >= bytes.length) return INVALID;
    const unit = unitAt(bytes, i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (i + 3 >= bytes.length) return INVALID;
      const low = unitAt(bytes, i + 2);
      if (low < 0xdc00 || low > 0xdfff) return INVALID;
      return { length: 4, text: String.fromCharCode(unit, low) };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return INVALID;
    return { length: 2, text: String.fromCharCode(unit) };
  };
}

function stepFor(encoding: Encoding): Step {
  switch (encoding) {
    case "utf-8":
    case "utf-8-bom":
      return utf8Step;
    case "gb18030":
      return gb18030Step;
    case "big5":
      return big5Step;
    case "utf-16le":
      return utf16Step(false);
    case "utf-16be":
      return utf16Step(true);
  }
}

/**
 * Decode `bytes` from `start` (just past a BOM) in `encoding`. Never throws on bad data: each
 * maximal run of bytes that start no valid character becomes one U+FFFD and an `InvalidRun`.
 * For UTF-16 a bad unit is skipped two bytes at a time (one byte at an odd end).
 */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding, start = 0): DecodedBytes {
  const step = stepFor(encoding);
  const wide = encoding === "utf-16le" || encoding === "utf-16be";
  const out: string[] = [];
  let length = 0;
  const invalid: InvalidRun[] = [];
  let nonAsciiBytes = 0;
  let invalidBytes = 0;
  let runStart = -1;
  const closeRun = (end: number): void => {
    if (runStart < 0) return;
    invalid.push({ byteOffset: runStart, bytes: bytes.slice(runStart, end), at: length });
    invalidBytes += end - runStart;
    out.push("\uFFFD");
    length += 1;
    runStart = -1;
  };
  let i = start;
  while (i < bytes.length) {
    const { length: n, text } = step(bytes, i);
    if (text === null) {
      if (runStart < 0) runStart = i;
      const skip = n > 0 ? n : wide ? Math.min(2, bytes.length - i) : 1;
      for (let k = i; k < i + skip; k++) if (wide || bytes[k]! >= 0x80) nonAsciiBytes++;
      i += skip;
      continue;
    }
    closeRun(i);
    if (wide) {
      if (text.charCodeAt(0) >= 0x80) nonAsciiBytes += n;
    } else {
      for (let k = i; k < i + n; k++) if (bytes[k]! >= 0x80) nonAsciiBytes++;
    }
    out.push(text);
    length += text.length;
    i += n;
  }
  closeRun(bytes.length);
  return { encoding, text: out.join(""), invalid, nonAsciiBytes, invalidBytes };
}

// Signs of the Han script that are not Han characters (see `isHan`): radicals ⺀–⿕ (U+2E80–U+2FDF),
// 々, 〇, Hangzhou numerals 〡–〩 and 〸–〻, reading marks U+16FE2–U+16FF6. A wrong reading makes
// them as easily as rare characters, so they count as rare Han characters.
const HAN_SIGN = /(?=\p{Script=Han})[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u{16fe2}-\u{16fff}]/u;

// Characters a wrong legacy reading is full of and Chinese news almost never has: Latin letters
// with accents, Greek, Cyrillic, box drawing, kana, bopomofo, private use, vertical forms,
// full-width letters (Big5 `A4 4A 5F` read as GBK gives "ㄊ", "ｂ", "︽").
const ODD = /[\u00C0-\u024F\u0370-\u04FF\u2500-\u257F\u3040-\u30FF\u3100-\u312F\uE000-\uF8FF\uFE30-\uFE4F\uFF21-\uFF3A\uFF41-\uFF5A]/;

/**
 * Share of decoded Han characters that are common: GBK code in GB2312 level 1 (lead 0xB0–0xD7)
 * or Big5 code in Big5 level 1 (0xA440–0xC67E). Undecodable runs and odd characters (kana,
 * bopomofo, Cyrillic, private use… see `ODD`) count as rare characters. 0 when there is no Han
 * text. A GBK file read as Big5 (or the reverse) scores far lower than the right reading.
 */
export function scoreCommonHan(decoded: DecodedBytes): number {
  let han = 0;
  let common = 0;
  let odd = 0;
  for (const ch of decoded.text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (ODD.test(ch)) odd++;
    if (!isHan(ch) && !HAN_SIGN.test(ch)) continue;
    han++;
    if (isCommonHan(ch)) common++;
  }
  const total = han + odd + decoded.invalid.length;
  return han === 0 ? 0 : common / total;
}

/**
 * Decode bytes that have no BOM and no declared charset, and return the readings best first. Valid
 * UTF-8 is UTF-8: it comes back alone, the legacy readings are not tried. Otherwise GB18030 and Big5
 * ranked by `scoreCommonHan` (a tie goes to GB18030, the more common encoding of Beijing pages), then
 * the damaged UTF-8 — unless its Han text is more common than the better legacy reading (a UTF-8
 * file with a few damaged bytes), when it comes first. Never empty; never throws.
 */
export function decodeUnlabelled(bytes: Uint8Array): DecodedBytes[] {
  const utf8 = decodeBytes(bytes, "utf-8");
  if (utf8.invalid.length === 0) return [utf8];
  const gb = decodeBytes(bytes, "gb18030");
  const big5 = decodeBytes(bytes, "big5");
  // Bad bytes already count against a reading in its score.
  const gbScore = scoreCommonHan(gb);
  const big5Score = scoreCommonHan(big5);
  const legacy = big5Score > gbScore ? [big5, gb] : [gb, big5];
  // A UTF-8 file with a few damaged bytes: its Han text is still far more common than the
  // mojibake GB18030 or Big5 make of it.
  return scoreCommonHan(utf8) > Math.max(gbScore, big5Score) ? [utf8, ...legacy] : [...legacy, utf8];
}

/** Bytes as upper-case hex pairs: `[0x81, 0x36]` → "81 36". */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
}
