/**
 * Pinyin annotations (拼音注音): some district sites print a reading after each character, `嚴(yán)`,
 * `風(fēng)險(xiǎn)點(diǎn)`, `任務(wu)`. They are removed only when they are a reading of the character before.
 */
import { pinyin } from "pinyin-pro";
import { HAN_PATTERN } from "./commonChars.ts";
import { rewrite } from "./offsets.ts";
import type { StepOutput } from "./offsets.ts";
import { convertToSimplified } from "./traditional.ts";

/** Output of `removePinyin`. */
export interface PinyinOutput extends StepOutput {
  /** number of annotations removed */
  removed: number;
}

// Latin letters (tone marks allowed, or one tone digit 1–5) in half- or full-width parentheses:
// `(yán)`, `(wu)`, `（wu4）`, `(ê)`, `(ḿ)`. `(管)` and `(記者 祁夢竹)` never match.
const ANNOTATION = "[(（]([a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜêếềńňǹḿ]{1,7}[1-5]?)[)）]";

// A Han character, then an annotation: `嚴(yán)`, `務(wu)`, `務（wu4）`, `𠮷(jí)`.
const ANNOTATED = new RegExp(`(${HAN_PATTERN})${ANNOTATION}`, "gu");

// An annotation at the start of a text: `(xiàn)` in `?,F(xiàn)`.
const LEADING_ANNOTATION = new RegExp(`^${ANNOTATION}`, "u");

/**
 * The letters of the pinyin annotation that `text` starts with, tone digit included:
 * `findLeadingAnnotation("(xiàn)在")` → "xiàn", `findLeadingAnnotation("（wu4）")` → "wu4". Undefined
 * when `text` does not start with one (`"(管)"`, `" (xiàn)"`). Whether the letters are a reading of a
 * character is `isReadingOf`'s question.
 */
export function findLeadingAnnotation(text: string): string | undefined {
  return LEADING_ANNOTATION.exec(text)?.[1];
}

// Readings of `char` as pinyin-pro gives them, in one tone style; [] when it does not know the character.
function readingsOf(char: string, toneType: "symbol" | "num" | "none"): string[] {
  const read = (c: string): string[] =>
    pinyin(c, { multiple: true, type: "array", toneType }).filter((r) => r !== c && /^[a-zü]+[1-5]?$/u.test(r.normalize("NFD").replace(/[\u0300-\u036f]/gu, "")));
  const direct = read(char);
  if (direct.length > 0) return direct;
  // 囉 and other Traditional characters pinyin-pro does not know: read their Simplified form.
  const simplified = convertToSimplified(char);
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
