import { describe, expect, it } from "vitest";
import { countInForce, isInForce, lastDay, latestRiskAreaDay, riskAreaKind, sortRiskAreas } from "../../src/lib/riskAreaPeriods.ts";
import type { RiskAreaRow } from "../../src/pipeline/validate/riskAreaSchema.ts";

const csvRow = (id: string, level: RiskAreaRow["level"], from: string, to: string | null): RiskAreaRow => ({
  id, district: "朝阳区", district_raw: null, street: null, area: id, level, regime: null, from, from_time: null, to, to_time: null, sources: [{ path: "data/raw/risk-areas/x.csv", line: 2 }],
});
const textRow: RiskAreaRow = {
  id: "t", district: "朝阳区", district_raw: null, street: "三间房乡", area: "艺水芳园", level: null, regime: "封控区", from: "2022-04-26", from_time: null, to: null, to_time: null,
  sources: [
    { doc_id: "033", span: [1, 5], change: null, date: "2022-04-26" },
    { doc_id: "034", span: [3, 7], change: null, date: "2022-04-29" },
  ],
};

describe("lastDay(row)", () => {
  it("is the day of `to` when set", () => expect(lastDay(csvRow("a", "高风险", "2022-12-03", "2022-12-06"))).toBe("2022-12-06"));
  it("is the first day when no source lifted it", () => expect(lastDay(textRow)).toBe("2022-04-26"));
  it("is the lifting day when only that is dated", () => expect(lastDay({ from: null, to: "2022-05-02" })).toBe("2022-05-02"));
});

describe("isInForce(row, day)", () => {
  it.each([
    ["2022-04-25", false],
    ["2022-04-26", true],
    ["2022-04-29", false],
    ["2022-12-01", false],
  ])("on %s is %s for a row listed on 4月26日 and never lifted", (day, expected) => expect(isInForce(textRow, day)).toBe(expected));
});

describe("countInForce(rows, day)", () => {
  it("counts rows per kind in page order", () => {
    const rows = [
      csvRow("a", "中风险", "2022-12-01", "2022-12-06"),
      csvRow("b", "高风险", "2022-12-03", "2022-12-06"),
      csvRow("c", "高风险", "2022-12-05", null),
      csvRow("d", "高风险", "2022-12-07", null),
      textRow,
    ];
    expect(latestRiskAreaDay(rows)).toBe("2022-12-07");
    expect(countInForce(rows, "2022-12-05")).toEqual([
      { kind: "高风险", count: 2 },
      { kind: "中风险", count: 1 },
    ]);
    expect(riskAreaKind(textRow)).toBe("封控区");
  });
});

describe("sortRiskAreas(rows)", () => {
  it("lists the latest first and undated rows last", () => {
    const undated = { ...csvRow("z", "低风险", "2022-01-01", null), from: null };
    const rows = [csvRow("a", "中风险", "2022-12-01", null), undated, csvRow("b", "高风险", "2022-12-01", null), textRow];
    expect(sortRiskAreas(rows).map((r) => r.id)).toEqual(["b", "a", "t", "z"]);
  });
});

describe("one in-force rule for figures and chart", () => {
  it("counts a row whose `to` is before its `from` on its first day, in both", async () => {
    const { getDailyRiskAreaCounts } = await import("../../src/lib/riskAreaCounts.ts");
    const row = { ...csvRow("z", "高风险", "2022-12-05", "2022-12-03") };
    expect(lastDay(row)).toBe("2022-12-05");
    expect(isInForce(row, "2022-12-05")).toBe(true);
    expect(isInForce(row, "2022-12-04")).toBe(false);
    expect(getDailyRiskAreaCounts([row]).days).toEqual([{ date: "2022-12-05", counts: { 高风险: 1 }, total: 1 }]);
  });
});

describe("sortRiskAreas(rows) by first day", () => {
  it("places a row dated only by its lifting at that day, latest first, undated last", () => {
    const liftedOnly = { ...csvRow("l", "高风险", "2022-12-01", "2022-12-09"), from: null };
    const undated = { ...csvRow("u", "高风险", "2022-12-01", null), from: null };
    const rows = [undated, csvRow("a", "高风险", "2022-12-05", null), liftedOnly];
    expect(sortRiskAreas(rows).map((r) => r.id)).toEqual(["l", "a", "u"]);
  });
});
