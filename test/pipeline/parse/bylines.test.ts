import { describe, expect, it } from "vitest";
import { findDatelineOutlet, findEditor, findReporters, findSource, isOutletName, normalizeOutlet } from "../../../src/pipeline/parse/bylines.ts";
import type { MetadataField, MetadataKey } from "../../../src/pipeline/records.ts";

const meta = (...fields: Array<[MetadataKey, string]>): MetadataField[] => fields.map(([key, value], i) => ({ key, value, span: [i * 10, i * 10 + value.length] }));

describe("findSource(metadata, bylineLines)", () => {
  it.each([
    [meta(["source", "经济日报"], ["dateline", "人民网北京5月6日电"]), [], "经济日报"],
    [meta(["author", "佚名"], ["source", "北京纪检监察网"]), [], "北京纪检监察网"],
    [meta(["author", "新浪财经"]), [], "新浪财经"],
    [meta(["author", "王健恩"]), [], null],
    [meta(["dateline", "中新网北京11月27日电"]), [], "中新网"],
    [meta(["dateline", "本报讯"]), [], null],
    [meta(["dateline", "北京4月29日电"]), [], null],
    [meta(["source", "北京日报微信公众号"]), [], "北京日报"],
    [[], ["北京日报微信大众号 | 记者 张力 见习记者 李俊瑶"], "北京日报"],
    [[], ["東京櫻花団-Tokyo Sakura Group 转载自GNews"], "GNews"],
    [[], ["会议强调,要严格。"], null],
  ] as const)("%j %j → %s", (metadata, lines, want) => {
    expect(findSource(metadata, lines)).toBe(want);
  });
});

describe("findReporters(metadata)", () => {
  it("keeps order, drops repeats and cut-off names", () => {
    expect(findReporters(meta(["reporter", "祁梦竹"], ["reporter", "范俊生"], ["reporter", "祁梦竹"], ["reporter", "刘"]))).toEqual(["祁梦竹", "范俊生"]);
  });
});

describe("findEditor(metadata, bylineLines)", () => {
  it.each([
    [meta(["editor", "鲍聪颖、高星"]), [], "鲍聪颖、高星"],
    [meta(["editor", "刘"]), [], null],
    [[], ["整理编辑：东京樱花团｜Garrettw Omicron与Delta两面夹击"], "Garrettw"],
    [[], [], null],
  ] as const)("%j %j → %s", (metadata, lines, want) => {
    expect(findEditor(metadata, lines)).toBe(want);
  });
});

describe("outlet names", () => {
  it.each([
    ["央视网", true],
    ["人民日报客户端", true],
    ["新浪财经", true],
    ["王健恩", false],
    ["佚名", false],
    ["本报", false],
  ])("isOutletName(%s) is %s", (name, want) => {
    expect(isOutletName(name)).toBe(want);
  });
  it("normalizes account suffixes and reads datelines", () => {
    expect(normalizeOutlet(" 北京日报微信大众号 ")).toBe("北京日报");
    expect(findDatelineOutlet("人民网北京5月6日电")).toBe("人民网");
    expect(findDatelineOutlet("本报北京今日电")).toBeNull();
  });
});
