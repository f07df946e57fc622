import { describe, expect, it } from "vitest";
import { formatCorrectionValue, getCorrectionFieldLabel, getCorrectionsFor, getSourceParts } from "../../src/lib/corrections.ts";
import type { CorrectionRow } from "../../src/pipeline/validate/correctionSchema.ts";

const row = (id: string, line: number, date: string, doc_ids: string[], charts: string[]): CorrectionRow => ({
  id, what: "documents/029/published_date", dataset: "documents", row_id: "029", field: "published_date", old_value: "2025-04-12",
  new_value: "2022-11-27", reason: "r", source: "s", date, line, doc_ids, charts, districts: [],
});
const ROWS = [row("c002", 3, "2026-11-27", [], ["cases", "cases-chaoyang"]), row("c001", 2, "2026-11-26", ["029"], ["measures", "measures-chaoyang"])];

describe("getCorrectionsFor(rows, filter)", () => {
  it.each([
    [{ chartId: "measures-chaoyang" }, ["c001"]],
    [{ chartId: "cases" }, ["c002"]],
    [{ chartId: "risk-areas" }, []],
    [{ docId: "029" }, ["c001"]],
    [{ docId: "029", chartId: "cases" }, []],
    [{}, ["c001", "c002"]],
    [{ after: "2026-11-26" }, ["c002"]],
    [{ after: "2026-11-27" }, []],
  ])("%j → %j in file order", (filter, ids) => {
    expect(getCorrectionsFor(ROWS, filter).map((r) => r.id)).toEqual(ids);
  });
});

describe("getCorrectionFieldLabel(row)", () => {
  it("names the field from the data dictionary, after its dataset", () => {
    expect(getCorrectionFieldLabel({ dataset: "documents", field: "published_date" })).toBe("报告发布日期");
    expect(getCorrectionFieldLabel({ dataset: "case_csv", field: "confirmed" })).toBe("病例确诊病例");
    expect(getCorrectionFieldLabel({ dataset: "nothing", field: "x" })).toBe("nothingx");
  });
});

describe("formatCorrectionValue(value)", () => {
  it.each([["2022-11-27", "2022年11月27日"], [null, "未知"], ["", "未知"], ["6", "6"]])("%j → %j", (value, shown) => {
    expect(formatCorrectionValue(value)).toBe(shown);
  });
});

describe("getSourceParts(source)", () => {
  it("links http(s) addresses only, and keeps the rest as text", () => {
    expect(getSourceParts("中国日报 https://a.example/x javascript:alert(1)")).toEqual([
      { text: "中国日报" }, { text: " " }, { text: "https://a.example/x", href: "https://a.example/x" }, { text: " " }, { text: "javascript:alert(1)" },
    ]);
  });
});
