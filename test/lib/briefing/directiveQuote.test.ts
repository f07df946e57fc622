import { describe, expect, it } from "vitest";
import { getDirectiveQuote } from "../../../src/lib/briefing/directiveQuote.ts";

describe("getDirectiveQuote(text, speaker)", () => {
  it.each([
    ["余卫国强调,要紧盯疫情防控形势,不做“围观者”,积极主动作为。", "余卫国", "要紧盯疫情防控形势,不做‘围观者’,积极主动作为。"],
    ["蔡奇在检查时强调,海淀区要严格落实", "蔡奇", "海淀区要严格落实"],
    ["他指出：要抓紧", "余卫国", "要抓紧"],
    ["在密云区会议上,余卫国强调,要把", "余卫国", "在密云区会议上,余卫国强调,要把"],
    ["会议强调,流调溯源工作要抓紧。“", "会议", "流调溯源工作要抓紧。‘"],
    ["会议要求各单位落实", "会议", "会议要求各单位落实"],
  ])("quotes %s (speaker %s) as %s", (text, speaker, quote) => expect(getDirectiveQuote(text, speaker)).toBe(quote));
});
