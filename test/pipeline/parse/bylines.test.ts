import { describe, expect, it } from "vitest";
import { findDatelineOutlet, findEditor, findReporters, findSource, isOutletName, normalizeOutlet, type BylineValue } from "../../../src/pipeline/parse/bylines.ts";
import type { MetadataField, MetadataKey } from "../../../src/pipeline/records.ts";
import { getReference } from "../../support/pipeline.ts";

const { outlets } = await getReference();

const meta = (...fields: Array<[MetadataKey, string]>): MetadataField[] => fields.map(([key, value], i) => ({ key, value, span: [i * 10, i * 10 + value.length] }));

/** A value read from the decoded source at `span`, or from `bylineLines[line]` at `span`. */
const inSource = (value: string, span: [number, number]): BylineValue => ({ value, in: "source", line: null, span });
const inLine = (value: string, line: number, span: [number, number]): BylineValue => ({ value, in: "line", line, span });

describe("findSource(metadata, bylineLines)", () => {
  it.each([
    [meta(["source", "经济日报"], ["dateline", "人民网北京5月6日电"]), [], inSource("经济日报", [0, 4])],
    [meta(["author", "佚名"], ["source", "北京纪检监察网"]), [], inSource("北京纪检监察网", [10, 17])],
    [meta(["author", "新浪财经"]), [], inSource("新浪财经", [0, 4])],
    [meta(["author", "王健恩"]), [], null],
    // The outlet's part of the dateline.
    [meta(["dateline", "中新网北京11月27日电"]), [], inSource("中新网", [0, 3])],
    [meta(["dateline", "本报讯"]), [], null],
    [meta(["dateline", "北京4月29日电"]), [], null],
    [meta(["source", "北京日报微信公众号"]), [], inSource("北京日报", [0, 4])],
    [[], ["北京日报微信大众号 | 记者 张力 见习记者 李俊瑶"], inLine("北京日报", 0, [0, 4])],
    [[], ["正文", " 東京櫻花団-Tokyo Sakura Group 转载自 GNews"], inLine("GNews", 1, [30, 35])],
    [[], ["会议强调,要严格。"], null],
  ] as const)("%j %j → %j", (metadata, lines, want) => {
    const found = findSource(metadata, lines, outlets);
    expect(found).toEqual(want);
    if (found?.in === "line") expect(lines[found.line!]!.slice(...found.span)).toBe(found.value);
  });

  it("spans the whole field when its value is not as long as the source text (pinyin removed)", () => {
    // 北(běi)京(jīng)日(rì)報(bào) in the file → 北京日报.
    expect(findSource([{ key: "source", value: "北京日报", span: [40, 60] }], [], outlets)).toEqual(inSource("北京日报", [40, 60]));
  });
});

describe("findReporters(metadata)", () => {
  it("keeps order, drops repeats and cut-off names, each with its first field's span", () => {
    expect(findReporters(meta(["reporter", "祁梦竹"], ["reporter", "范俊生"], ["reporter", "祁梦竹"], ["reporter", "刘"]))).toEqual([
      inSource("祁梦竹", [0, 3]),
      inSource("范俊生", [10, 13]),
    ]);
  });
  it("spans the whole field of a name read through pinyin (seed 000: 祁夢(mèng)竹)", () => {
    expect(findReporters([{ key: "reporter", value: "祁梦竹", span: [160, 169] }])).toEqual([inSource("祁梦竹", [160, 169])]);
  });
});

describe("findEditor(metadata, bylineLines)", () => {
  it.each([
    [meta(["editor", "鲍聪颖、高星"]), [], inSource("鲍聪颖、高星", [0, 6])],
    [meta(["editor", "刘"]), [], null],
    [meta(["editor", "刘"], ["editor", "团队｜王健恩"]), [], inSource("王健恩", [13, 16])],
    [[], ["整理编辑：东京樱花团｜Garrettw Omicron与Delta两面夹击"], inLine("Garrettw", 0, [11, 19])],
    [[], [], null],
  ] as const)("%j %j → %j", (metadata, lines, want) => {
    const found = findEditor(metadata, lines);
    expect(found).toEqual(want);
    if (found?.in === "line") expect(lines[found.line!]!.slice(...found.span)).toBe(found.value);
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
    expect(isOutletName(name, outlets)).toBe(want);
  });
  it("normalizes account suffixes and reads datelines", () => {
    expect(normalizeOutlet(" 北京日报微信大众号 ", outlets)).toBe("北京日报");
    expect(findDatelineOutlet("人民网北京5月6日电", outlets)).toBe("人民网");
    expect(findDatelineOutlet("本报北京今日电", outlets)).toBeNull();
  });
});
