import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../../src/pipeline/clean/clean.ts";
import { isHan } from "../../../src/pipeline/clean/commonChars.ts";
import { convertLines } from "../../../src/pipeline/clean/traditional.ts";
import { decodedOf, getContext } from "./cleanFixtures.ts";

const ctx = getContext();

// Han characters with a known reading, Simplified and Traditional, to build report-like bodies.
const READINGS: Array<[string, string]> = [
  ["嚴", "yán"], ["風", "fēng"], ["險", "xiǎn"], ["點", "diǎn"], ["務", "wu"], ["區", "qū"], ["時", "shí"],
  ["會", "huì"], ["議", "yì"], ["強", "qiáng"], ["調", "diào"], ["防", "fáng"], ["控", "kòng"], ["疫", "yì"],
  ["情", "qíng"], ["社", "shè"], ["检", "jiǎn"], ["测", "cè"], ["核", "hé"], ["酸", "suān"], ["管", "guǎn"],
  ["北", "běi"], ["京", "jīng"], ["市", "shì"], ["要", "yào"], ["落", "luò"], ["实", "shí"], ["人", "rén"],
];
const PUNCTUATION = ["，", "。", "、", ",", "：", "“", "”", "；"];

const hanChar = fc.constantFrom(...READINGS);
// One sentence: Han characters, some annotated with their reading, some punctuation.
const sentence = fc
  .array(fc.tuple(hanChar, fc.boolean(), fc.option(fc.constantFrom(...PUNCTUATION), { freq: 4 })), { minLength: 4, maxLength: 30 })
  .map((parts) => ({
    text: parts.map(([[char, reading], annotate, punct]) => char + (annotate ? `(${reading})` : "") + (punct ?? "")).join("") + "。",
    han: parts.map(([[char]]) => char).join(""),
  }));
const chromeExamples = ctx.chrome.rules
  .filter((rule) => rule.action === "drop-line" || (rule.action === "lift" && !rule.pattern.source.includes("keep")))
  .map((rule) => rule.example);

describe("cleanText properties", () => {
  it("never throws on arbitrary strings, and its map stays in bounds and non-decreasing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), (text) => {
        const result = cleanText(decodedOf(text), ctx);
        const value = result.value!;
        expect(value.toSource.length).toBe(value.text.length + 1);
        for (let i = 0; i < value.toSource.length; i++) {
          expect(value.toSource[i]!).toBeGreaterThanOrEqual(i === 0 ? 0 : value.toSource[i - 1]!);
          expect(value.toSource[i]!).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent: cleaning the clean text again gives the same text", () => {
    const body = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.map((s) => s.text).join("\n"));
    const anything = fc.oneof(body, fc.string({ unit: "grapheme" }));
    fc.assert(
      fc.property(anything, (text) => {
        const once = cleanText(decodedOf(text), ctx).value!.text;
        const twice = cleanText(decodedOf(once), ctx).value!.text;
        expect(twice).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps every Han character of a body, in order, with chrome lines around it", () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom(...chromeExamples), { maxLength: 3 }),
        fc.array(fc.constantFrom(...chromeExamples), { maxLength: 3 }),
        (sentences, before, after) => {
          const text = [...before, ...sentences.map((s) => s.text), ...after].join("\r\n\u3000\u3000");
          const value = cleanText(decodedOf(text), ctx).value!;
          // Only a Traditional text is converted; whether this one is depends on the chrome around it.
          const han = sentences.map((s) => s.han).join("");
          const expectedHan = value.script === "traditional" ? convertLines(han).text : han;
          const bodyHan = Array.from(value.text).filter(isHan).join("");
          expect(bodyHan.includes(expectedHan)).toBe(true);
          expect(value.pinyinRemoved).toBe((sentences.map((s) => s.text).join("").match(/\(/gu) ?? []).length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("maps every clean character that conversion did not change back to the same character", () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.string({ unit: "grapheme", maxLength: 20 }), (sentences, noise) => {
        const source = `  ${noise}\n${sentences.map((s) => s.text).join("\n\n")}\t`;
        const value = cleanText(decodedOf(source), ctx).value!;
        for (let i = 0; i < value.text.length; i++) {
          const code = value.text.charCodeAt(i);
          if (code >= 0xdc00 && code <= 0xdfff && i > 0) continue; // second half of a surrogate pair
          const char = String.fromCodePoint(value.text.codePointAt(i)!);
          const at = value.toSource[i]!;
          if (char === "\n" || char === " ") continue;
          // Characters T→S changed map to their original (a code point, maybe astral: U+2F800 → 丽):
          // check it converts to this one.
          const original = String.fromCodePoint(source.codePointAt(at) ?? 0);
          if (original !== char) expect(convertLines(original).text).toContain(char);
        }
      }),
      { numRuns: 150 },
    );
  });
});
