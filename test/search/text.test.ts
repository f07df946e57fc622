/**
 * src/search/text.js: what the index and the search page both cut text into. Offsets must survive normalization
 * (the page marks matches in the original text with the index's positions), and a query must give the keys the text did.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getShard, isWordUnit, listPhraseKeys, normalizeSearchText, parseQuery } from "../../src/search/text.js";

describe("normalizeSearchText(text)", () => {
  it("makes fullwidth ASCII plain and Latin letters lower-case, leaving Chinese and Chinese punctuation", () => {
    expect(normalizeSearchText("ＣＯＶＩＤ－１９新冠肺炎，Omicron BA.5。")).toBe("covid-19新冠肺炎,omicron ba.5。");
    expect(normalizeSearchText("古北口镇")).toBe("古北口镇");
  });

  it("keeps every offset: one UTF-16 unit in, one out, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const once = normalizeSearchText(text);
        expect(once.length).toBe(text.length);
        expect(normalizeSearchText(once)).toBe(once);
        for (let i = 0; i < text.length; i++) if (!/[A-Z\uff01-\uff5e]/.test(text[i] ?? "")) expect(once[i]).toBe(text[i]);
      }),
    );
  });
});

describe("isWordUnit(code)", () => {
  it("counts letters, Chinese characters, digits and both halves of a surrogate pair, not spaces or punctuation", () => {
    for (const ch of ["古", "a", "Z", "7", "é", "\ud840", "\udc00"]) expect(isWordUnit(ch.charCodeAt(0)), ch).toBe(true);
    for (const ch of [" ", "，", "。", "、", "-", "(", "\n", "\u3000", "“"]) expect(isWordUnit(ch.charCodeAt(0)), JSON.stringify(ch)).toBe(false);
  });
});

describe("parseQuery(query)", () => {
  it("splits on spaces and punctuation, normalizes, drops repeats and sets single characters apart", () => {
    expect(parseQuery("  核酸检测 古北口，核酸检测 ")).toEqual({ phrases: ["核酸检测", "古北口"], singles: [] });
    expect(parseQuery("ＣＯＶＩＤ-19 疫 情")).toEqual({ phrases: ["covid", "19"], singles: ["疫", "情"] });
    expect(parseQuery("，。 ")).toEqual({ phrases: [], singles: [] });
  });
});

describe("listPhraseKeys(phrase)", () => {
  it("covers the phrase with pairs at even offsets and the last pair", () => {
    expect(listPhraseKeys("古北")).toEqual([[0, "古北"]]);
    expect(listPhraseKeys("古北口")).toEqual([[0, "古北"], [1, "北口"]]);
    expect(listPhraseKeys("核酸检测")).toEqual([[0, "核酸"], [2, "检测"]]);
    expect(listPhraseKeys("北京市海淀区")).toEqual([[0, "北京"], [2, "市海"], [4, "淀区"]]);
  });

  it("covers every unit of any phrase of two units or more", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 30 }), (phrase) => {
        const covered = new Set<number>();
        for (const [offset, key] of listPhraseKeys(phrase)) {
          expect(key).toBe(phrase.slice(offset, offset + 2));
          covered.add(offset).add(offset + 1);
        }
        expect(covered.size).toBe(phrase.length);
      }),
    );
  });
});

describe("getShard(key, shardCount)", () => {
  it("stays within the shards and spreads Chinese pairs over them", () => {
    const counts = new Array<number>(64).fill(0);
    for (let a = 0x4e00; a < 0x4e00 + 100; a++) for (let b = 0x5e00; b < 0x5e00 + 100; b++) counts[getShard(String.fromCharCode(a, b), 64)]! += 1;
    // 10,000 pairs in 64 shards: 156 each on average; a hash that kept only the low bits of one unit would leave most empty.
    expect(Math.min(...counts)).toBeGreaterThan(100);
    expect(Math.max(...counts)).toBeLessThan(220);
    expect(getShard("古北", 1)).toBe(0);
  });
});
