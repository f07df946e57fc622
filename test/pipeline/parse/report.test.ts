import { describe, expect, it } from "vitest";
import { cleanText } from "../../../src/pipeline/clean/clean.ts";
import { decodeSource } from "../../../src/pipeline/decode/source.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { parseReport, type ParseContext } from "../../../src/pipeline/parse/report.ts";
import type { SuppliedFields } from "../../../src/pipeline/records.ts";
import { getReference } from "../../support/pipeline.ts";
import { decodedOf } from "../clean/cleanFixtures.ts";

const reference = await getReference();
const ctx: ParseContext = { gazetteer: reference.gazetteer, outlets: reference.outlets, genres: reference.genres, today: "2023-01-01" };

/** Parse `text` as the file data/raw/reports/x.txt, through the real decode and clean stages. */
function parse(text: string, supplied: SuppliedFields = {}) {
  const path = "data/raw/reports/x.txt";
  const decoded = decodeSource({ path, bytes: new TextEncoder().encode(text) }).value;
  if (decoded === null) throw new Error(`test input does not decode: ${JSON.stringify(text)}`);
  const clean = cleanText(decoded, { chrome: reference.chrome }).value!;
  return parseReport({ decoded, clean, id: "x", sha256: "00", supplied }, ctx);
}
const issuesOf = (r: ReturnType<typeof parse>) => r.issues.map(formatIssue).join("\n");

const SEED = [
  "北京:全面严防死守 以最快速度管控风险点阻断病毒传播",
  "蔡奇到海淀区检查疫情处置工作时强调",
  "全面严防死守 以最快速度管控风险点阻断病毒传播",
  "魏小东张延昆一同检查",
  "时间:2022-05-06",
  "本报讯(记者 祁梦竹 范俊生)昨天下午,市委书记蔡奇到海淀区检查疫情处置工作。海淀区要严格落实提级管控措施。",
  "(责任编辑:王健恩)",
].join("\n");

describe("parseReport(input, ctx)", () => {
  it("reads headlines, bylines, dates, districts, paragraphs and sentences", () => {
    const { value, issues } = parse(SEED);
    expect(issues).toEqual([]);
    expect(value).toMatchObject({
      id: "x",
      path: "data/raw/reports/x.txt",
      title: "全面严防死守 以最快速度管控风险点阻断病毒传播",
      pre_title: "蔡奇到海淀区检查疫情处置工作时强调",
      subtitle: "魏小东张延昆一同检查",
      source: null,
      published_date: "2022-05-06",
      event_date: "2022-05-05",
      reporters: ["祁梦竹", "范俊生"],
      editor: "王健恩",
      districts: ["海淀区"],
      url: null,
      supplied: [],
    });
    const doc = value!;
    expect(doc.text.slice(...doc.body)).toBe("昨天下午,市委书记蔡奇到海淀区检查疫情处置工作。海淀区要严格落实提级管控措施。");
    expect(doc.paragraphs).toHaveLength(5);
    expect(doc.sentences.slice(-2).map((s) => doc.text.slice(...s.span))).toEqual(["昨天下午,市委书记蔡奇到海淀区检查疫情处置工作。", "海淀区要严格落实提级管控措施。"]);
  });

  it("lets supplied fields win and lists them sorted", () => {
    const { value } = parse(SEED, { url: "https://example.org/a", title: "编辑给的标题", published_date: "2022-05-07", districts: ["西城区", "东城区"] });
    expect(value).toMatchObject({
      title: "编辑给的标题",
      published_date: "2022-05-07",
      event_date: "2022-05-06",
      districts: ["东城区", "西城区"],
      url: "https://example.org/a",
      supplied: ["districts", "published_date", "title", "url"],
    });
  });

  it("keeps the span of the source each extracted field was read from", () => {
    const doc = parse(SEED).value!;
    expect(doc.original).toBe(SEED);
    expect(doc.provenance).toEqual({
      title: [[45, 68]],
      pre_title: [[27, 44]],
      subtitle: [[69, 79]],
      published_date: [[83, 93]],
      event_date: [[109, 111]],
      reporters: [[101, 104], [105, 108]],
      editor: [[155, 158]],
      districts: [[30, 33], [121, 124], [133, 136]],
    });
    expect(Object.keys(doc.provenance)).toEqual(["title", "pre_title", "subtitle", "published_date", "event_date", "reporters", "editor", "districts"]);
    const at = (field: keyof typeof doc.provenance) => doc.provenance[field]!.map(([s, e]) => SEED.slice(s, e));
    // The title line, not the web headline 北京:全面… above the 引题.
    expect(at("title")).toEqual(["全面严防死守 以最快速度管控风险点阻断病毒传播"]);
    expect(at("pre_title")).toEqual(["蔡奇到海淀区检查疫情处置工作时强调"]);
    expect(at("subtitle")).toEqual(["魏小东张延昆一同检查"]);
    expect(at("published_date")).toEqual(["2022-05-06"]);
    // 昨天下午 resolved against the publication date.
    expect(at("event_date")).toEqual(["昨天"]);
    expect(at("reporters")).toEqual(["祁梦竹", "范俊生"]);
    expect(at("editor")).toEqual(["王健恩"]);
    expect(at("districts")).toEqual(["海淀区", "海淀区", "海淀区"]);
  });

  it("gives supplied fields and null values no provenance", () => {
    const doc = parse(SEED, { title: "编辑给的标题", published_date: "2022-05-07", reporters: ["张力"], editor: "李平书", districts: ["西城区"], url: "https://example.org/a" }).value!;
    expect(doc.provenance).toEqual({ pre_title: [[27, 44]], subtitle: [[69, 79]], event_date: [[109, 111]] });
    expect(doc.source).toBeNull();
  });

  it("points a closing date line and byline lines at their place in the file", () => {
    const text = "北京多区加码防控措施\n北京日报微信公众号 | 记者 张力\n整理编辑：东京樱花团｜Garrettw\n顺义全区农村地区一律实行封闭式管理。\n2022年2月7日";
    const doc = parse(text).value!;
    expect(doc).toMatchObject({ source: "北京日报", reporters: ["张力"], editor: "Garrettw", published_date: "2022-02-07", event_date: "2022-02-07", districts: ["顺义区"] });
    const at = Object.fromEntries(Object.entries(doc.provenance).map(([field, spans]) => [field, spans.map(([s, e]) => text.slice(s, e))]));
    expect(at).toEqual({
      title: ["北京多区加码防控措施"],
      source: ["北京日报"],
      published_date: ["2022年2月7日"],
      event_date: ["2022年2月7日"],
      reporters: ["张力"],
      editor: ["Garrettw"],
      districts: ["顺义"],
    });
  });

  it("rejects a report without a title", () => {
    const r = parse("时间:2022-05-06\n8月5日晚,北京经开区防控指挥部召开第91次会议,对疫情防控工作作进一步研究和调度。");
    expect(r.value).toBeNull();
    expect(issuesOf(r)).toMatchInlineSnapshot(`
      "data/raw/reports/x.txt:2:1: report has no title: expected a headline line before the body, found body text "8月5日晚,北京经开区防控指挥部召开第9…"
        hint: add title: to data/raw/reports/x.meta.yaml"
    `);
  });

  it("rejects a report without any date", () => {
    const r = parse("北京多区加码防控措施\n顺义区委常委在昨天的发布会上介绍,顺义全区农村地区一律实行封闭式管理。");
    expect(r.value).toBeNull();
    expect(issuesOf(r)).toMatchInlineSnapshot(`
      "data/raw/reports/x.txt: report has no date: expected a publication time, a dated lead or a closing date line, found none
        hint: add published_date: YYYY-MM-DD (or event_date:) to data/raw/reports/x.meta.yaml"
    `);
  });

  it("rejects a report whose only date is not a calendar date, pointing at it", () => {
    const r = parse("北京多区加码防控措施\n发布时间:2022-13-01\n顺义全区农村地区一律实行封闭式管理。");
    expect(r.value).toBeNull();
    expect(issuesOf(r)).toMatchInlineSnapshot(`
      "data/raw/reports/x.txt:2:6: report date is not a date: expected YYYY-MM-DD or 2022年1月3日, found "2022-13-01"
        hint: fix the date in the source, or add published_date: YYYY-MM-DD to data/raw/reports/x.meta.yaml"
    `);
  });

  it("warns about a bad closing date beside a good one", () => {
    const r = parse("北京多区加码防控措施\n时间:2022-02-07\n顺义全区农村地区一律实行封闭式管理。\n2022年2月30日");
    expect(r.value?.published_date).toBe("2022-02-07");
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.column])).toEqual([["date-invalid", "warning", 4, 1]]);
  });

  it("reads the date closing a notice as published and event date", () => {
    const r = parse("东城区关于新增部分区域为封控区的通告(一)\n经研究决定,现将有关事项通告如下:\n本通告自发布之日起施行。\n2022年5月9日");
    expect(r.value).toMatchObject({ published_date: "2022-05-09", event_date: "2022-05-09" });
  });

  it("warns about dates outside 2019-12-01 … today", () => {
    const r = parse("北京多区加码防控措施\n时间:2019-11-30\n11月29日,顺义全区农村地区一律实行封闭式管理。");
    expect(r.value?.event_date).toBe("2019-11-29");
    expect(issuesOf(r)).toMatchInlineSnapshot(`
      "data/raw/reports/x.txt:2:4: report published date is out of range: expected a date from 2019-12-01 to 2023-01-01, found "2019-11-30"
        hint: check the date; if it is right, nothing to do
      data/raw/reports/x.txt:3:1: report event date is out of range: expected a date from 2019-12-01 to 2023-01-01, found "2019-11-29"
        hint: check the date; if it is right, nothing to do"
    `);
    expect(parse("北京多区加码防控措施\n时间:2023-01-02\n顺义全区农村地区一律实行封闭式管理。").issues.map((i) => i.code)).toEqual(["date-out-of-range"]);
  });

  it("orders supplied districts and drops repeats (they were checked in supplied.ts)", () => {
    const r = parse(SEED, { districts: ["海淀区", "东城区", "海淀区"] });
    expect(r.value?.districts).toEqual(["东城区", "海淀区"]);
    expect(r.value?.supplied).toContain("districts");
  });

  it("warns when the district names belong to another city (032)", () => {
    const r = parse("东城区关于新增部分区域为封控区的通告(一)\n现将以下区域划定为封控区:\n半截河街道办事处:一品蓝湾小区13号楼,孙湾小区6号楼。\n2022年5月9日");
    expect(r.value?.districts).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.severity, i.line])).toEqual([["district-other-city", "warning", 3]]);
    expect(r.issues[0]!.message).toMatch(/^district names belong to another city \(.+\): expected places in Beijing, found "半截河街道"$/);
  });

  it("never throws on odd input", () => {
    for (const text of ["2022-13-01", "昨天", "标题\n2022年2月30日"]) {
      expect(() => parse(text)).not.toThrow();
    }
    // Blank files stop at decode (file-empty); parse still copes with a blank decoded text.
    for (const text of ["", "\n\n"]) {
      expect(decodeSource({ path: "data/raw/reports/x.txt", bytes: new TextEncoder().encode(text) }).issues.map((i) => i.code)).toEqual(["file-empty"]);
      const decoded = decodedOf(text, "data/raw/reports/x.txt");
      const clean = cleanText(decoded, { chrome: reference.chrome }).value!;
      expect(parseReport({ decoded, clean, id: "x", sha256: "00", supplied: {} }, ctx).issues.map((i) => i.code)).toEqual(["date-missing", "title-missing"]);
    }
  });
});
