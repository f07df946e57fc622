import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { findDistricts } from "../../../src/pipeline/parse/districts.ts";
import { parseDistrictAliases, parseGazetteer, withDistrictAliases } from "../../../src/pipeline/parse/gazetteer.ts";
import type { Gazetteer } from "../../../src/pipeline/parse/gazetteer.ts";

function loadGazetteer(): Gazetteer {
  const read = (file: string): string => readFileSync(path.resolve(process.cwd(), "data/reference", file), "utf8");
  const base = parseGazetteer(read("gazetteer.csv"), "data/reference/gazetteer.csv");
  const aliases = parseDistrictAliases(read("district-aliases.csv"), "data/reference/district-aliases.csv", base.value!);
  if (base.issues.length > 0 || aliases.issues.length > 0) throw new Error("reference data has issues");
  return withDistrictAliases(base.value!, aliases.value!);
}

const gazetteer = loadGazetteer();

describe("findDistricts(text, gazetteer)", () => {
  it.each([
    ["北京市东城区召开疫情防控会议", ["东城区"]],
    ["东城区召开疫情防控会议", ["东城区"]],
    ["郑州市东城区召开疫情防控会议", []],
    ["北京朝阳潘家园街道松榆西里社区调为高风险地区", ["朝阳区"]],
    ["房山窦店镇于庄村调为高风险地区", ["房山区"]],
    ["海淀四季青镇西冉村解除全域管控", ["海淀区"]],
    ["在丰台花乡、大兴西红门镇先后升为高风险地区之后", ["丰台区", "大兴区"]],
    ["北京市丰台区新村街道、大兴区黄村（地区）镇升为高风险", ["丰台区", "大兴区"]],
    ["朝阳区:十八里店(地区)乡", ["朝阳区"]],
    ["古北口镇开展疫情防控检查", ["密云区"]],
    // 010: the run before a known town is not an unknown street of another city.
    ["之后,喻华锋在位于军庄镇的区转运专班指挥部察看了建设进展", ["门头沟区"]],
    ["喻华锋来到军庄镇政府,听取该镇疫情防控情况汇报后", ["门头沟区"]],
    ["朝阳群众积极参与,大兴调查研究之风", []],
    ["北京经济技术开发区召开疫情防控会议,经开区新增3例", []],
    ["北京亦庄镇", []],
    ["北京化工大学昌平校区报告新增感染者", ["昌平区"]],
    ["昌平校区报告新增感染者", []],
    ["分区来看:朝阳区938例,海淀区44例", ["朝阳区", "海淀区"]],
    ["分区来看:向阳区938例,海淀区44例", ["朝阳区", "海淀区"]],
    ["向阳区召开会议", []],
    ["海淀区是事关全市疫情防控大局的关键之地", ["海淀区"]],
    ["北京新发地聚集性疫情", ["丰台区"]],
    ["闭环内的酒店或冬奥村", []],
    ["延庆区、海淀区、东城区", ["东城区", "海淀区", "延庆区"]],
    ["", []],
  ])("%s → %j", (text, districts) => {
    expect(findDistricts(text, gazetteer).districts).toEqual(districts);
  });

  it("returns the mentions that counted, with spans into the text", () => {
    expect(findDistricts("北京朝阳潘家园街道办松榆西里居住区", gazetteer).mentions).toEqual([
      { district: "朝阳区", found: "朝阳", span: [2, 4] },
      { district: "朝阳区", found: "潘家园街道办", span: [4, 10] },
      { district: "朝阳区", found: "松榆西里", span: [10, 14] },
    ]);
  });

  it("says why 郑州市东城区 is not Beijing's", () => {
    expect(findDistricts("郑州市东城区召开会议", gazetteer)).toEqual({
      districts: [],
      mentions: [],
      otherCity: { reason: '"郑州市东城区" names 东城区 of a city other than Beijing', span: [0, 6] },
    });
  });

  it("keeps Beijing's districts and drops another city's in a text tied to Beijing", () => {
    expect(findDistricts("北京市海淀区通报:1例来自郑州市东城区", gazetteer)).toMatchObject({ districts: ["海淀区"], otherCity: null });
  });

  it("reports 032's trap: 东城区 with streets Beijing does not have and nothing tying it to Beijing", () => {
    const text = [
      "东城区关于新增部分区域为封控区的通告(一)",
      "经东城区疫情防控指挥部办公室研究决定,现将下列区域新增划定为封控区:",
      "半截河街道办事处:一品蓝湾小区13号楼,孙湾小区6号楼。",
      "天宝路街道办事处:南海街瑞贝卡兴天下小区8号楼。",
      "祖师街道办事处:郭集社区",
    ].join("\n");
    const found = findDistricts(text, gazetteer);
    expect(found.districts).toEqual([]);
    expect(found.otherCity).toEqual({
      reason: '"半截河街道" is not a street of 东城区 in Beijing, and nothing in the text ties it to Beijing',
      span: [text.indexOf("半截河"), text.indexOf("半截河") + 5],
    });
    // With a tie to Beijing the same names are Beijing's.
    expect(findDistricts(`北京市${text}`, gazetteer).districts).toEqual(["东城区"]);
  });

  it("never throws on odd input", () => {
    for (const text of ["区", "北京", "(地区)", "朝阳".repeat(1000), "\u0000\uFFFD", "街道街道镇乡"]) {
      expect(() => findDistricts(text, gazetteer)).not.toThrow();
    }
  });
});

// The corpus: each report's clean text, approximated here (the clean stage is another module): the readable
// reports/src/NNN.txt where the report is not UTF-8, else the report itself; Traditional → Simplified with opencc-js
// and `(pinyin)` annotations removed.
const corpus = path.resolve(process.cwd(), "../shared/corpus");
if (!existsSync(corpus)) console.warn(`skipping the corpus test: ${corpus} is absent`);

describe.skipIf(!existsSync(corpus))("findDistricts on the corpus", () => {
  const toSimplified = OpenCC.Converter({ from: "hk", to: "cn" });
  const approximateCleanText = (id: string, file: string): string => {
    const bytes = readFileSync(path.join(corpus, "reports", file));
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = readFileSync(path.join(corpus, "reports/src", `${id}.txt`), "utf8");
    }
    return toSimplified(text).replace(/\(\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*\)/gi, "");
  };
  const order = gazetteer.districts.map((d) => d.name);
  const inCodeOrder = (names: string[]): string[] => [...names].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  // Listed when the test runs: a skipped describe still runs its body when the tests are collected.
  const listReports = (): string[] =>
    readdirSync(path.join(corpus, "reports"))
      .filter((f) => /^\d{3}\.(txt|html|md)$/.test(f))
      .sort();

  // Misses, with the reason: 021 keeps a related-links line (丰台区多个社区解除管控) that the clean stage removes;
  // 030's label lists 延庆区, which its text never names.
  const KNOWN_MISSES = ["021", "030"];

  it("gets at least 33 of the 35 labelled reports exactly right", () => {
    const results = listReports().map((file) => {
      const id = file.slice(0, 3);
      const label = JSON.parse(readFileSync(path.join(corpus, "labels", `${id}.json`), "utf8")) as {
        document: { districts: string[]; beijing: boolean };
      };
      const found = findDistricts(approximateCleanText(id, file), gazetteer);
      const want = inCodeOrder(label.document.districts);
      const ok = JSON.stringify(found.districts) === JSON.stringify(want);
      return { id, ok, got: found.districts.join(" "), want: want.join(" "), otherCity: found.otherCity !== null, beijing: label.document.beijing };
    });
    const lines = results.map((r) => `${r.id} ${r.ok ? "ok  " : "MISS"} got [${r.got}]${r.ok ? "" : ` want [${r.want}]`}`);
    console.log(`findDistricts on the corpus:\n${lines.join("\n")}`);
    expect(results.filter((r) => !r.ok).map((r) => r.id)).toEqual(KNOWN_MISSES);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(33);
    // otherCity is set exactly for the reports labelled as not about Beijing (032).
    expect(results.filter((r) => r.otherCity).map((r) => r.id)).toEqual(results.filter((r) => !r.beijing).map((r) => r.id));
  });
});
