import { describe, expect, it } from "vitest";
import { findLeadingAnnotation, isReadingOf, removePinyin } from "../../../src/pipeline/clean/pinyin.ts";

describe("removePinyin(text)", () => {
  it.each([
    ["全面嚴(yán)防死守", "全面嚴防死守", 1],
    ["管控風(fēng)險(xiǎn)點(diǎn)", "管控風險點", 3],
    ["頭等政治任務(wu),", "頭等政治任務,", 1],
    ["嚴（yán）格", "嚴格", 1],
    ["任務(wu4)", "任務", 1],
    ["封(管)控措施", "封(管)控措施", 0],
    ["社區(村)", "社區(村)", 0],
    ["(記者 祁夢竹 范俊生)", "(記者 祁夢竹 范俊生)", 0],
    ["核酸(a)", "核酸(a)", 0],
    ["(除4号楼外)", "(除4号楼外)", 0],
    ["社区(新)", "社区(新)", 0],
    ["風(xian)", "風(xian)", 0],
    ["Covid(Covid)", "Covid(Covid)", 0],
  ])("%j → %j (%i removed)", (input, expected, removed) => {
    const out = removePinyin(input);
    expect(out.text).toBe(expected);
    expect(out.removed).toBe(removed);
  });

  it("keeps each character mapped to its own index", () => {
    const out = removePinyin("風(fēng)險(xiǎn)點(diǎn)");
    expect(Array.from(out.map)).toEqual([0, 7, 14, 21]);
  });

  it("removes the reading of an astral character and keeps both its code units mapped to themselves", () => {
    const out = removePinyin("咬𬌗(hé)面");
    expect(out.text).toBe("咬𬌗面");
    expect(out.removed).toBe(1);
    expect(Array.from(out.map)).toEqual([0, 1, 2, 7, 8]);
  });
});

describe("findLeadingAnnotation(text)", () => {
  it.each([
    ["(xiàn)在", "xiàn"],
    ["（wu4）", "wu4"],
    ["(ê)", "ê"],
    ["(ḿ)", "ḿ"],
    ["(LÜ)", "LÜ"],
    ["(管)", undefined],
    [" (xiàn)", undefined],
    ["(abcdefgh)", undefined],
    ["", undefined],
  ])("%j → %j", (text, expected) => {
    expect(findLeadingAnnotation(text)).toBe(expected);
  });
});

describe("isReadingOf(char, annotation)", () => {
  it.each([
    ["嚴", "yán", true],
    ["嚴", "yan", true],
    ["嚴", "yàn", false],
    ["務", "wu", true],
    ["務", "wu4", true],
    ["務", "wu3", false],
    ["綠", "lv", true],
    ["綠", "lǜ", true],
    ["酸", "a", false],
  ])("%s read %s: %s", (char, annotation, expected) => {
    expect(isReadingOf(char, annotation)).toBe(expected);
  });
});
