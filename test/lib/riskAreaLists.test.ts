import { describe, expect, it } from "vitest";
import { describeRiskAreaSource, groupRiskAreasByDistrict, summariseRiskAreas } from "../../src/lib/riskAreaLists.ts";
import type { RiskAreaRow } from "../../src/pipeline/validate/riskAreaSchema.ts";

const row = (id: string, district: string | null, level: "高风险" | "低风险", from: string, to: string | null): RiskAreaRow => ({
  id, district, district_raw: null, street: null, area: id, level, regime: null, from, from_time: null, to, to_time: null, sources: [{ path: "data/raw/risk-areas/a.csv", line: 2 }],
});
const districts = [
  { code: "110101", name: "东城区", short_name: "东城", slug: "dongcheng" },
  { code: "110105", name: "朝阳区", short_name: "朝阳", slug: "chaoyang" },
];

describe("groupRiskAreasByDistrict(rows, districts)", () => {
  it("keeps every district and gathers rows without one", () => {
    const groups = groupRiskAreasByDistrict([row("a", "朝阳区", "高风险", "2022-12-01", null), row("b", null, "高风险", "2022-12-01", null), row("c", "经开区", "低风险", "2022-12-02", null)], districts);
    expect(groups.map((g) => [g.slug, g.name, g.rows.map((r) => r.id)])).toEqual([
      ["dongcheng", "东城区", []],
      ["chaoyang", "朝阳区", ["a"]],
      ["other", "其他地区（经开区等或未注明区）", ["c", "b"]],
    ]);
  });
});

describe("summariseRiskAreas(rows, day)", () => {
  it("counts the rows in force on the day per kind", () => {
    const rows = [row("a", "朝阳区", "高风险", "2022-12-01", "2022-12-12"), row("b", "朝阳区", "高风险", "2022-11-01", "2022-11-09"), row("c", "朝阳区", "低风险", "2022-12-12", null)];
    const summary = summariseRiskAreas(rows, "2022-12-12");
    expect(summary.current.map((r) => r.id)).toEqual(["c", "a"]);
    expect(summary.byKind).toEqual([{ kind: "高风险", total: 2, current: 1 }, { kind: "低风险", total: 1, current: 1 }]);
    expect(summariseRiskAreas(rows, null).current).toEqual([]);
  });
});

describe("describeRiskAreaSource(source)", () => {
  it("links a report and names a CSV line", () => {
    expect(describeRiskAreaSource({ doc_id: "033", span: [1, 4], change: null, date: "2022-04-26" })).toEqual({ label: "通报 033", href: "/reports/033/" });
    expect(describeRiskAreaSource({ path: "data/raw/risk-areas/x.csv", line: 7 })).toEqual({ label: "x.csv 第7行", href: null });
  });
});
