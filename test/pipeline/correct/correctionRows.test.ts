import { describe, expect, it } from "vitest";
import { getCorrectionRows, type CorrectionScope } from "../../../src/pipeline/correct/correctionRows.ts";
import type { Correction } from "../../../src/pipeline/correct/corrections.ts";

const DISTRICTS = [
  { name: "东城区", slug: "dongcheng" },
  { name: "朝阳区", slug: "chaoyang" },
  { name: "海淀区", slug: "haidian" },
];

/** Two reports: 029 city-wide (one directive with no district), 030 about 朝阳区 (a directive there, a risk area). */
const SCOPE: CorrectionScope = {
  documents: [
    { id: "029", districts: ["东城区", "朝阳区", "海淀区"] },
    { id: "030", districts: ["朝阳区"] },
  ],
  districts: DISTRICTS,
  datasets: {
    directives: [
      { id: "029-d001", doc_id: "029", district: null },
      { id: "030-d001", doc_id: "030", district: "朝阳区" },
      { id: "030-d002", doc_id: "030", district: "朝阳区" },
    ],
    measures: [
      { id: "2022-11-27-beijing-key_venues", date: "2022-11-27", district: null, category: "key_venues", directive_ids: ["029-d001"] },
      { id: "2022-04-20-chaoyang-key_venues", date: "2022-04-20", district: "朝阳区", category: "key_venues", directive_ids: ["030-d001"] },
    ],
    risk_areas: [{ id: "ra-haidian-1", district: "海淀区", sources: [{ path: "data/raw/reports/030.txt", doc_id: "030" }] }],
    case_csv: [
      { source_path: "data/raw/cases/a.csv", source_line: 2, district: "北京市" },
      { source_path: "data/raw/cases/a.csv", source_line: 3, district: "朝阳区" },
    ],
    cases: [{ id: "029-case-1", doc_id: "029", district: null }],
  },
};

function correction(what: string, oldValue: string, newValue: string | null, line = 2): Correction {
  const [dataset, ...rest] = what.split("/");
  const field = rest.pop() as string;
  return { id: `c${String(line - 1).padStart(3, "0")}`, path: "data/reference/corrections.csv", line, what, dataset: dataset as string, rowId: rest.join("/"), field, oldValue, newValue, reason: "r", source: "s", date: "2026-11-26" };
}

const touches = (c: Correction) => {
  const [row] = getCorrectionRows([c], SCOPE);
  return { doc_ids: row!.doc_ids, charts: row!.charts, districts: row!.districts };
};

describe("getCorrectionRows(applied, scope): what a correction touches", () => {
  it("a city-wide report's date: the city's measures chart only, not the chart of each district it names", () => {
    expect(touches(correction("documents/029/published_date", "2025-04-12", "2022-11-27"))).toEqual({
      doc_ids: ["029"],
      charts: ["measures"],
      districts: ["东城区", "朝阳区", "海淀区"],
    });
  });

  it("a district report's date: the charts that draw its measures and its risk area", () => {
    expect(touches(correction("documents/030/event_date", "", "2022-04-20"))).toEqual({
      doc_ids: ["030"],
      charts: ["measures", "measures-chaoyang", "risk-areas", "risk-areas-haidian"],
      districts: ["朝阳区", "海淀区"],
    });
  });

  it("a report's title touches its page only", () => {
    expect(touches(correction("documents/030/title", "a", "b"))).toEqual({ doc_ids: ["030"], charts: [], districts: ["朝阳区"] });
  });

  it("a city-wide directive touches the city's measures chart; one counted in no measure row touches no chart", () => {
    expect(touches(correction("directives/029-d001/speaker", "a", "b"))).toEqual({ doc_ids: ["029"], charts: ["measures"], districts: [] });
    expect(touches(correction("directives/030-d002/speaker", "a", "b"))).toEqual({ doc_ids: ["030"], charts: [], districts: ["朝阳区"] });
  });

  it("a directive moved to another district: the chart it is drawn in now and the one it left", () => {
    // After the correction the measures are counted again: the row is 朝阳区's; it was 海淀区's.
    expect(touches(correction("directives/030-d001/district", "海淀区", "朝阳区"))).toEqual({
      doc_ids: ["030"],
      charts: ["measures", "measures-chaoyang", "measures-haidian"],
      districts: ["朝阳区", "海淀区"],
    });
  });

  it("a case table row: the city's cases chart, and its district's chart unless the row is the city's", () => {
    expect(touches(correction("case_csv/data/raw/cases/a.csv:2/confirmed", "5", "6"))).toEqual({ doc_ids: [], charts: ["cases"], districts: [] });
    expect(touches(correction("case_csv/data/raw/cases/a.csv:3/confirmed", "5", "6"))).toEqual({ doc_ids: [], charts: ["cases", "cases-chaoyang"], districts: ["朝阳区"] });
  });

  it("a count read from a report's text touches no chart, and a risk area its own district's", () => {
    expect(touches(correction("cases/029-case-1/confirmed", "5", "6"))).toEqual({ doc_ids: ["029"], charts: [], districts: [] });
    expect(touches(correction("risk_areas/ra-haidian-1/level", "高风险", "中风险"))).toEqual({ doc_ids: ["030"], charts: ["risk-areas", "risk-areas-haidian"], districts: ["海淀区"] });
  });

  it("keeps file order and ids", () => {
    const rows = getCorrectionRows([correction("documents/030/title", "a", "b", 3), correction("documents/029/title", "a", "b", 2)], SCOPE);
    expect(rows.map((r) => [r.id, r.line, r.what])).toEqual([
      ["c001", 2, "documents/029/title"],
      ["c002", 3, "documents/030/title"],
    ]);
  });
});
