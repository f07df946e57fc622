import { describe, expect, it } from "vitest";
import { describeCaseSource, findLatestCityCases, findLatestDirectives, findLatestRiskAreas, listCaseCounts } from "../../src/lib/keyFigures.ts";
import type { CaseCsvRecord, CaseRecord } from "../../src/pipeline/validate/caseSchema.ts";
import type { DirectiveRecord } from "../../src/pipeline/validate/directiveSchema.ts";

const table = (date: string, scope: CaseCsvRecord["scope"], confirmed: number, line: number, district = "北京市"): CaseCsvRecord => ({
  source_path: "data/raw/cases/cases-beijing-citywide.csv", source_line: line, layout: "citywide", date, window: "0-24", scope,
  measure: "new", district, district_raw: null, confirmed, asymptomatic: 1, infections: null, method: "bulletin_regex", date_basis: "bulletin_day", coverage: null,
});
const report = (date: string | null, scope: CaseRecord["scope"], confirmed: number | null, window: string | null = "0-24", id = "013-case-1"): CaseRecord => ({
  id, doc_id: id.slice(0, 3), span: [1, 9], date, window, scope, measure: "new", district: "北京市", district_raw: null,
  confirmed, asymptomatic: null, infections: null,
});

describe("findLatestCityCases(tables, reports)", () => {
  it("takes the latest day's local row, a report before a table", () => {
    const figure = findLatestCityCases(
      [table("2022-05-11", "all", 35, 369), table("2022-05-11", "local", 34, 369), table("2022-05-12", "all", 9, 370, "海淀区")],
      [report("2022-05-11", "local", 33), report(null, "local", 99)],
    );
    expect(figure).toEqual({
      date: "2022-05-11", scope: "local", confirmed: 33, asymptomatic: null, infections: null,
      source: { kind: "report", docId: "013", caseId: "013-case-1" },
    });
  });

  it("falls back to the all row of a table, never to imported cases", () => {
    const figure = findLatestCityCases([table("2022-05-10", "all", 25, 368), table("2022-05-11", "imported", 2, 369)], []);
    expect(figure?.date).toBe("2022-05-10");
    expect(figure?.confirmed).toBe(25);
    expect(figure?.source).toEqual({ kind: "table", path: "data/raw/cases/cases-beijing-citywide.csv", line: 368 });
  });

  it("skips part-day counts (0时至15时) and rows that give no count", () => {
    const partDay = { ...report("2022-11-20", "local", null, "0-15", "030-case-2"), asymptomatic: 470, infections: 516 };
    const figure = findLatestCityCases([], [partDay, report("2022-11-21", "local", null, "0-24", "031-case-1"), report("2022-11-19", "local", 12, "0-24", "029-case-1")]);
    expect(figure).toEqual({
      date: "2022-11-19", scope: "local", confirmed: 12, asymptomatic: null, infections: null,
      source: { kind: "report", docId: "029", caseId: "029-case-1" },
    });
  });

  it("skips table rows without a whole-day window", () => {
    const figure = findLatestCityCases([{ ...table("2022-05-12", "local", 7, 370), window: null }, table("2022-05-11", "local", 34, 369)], []);
    expect(figure?.date).toBe("2022-05-11");
  });

  it("is null without a city-wide new count", () => expect(findLatestCityCases([], [])).toBeNull());
});

describe("findLatestRiskAreas(rows)", () => {
  it("counts the areas in force on the latest day", () => {
    const row = (id: string, level: "高风险" | "中风险", from: string, to: string | null) => ({
      id, district: null, district_raw: null, street: null, area: id, level, regime: null, from, from_time: null, to, to_time: null, sources: [{ path: "x.csv", line: 2 }],
    });
    expect(findLatestRiskAreas([row("a", "高风险", "2022-12-01", "2022-12-12"), row("b", "中风险", "2022-12-11", "2022-12-12"), row("c", "高风险", "2022-11-01", "2022-11-30")])).toEqual({
      date: "2022-12-12",
      counts: [{ kind: "高风险", count: 1 }, { kind: "中风险", count: 1 }],
    });
  });
});

describe("findLatestDirectives(rows)", () => {
  it("counts the latest day's directives and lists their reports", () => {
    const d = (id: string, doc: string, date: string | null): DirectiveRecord => ({
      id, doc_id: doc, speaker: "会议", speaker_role: null, district: null, date, text: "要加强核酸检测。", categories: [], span: [0, 8],
    });
    expect(findLatestDirectives([d("010-d001", "010", "2022-11-26"), d("004-d001", "004", "2022-11-26"), d("003-d001", "003", "2022-06-04"), d("x-d001", "x", null)])).toEqual({
      date: "2022-11-26", count: 2, docIds: ["004", "010"],
    });
  });
});

describe("listCaseCounts(figure)", () => {
  it("leaves out the counts the source does not give", () => {
    expect(listCaseCounts({ confirmed: null, asymptomatic: null, infections: 516 })).toEqual([{ label: "感染者", value: 516 }]);
    expect(listCaseCounts({ confirmed: 0, asymptomatic: 3, infections: null })).toEqual([{ label: "确诊病例", value: 0 }, { label: "无症状感染者", value: 3 }]);
  });
});

describe("describeCaseSource(source)", () => {
  it("links a report's count to its row in the report's case table", () => {
    expect(describeCaseSource({ kind: "report", docId: "030", caseId: "030-case-1" })).toEqual({ href: "/reports/030/#about-030-case-1", label: "通报 030" });
  });
  it("links a table line to the published case_csv file", () => {
    expect(describeCaseSource({ kind: "table", path: "data/raw/cases/cases-beijing-citywide.csv", line: 368 })).toEqual({
      href: "/data/case_csv.csv", label: "病例表格（cases-beijing-citywide.csv 第368行）",
    });
  });
});
