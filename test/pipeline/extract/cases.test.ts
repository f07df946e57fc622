import { describe, expect, it } from "vitest";
import type { CaseRow } from "../../../src/pipeline/extract/cases.ts";
import { caseSchema } from "../../../src/pipeline/validate/caseSchema.ts";
import { readFileSync } from "node:fs";
import { extractCases } from "../../../src/pipeline/extract/cases.ts";
import { parseCaseWords } from "../../../src/pipeline/extract/caseWords.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { findDistricts } from "../../../src/pipeline/parse/districts.ts";
import { getReference } from "../../support/pipeline.ts";
import { docOf, extractCasesOf } from "./casesFixture.ts";

async function casesOf(text: string, published: string | null = "2022-05-01"): Promise<string[]> {
  const doc = await docOf("t.txt", text, published);
  const { rows } = await extractCasesOf(doc);
  for (const row of rows) caseSchema.parse(row);
  return rows.map((r: CaseRow) => `${r.date} ${r.window} ${r.scope} ${r.measure} ${r.district ?? `(${r.district_raw})`} c=${r.confirmed} a=${r.asymptomatic} i=${r.infections}`);
}

describe("extractCases(doc, ctx)", () => {
  it("reads a lead with a split and districts with 各", async () => {
    expect(await casesOf("标题\n4月30日0时至24时，北京新增本土新冠肺炎病毒感染者59例，其中确诊病例53例、无症状感染者6例；新增境外输入无症状感染者1例。\n53例本土确诊病例中，朝阳区50例，丰台区和海淀区各1例，房山区1例。\n6例本土无症状感染者中，朝阳区6例。")).toMatchInlineSnapshot(`
      [
        "2022-04-30 0-24 local new 北京市 c=53 a=6 i=null",
        "2022-04-30 0-24 imported new 北京市 c=null a=1 i=null",
        "2022-04-30 0-24 local new 朝阳区 c=50 a=null i=null",
        "2022-04-30 0-24 local new 丰台区 c=1 a=0 i=null",
        "2022-04-30 0-24 local new 海淀区 c=1 a=0 i=null",
        "2022-04-30 0-24 local new 房山区 c=1 a=0 i=null",
        "2022-04-30 0-24 local new 朝阳区 c=null a=6 i=null",
      ]
    `);
  });

  it("reads Chinese numerals, 我区 and 无新增 as zero", async () => {
    expect(await casesOf("朝阳区关于新增感染者的通报\n4月20日0时至24时，我区新增本土确诊病例十二例，无新增本土无症状感染者。")).toMatchInlineSnapshot(`
      [
        "2022-04-20 0-24 local new 朝阳区 c=12 a=0 i=null",
      ]
    `);
  });

  it("gives no value for a count whose digits were stripped, and keeps a zone as district_raw", async () => {
    expect(await casesOf("标题\n4月27日0时至15时，北京新增本土新冠肺炎病毒感染者例；分区情况为朝阳区例，经开区6例，房山区5例。")).toMatchInlineSnapshot(`
      [
        "2022-04-27 0-15 local new (经开区) c=null a=null i=6",
        "2022-04-27 0-15 local new 房山区 c=null a=null i=5",
      ]
    `);
  });

  it("counts per-case entries by the district of the address", async () => {
    expect(await casesOf("标题\n4月17日0时至24时，北京新增3例本土确诊病例，无新增本土无症状感染者。\n本土病例\n确诊病例1：现住丰台区，4月17日诊断为确诊病例。\n确诊病例2、3：现住海淀区，4月17日诊断为确诊病例。")).toMatchInlineSnapshot(`
      [
        "2022-04-17 0-24 local new 北京市 c=3 a=0 i=null",
        "2022-04-17 0-24 local new 丰台区 c=1 a=0 i=null",
        "2022-04-17 0-24 local new 海淀区 c=2 a=0 i=null",
      ]
    `);
  });

  it("leaves the day null when no year can be known, and skips streaks and discharges", async () => {
    expect(await casesOf("标题\n7月8日0时至24时，全市新增本土确诊病例3例。另有1例病例治愈出院。全市已经连续3天没有新增确诊病例。", null)).toMatchInlineSnapshot(`
      [
        "null 0-24 local new 北京市 c=3 a=null i=null",
      ]
    `);
  });
});

describe("extractCases: counts without a number", () => {
  it("warns case-count-missing at the line and column of a count whose digits were stripped", async () => {
    const doc = await docOf("m.txt", "标题\n4月30日0时至24时，北京新增本土感染者例。", "2022-05-01");
    const { rows, issues } = await extractCasesOf(doc);
    expect(rows).toEqual([]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/m.txt:2:22: case count has no number: expected digits or a numeral before 例, found "4时，北京新增本土感染者例"
        hint: the digits were probably stripped upstream; the count is left out, never guessed",
      ]
    `);
  });
});

describe("parseCaseWords(csvText, path)", () => {
  it("leaves out bad rows with an issue at path:line, quoted line breaks counted", () => {
    const csv = 'word,role,value,reason\n确诊病例,kind,confirmed,"two\nlines"\n阳性,kind,positive,x\n本土,scope,local,\n各,each,x,y\n确诊病例,kind,confirmed,again\n';
    const { value, issues } = parseCaseWords(csv, "c.csv");
    expect(value?.kinds).toEqual([{ word: "确诊病例", kind: "confirmed" }]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "c.csv:4: case word value is not a kind: expected one of confirmed, asymptomatic, infections, cases, other, found "positive"",
        "c.csv:5: case word has no reason: expected why the row exists, found """,
        "c.csv:6: case word value is not empty: expected no value for role each, found "x"",
        "c.csv:7: case word is listed twice: expected each kind word once, found "确诊病例" again",
      ]
    `);
  });

  it("lets an editor add a kind word without touching code", async () => {
    const reference = await getReference();
    const doc = await docOf("w.txt", "标题\n4月30日0时至24时，北京新增本土确证者3例。", "2022-05-01");
    const mentions = findDistricts(doc.text, reference.gazetteer).mentions;
    expect(extractCases(doc, reference, mentions).rows).toEqual([]);
    const words = parseCaseWords(`${readFileSync("data/reference/case-words.csv", "utf8")}确证者,kind,confirmed,a spun copy's 确证者 for 确诊病例\n`, "c.csv");
    const rows = extractCases(doc, { ...reference, caseWords: words.value! }, mentions).rows;
    expect(rows.map((r) => `${r.date} ${r.district} c=${r.confirmed}`)).toEqual(["2022-04-30 北京市 c=3"]);
  });
});
