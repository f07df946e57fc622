import { describe, expect, it } from "vitest";
import { parseChineseNumeral, parseCount } from "../../../src/pipeline/extract/chineseNumerals.ts";

describe("parseChineseNumeral(text)", () => {
  it.each([
    ["十", 10], ["十二", 12], ["三十七", 37], ["五十五", 55], ["一百零五", 105], ["两千", 2000], ["一万二千", 12000], ["零", 0], ["二〇", 20],
  ])("reads %s as %d", (text, value) => expect(parseChineseNumeral(text)).toBe(value));
  it.each(["", "十十", "万万", "三例", "abc"])("returns null for %j", (text) => expect(parseChineseNumeral(text)).toBeNull());
});

describe("parseCount(text)", () => {
  it.each([["12", 12], ["2,586", 2586], ["１２", 12], ["三十七", 37]])("reads %s as %d", (text, value) => expect(parseCount(text)).toBe(value));
  it("returns null for a malformed thousands group", () => expect(parseCount("2,58")).toBeNull());
});
