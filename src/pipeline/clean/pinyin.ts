/**
 * Pinyin annotations (拼音注音): some district sites print a reading after each character, `嚴(yán)`,
 * `風(fēng)險(xiǎn)點(diǎn)`, `任務(wu)`. They are removed only when they are a reading of the character before.
 */
import OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";
import { rewrite } from "./offsets.ts";
import type { StepOutput } from "./whitespace.ts";

/** Output of `removePinyin`. */
export interface PinyinOutput extends StepOutput {
  /** number of annotations removed */
  removed: number;
}

// A Han character, then latin letters (tone marks allowed, or one tone digit 1–5) in half- or
// full-width parentheses: `嚴(yán)`, `務(wu)`, `務（wu4）`. `封(管)控` and `(記者 祁夢竹)` never match.
const ANNOTATED = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（]([a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜêếềńňǹḿ]{1,7}[1-5]?)[)）]/gu;

let toSimplifiedChar: ((text: string) => string) | undefined;

// Readings of `char` as pinyin-pro gives them, in one tone style; [] when it does not know the character.
function readingsOf(char: string, toneType: "symbol" | "num" | "none"): string[] {
  const read = (c: string): string[] =>
    pinyin(c, { multiple: true, type: "array", toneType }).filter((r) => r !== c && /^[a-zü]+[1-5]?$/u.test(r.normalize("NFD").replace(/[\u0300-\u036f]/gu, "")));
  const direct = read(char);
  if (direct.length > 0) return direct;
  // 囉 and other Traditional characters pinyin-pro does not know: read their Simplified form.
  toSimplifiedChar ??= OpenCC.Converter({ from: "hk", to: "cn" });
  const simplified = toSimplifiedChar(char);
  return simplified === char ? [] : read(simplified);
}

// Lower case, ü and v as one letter.
function normalizeLetters(text: string): string {
  return text.toLowerCase().replace(/v/gu, "ü").normalize("NFC");
}

// Strip tone marks: `yán` → `yan`, `lǜ` → `lü`.
function stripTones(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300\u0301\u0304\u030c]/gu, "")
    .normalize("NFC");
}

/**
 * True when `annotation` is a reading of `char`: `isReadingOf("嚴", "yán")`, `isReadingOf("務", "wu")`
 * (no tone mark: compared without tones), `isReadingOf("務", "wu4")` (tone digit). False for letters
 * that are not a reading (`isReadingOf("酸", "a")`) and for characters pinyin-pro cannot read.
 */
export function isReadingOf(char: string, annotation: string): boolean {
  const wanted = normalizeLetters(annotation);
  if (/[1-5]$/u.test(wanted)) return readingsOf(char, "num").some((r) => normalizeLetters(r) === wanted);
  const hasTone = stripTones(wanted) !== wanted;
  if (hasTone) return readingsOf(char, "symbol").some((r) => normalizeLetters(r) === wanted);
  return readingsOf(char, "none").some((r) => stripTones(normalizeLetters(r)) === wanted);
}

/**
 * Remove every pinyin annotation that is a reading of the character before it:
 * `風(fēng)險(xiǎn)點(diǎn)` → `風險點`. Real parentheses stay: `封(管)控`, `社區(村)`, `核酸(a)`, `(新)`.
 * The kept character maps to itself; the annotation's code units vanish from the map.
 */
export function removePinyin(text: string): PinyinOutput {
  let removed = 0;
  const out = rewrite(text, ANNOTATED, (m) => {
    if (!isReadingOf(m[1]!, m[2]!)) return m[0];
    removed++;
    return m[1]!;
  });
  return { ...out, removed };
}
