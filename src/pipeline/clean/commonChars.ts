/**
 * Common characters: the yardstick for telling readable Chinese from mojibake.
 * A character is common when it is in GB2312 level 1 (GBK lead byte 0xB0–0xD7, trail 0xA1–0xFE: the
 * 3,755 most used Simplified characters), in Big5 level 1 (0xA440–0xC67E: the 5,401 most used
 * Traditional characters), or is common punctuation. What counts as a Han character at all is
 * `isHan`, the one definition the decode and clean stages use.
 */
import { isCommonHan } from "../decode/charTables.ts";

// Punctuation that readable reports are full of: `，。、；：？！“”‘’（）《》【】—…·` and ASCII.
const COMMON_PUNCTUATION = /[\u3001\u3002\u300a-\u3011\u2014\u2026\u00b7\u201c\u201d\u2018\u2019\uff01-\uff0f\uff1a-\uff1f!-/:-@[-`{-~]/u;

/**
 * Han characters (汉字) as a regular-expression pattern for one code point, to embed in patterns that
 * need one (with the `u` flag): the assigned code points of the Han script in the ideograph blocks —
 * CJK Unified Ideographs, Extension A, the compatibility ideographs, and the Supplementary and
 * Tertiary Ideographic Planes (Extension B onwards, `𠮷` U+20BB7, the compatibility supplement
 * U+2F800–U+2FA1F). Radicals and signs such as 〇 and 々 are not Han characters here.
 */
export const HAN_PATTERN = "(?=\\p{Script=Han})[\\u3400-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3ffff}]";

const HAN = new RegExp(`^${HAN_PATTERN}$`, "u");

/**
 * True when `char` is one Han character (see `HAN_PATTERN`), astral ones included (`𠮷`, a surrogate
 * pair). False for anything else, a lone surrogate or more than one character.
 */
export function isHan(char: string): boolean {
  return HAN.test(char);
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
