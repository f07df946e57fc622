import { describe, expect, it } from "vitest";
import { findCaseConflicts } from "../../../src/pipeline/extract/caseConflicts.ts";
import type { CaseRow } from "../../../src/pipeline/extract/cases.ts";
import type { CaseCsvRecord } from "../../../src/pipeline/validate/caseSchema.ts";

const locate = (row: CaseRow) => ({ path: `data/raw/reports/${row.doc_id}.txt`, line: 3, column: row.span[0] + 1 });

const text = (id: string, district: string, confirmed: number | null, asymptomatic: number | null): CaseRow => ({
  id, doc_id: "d1", span: [0, 5], date: "2022-04-17", window: "0-24", scope: "local", measure: "new",
  district, district_raw: null, confirmed, asymptomatic, infections: null,
});
const csv = (district: string, confirmed: number): CaseCsvRecord => ({
  source_path: "data/raw/cases/c.csv", source_line: 7, layout: "districts", date: "2022-04-17", window: "0-24", scope: "local",
  measure: "new", district, district_raw: null, confirmed, asymptomatic: 0, infections: null, method: "case_list_count", date_basis: "bulletin_day", coverage: null,
});

describe("findCaseConflicts(textRows, csvRows, locate)", () => {
  it("reports a text count that differs from the CSV, and district counts that do not add up", () => {
    const rows = [text("d1-case-1", "北京市", 3, 0), text("d1-case-2", "丰台区", 1, 0), text("d1-case-3", "海淀区", 1, 0)];
    const issues = findCaseConflicts(rows, [csv("丰台区", 1), csv("海淀区", 2)], locate);
    expect(issues.map((i) => `${i.code}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "cases-sum-mismatch: district counts do not add up to the total: expected confirmed of 2 districts to sum to 3, found 2 in d1 (2022-04-17, 0-24, local)",
        "cases-conflict: text and CSV disagree on confirmed of 海淀区 on 2022-04-17 (0-24, local): expected the same count, found 1 in d1 [0, 5) and 2 in data/raw/cases/c.csv:7",
      ]
    `);
  });

  it("finds nothing when the counts agree", () => {
    const rows = [text("d1-case-1", "北京市", 3, 0), text("d1-case-2", "丰台区", 1, 0), text("d1-case-3", "海淀区", 2, 0)];
    expect(findCaseConflicts(rows, [csv("丰台区", 1), csv("海淀区", 2)], locate)).toEqual([]);
  });

  it("compares cumulative counts, whose windows are both null, and says where the text row is", () => {
    const row: CaseRow = { ...text("d1-case-1", "朝阳区", 40, null), window: null, measure: "cumulative" };
    const other: CaseCsvRecord = { ...csv("朝阳区", 41), window: null, measure: "cumulative", asymptomatic: null, method: "cumulative_diff" };
    const issues = findCaseConflicts([row], [other], locate);
    expect(issues.map((i) => `${i.path}:${i.line}:${i.column}: ${i.code}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/d1.txt:3:1: cases-conflict: text and CSV disagree on confirmed of 朝阳区 on 2022-04-17 (null, local): expected the same count, found 40 in d1 [0, 5) and 41 in data/raw/cases/c.csv:7",
      ]
    `);
    // A text row with a window is not compared with a CSV row without one.
    expect(findCaseConflicts([{ ...row, window: "until-24" }], [other], locate)).toEqual([]);
  });
});
