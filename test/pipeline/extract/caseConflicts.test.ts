import { describe, expect, it } from "vitest";
import type { CaseCsvRow } from "../../../src/pipeline/extract/caseCsv.ts";
import { findCaseConflicts } from "../../../src/pipeline/extract/caseConflicts.ts";
import type { CaseRow } from "../../../src/pipeline/extract/cases.ts";

const text = (id: string, district: string, confirmed: number | null, asymptomatic: number | null): CaseRow => ({
  id, doc_id: "d1", span: [0, 5], date: "2022-04-17", window: "0-24", scope: "local", measure: "new",
  district, district_raw: null, confirmed, asymptomatic, infections: null,
});
const csv = (district: string, confirmed: number): CaseCsvRow => ({
  source_path: "data/raw/cases/c.csv", source_line: 7, layout: "districts", date: "2022-04-17", window: "0-24", scope: "local",
  measure: "new", district, district_raw: null, confirmed, asymptomatic: 0, infections: null, method: "case_list_count", date_basis: "bulletin_day",
});

describe("findCaseConflicts(textRows, csvRows)", () => {
  it("reports a text count that differs from the CSV, and district counts that do not add up", () => {
    const rows = [text("d1-case-1", "北京市", 3, 0), text("d1-case-2", "丰台区", 1, 0), text("d1-case-3", "海淀区", 1, 0)];
    const issues = findCaseConflicts(rows, [csv("丰台区", 1), csv("海淀区", 2)]);
    expect(issues.map((i) => `${i.code}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "cases-sum-mismatch: district counts do not add up to the total: expected confirmed of 2 districts to sum to 3, found 2 in d1 (2022-04-17, 0-24, local)",
        "cases-conflict: text and CSV disagree on confirmed of 海淀区 on 2022-04-17 (0-24, local): expected the same count, found 1 in d1 [0, 5) and 2 in data/raw/cases/c.csv:7",
      ]
    `);
  });

  it("finds nothing when the counts agree", () => {
    const rows = [text("d1-case-1", "北京市", 3, 0), text("d1-case-2", "丰台区", 1, 0), text("d1-case-3", "海淀区", 2, 0)];
    expect(findCaseConflicts(rows, [csv("丰台区", 1), csv("海淀区", 2)])).toEqual([]);
  });
});
