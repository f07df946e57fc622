/**
 * Common characters: the yardstick for telling readable Chinese from mojibake.
 * A character is common when it is in GB2312 level 1 (GBK lead byte 0xB0–0xD7, trail 0xA1–0xFE: the
 * 3,755 most used Simplified characters), in Big5 level 1 (0xA440–0xC67E: the 5,401 most used
 * Traditional characters), or is common punctuation.
 */
import { isCommonHan } from "../decode/charTables.ts";

// Punctuation that readable reports are full of: `，。、；：？！“”‘’（）《》【】—…·` and ASCII.
const COMMON_PUNCTUATION = /[\u3001\u3002\u300a-\u3011\u2014\u2026\u00b7\u201c\u201d\u2018\u2019\uff01-\uff0f\uff1a-\uff1f!-/:-@[-`{-~]/u;

/** True for Han characters (CJK Unified Ideographs, Extension A and compatibility ideographs). */
export function isHan(char: string): boolean {
  return /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/u.test(char);
}

/**
 * True when `char` (one code point) is common: GB2312 level 1, Big5 level 1 or common punctuation.
 * ASCII letters, digits and spaces are not common (they are neutral: see `isNeutral`).
 */
export function isCommonChar(char: string): boolean {
  if (COMMON_PUNCTUATION.test(char)) return true;
  if (char.length !== 1 || char.charCodeAt(0) < 0x80) return false;
  return isCommonHan(char);
}

/**
 * ASCII characters and whitespace: they say nothing about whether Chinese text is readable (in a
 * garbled run, ASCII is a stray byte of a split character: `?,F(xiàn)` is `。現`).
 */
export function isNeutral(char: string): boolean {
  return /^[\u0000-\u007f\s]$/u.test(char);
}

/**
 * Share of common characters among the non-neutral characters of `text`, in [0, 1];
 * `whenEmpty` (default 1) when there is no non-neutral character.
 */
export function commonShare(text: string, whenEmpty = 1): number {
  let counted = 0;
  let common = 0;
  for (const char of text) {
    if (isNeutral(char)) continue;
    counted++;
    if (isCommonChar(char)) common++;
  }
  return counted === 0 ? whenEmpty : common / counted;
}
