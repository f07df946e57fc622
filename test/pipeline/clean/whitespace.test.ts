import { describe, expect, it } from "vitest";
import { cleanWhitespace } from "../../../src/pipeline/clean/whitespace.ts";

describe("cleanWhitespace(text)", () => {
  it.each([
    ["a\r\nb\rc", "a\nb\nc"],
    ["\u3000\u3000原标题：0新增\u3000", "原标题：0新增"],
    ["全面严防死守\u3000以最快速度管控风险点", "全面严防死守 以最快速度管控风险点"],
    ["时间:2022-04-29 20:03:00      作者:佚名", "时间:2022-04-29 20:03:00 作者:佚名"],
    ["a\t\u00a0 b", "a b"],
    ["\n\n  \n第一段\n\n\n第二段\n\n", "第一段\n第二段"],
    ["零\u200b宽\ufeff字\u200d符", "零宽字符"],
    ["北京:全力 (記者)", "北京:全力 (記者)"],
    ["冒号:与：不变", "冒号:与：不变"],
    ["", ""],
    [" \u3000\r\n\t", ""],
  ])("cleans %j to %j", (input, expected) => {
    expect(cleanWhitespace(input).text).toBe(expected);
  });

  it("maps every kept character to its own index and separators to the whitespace they replace", () => {
    const input = "  ab\u3000 c\r\n\r\nd ";
    const { text, map } = cleanWhitespace(input);
    expect(text).toBe("ab c\nd");
    expect(Array.from(map)).toEqual([2, 3, 4, 6, 7, 11, 13]);
    for (let i = 0; i < text.length; i++) if (text[i] !== " " && text[i] !== "\n") expect(input[map[i]!]).toBe(text[i]);
  });
});
