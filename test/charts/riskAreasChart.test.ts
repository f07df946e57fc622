import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { riskAreasChart } from "../../src/charts/riskAreasChart.ts";
import type { DistrictRef } from "../../src/lib/caseSeries.ts";
import { formatDate } from "../../src/lib/formatDate.ts";
import type { RiskAreaRowSpec } from "../../src/lib/riskAreaCounts.ts";
import { DISTRICTS, RISK_ROWS } from "./fixtures.ts";
import { expectSafeSvg } from "./safeSvg.ts";

describe("riskAreasChart(rows, options)", () => {
  it("counts the city's listings per day and states the peak", () => {
    const chart = riskAreasChart(RISK_ROWS, { districts: DISTRICTS });
    expect(chart.id).toBe("risk-areas");
    expect(chart.title).toBe("全市风险区域数量");
    expect(chart.caption).toBe("数据来源：北京市风险区域名单（官方发布的快照与公告）及各区通报；数据截至2022年11月5日");
    expect(chart.alt).toBe(
      "2022年11月1日至2022年11月5日，全市共列出高风险区域2个、中风险区域1个、低风险区域1个、封控区1个。同时在列最多的一天是2022年11月2日，共3个（高风险2个、低风险1个）。另有1个没有日期，未计入。",
    );
    expect(chart.table.columns.map((c) => c.label)).toEqual(["日期（数量变化日）", "高风险", "中风险", "低风险", "封控区", "合计"]);
    expect(chart.table.rows).toEqual([
      { date: "2022年11月1日", 高风险: 1, 中风险: 0, 低风险: 0, 封控区: 0, total: 1 },
      { date: "2022年11月2日", 高风险: 2, 中风险: 0, 低风险: 1, 封控区: 0, total: 3 },
      { date: "2022年11月3日", 高风险: 2, 中风险: 1, 低风险: 0, 封控区: 0, total: 3 },
      { date: "2022年11月4日", 高风险: 1, 中风险: 0, 低风险: 0, 封控区: 1, total: 2 },
      { date: "2022年11月5日", 高风险: 1, 中风险: 0, 低风险: 0, 封控区: 0, total: 1 },
    ]);
    expectSafeSvg(chart.svg);
  });

  it("matches the golden SVG", async () => {
    await expect(riskAreasChart(RISK_ROWS, { districts: DISTRICTS }).svg).toMatchFileSnapshot("../golden/charts/risk-areas.svg");
    await expect(riskAreasChart(RISK_ROWS, { districts: DISTRICTS, district: "dongcheng" }).svg).toMatchFileSnapshot("../golden/charts/risk-areas-dongcheng.svg");
  });

  it("counts one district's listings", () => {
    const chart = riskAreasChart(RISK_ROWS, { districts: DISTRICTS, district: "chaoyang" });
    expect(chart.id).toBe("risk-areas-chaoyang");
    expect(chart.alt).toBe(
      "2022年11月1日至2022年11月5日，朝阳区共列出高风险区域2个、中风险区域1个、封控区1个。同时在列最多的一天是2022年11月3日，共3个（高风险2个、中风险1个）。另有1个没有日期，未计入。",
    );
  });

  it("draws regimes in their own dashed panel", () => {
    const svg = riskAreasChart(RISK_ROWS, { districts: DISTRICTS }).svg;
    expect(svg).toContain("风险等级（个）");
    expect(svg).toContain("管控类型（个）");
    expect(svg).toContain('stroke-dasharray="6,3"');
    expect(riskAreasChart(RISK_ROWS, { districts: DISTRICTS, district: "dongcheng" }).svg).not.toContain("管控类型");
  });

  it.each([
    ["a district without rows", "pinggu", "平谷区没有有日期的风险区域记录。"],
    ["an unknown district", "atlantis", "该区没有有日期的风险区域记录。"],
  ])("says there is no data for %s", (_, district, alt) => {
    const chart = riskAreasChart(RISK_ROWS, { districts: DISTRICTS, district });
    expect(chart.alt).toBe(alt);
    expect(chart.table).toEqual({ columns: [], rows: [] });
    expectSafeSvg(chart.svg);
  });

  it("says there is no data when no row is dated", () => {
    expect(riskAreasChart([{ district: null, level: null, regime: "防范区", from: null, to: null }], { districts: DISTRICTS }).alt).toBe("全市没有有日期的风险区域记录。");
  });

  it("gives the same string on every render, whatever the row order", () => {
    expect(riskAreasChart([...RISK_ROWS].reverse(), { districts: DISTRICTS })).toEqual(riskAreasChart(RISK_ROWS, { districts: DISTRICTS }));
  });
});

const build = path.resolve(process.cwd(), "data/build");
const haveBuild = existsSync(path.join(build, "risk_areas.json")) && existsSync(path.join(build, "districts.json"));
if (!haveBuild) console.log(`riskAreasChart: ${build} is absent, skipping the checks on the built data (run npm run data)`);

describe.skipIf(!haveBuild)("riskAreasChart on data/build/risk_areas.json", () => {
  const read = (name: string) => JSON.parse(readFileSync(path.join(build, name), "utf8"));
  const rows = (haveBuild ? read("risk_areas.json") : []) as RiskAreaRowSpec[];
  const districts = (haveBuild ? read("districts.json") : []) as DistrictRef[];

  it("states the number of high-risk listings and the busiest day, recounted naively day by day", () => {
    const dated = rows.filter((r) => r.from !== null || r.to !== null);
    const high = dated.filter((r) => r.level === "高风险").length;
    // Naive recount: for each candidate day, the rows whose [from, to] (one date: that day) covers it.
    const span = (r: RiskAreaRowSpec) => {
      const from = (r.from ?? r.to)!.slice(0, 10);
      const to = (r.to ?? r.from)!.slice(0, 10);
      return [from, to < from ? from : to] as const;
    };
    const candidates = [...new Set(dated.map((r) => span(r)[0]))];
    let best = { day: "", count: -1 };
    for (const day of candidates.sort()) {
      const count = dated.filter((r) => (r.level ?? r.regime) !== null && span(r)[0] <= day && day <= span(r)[1]).length;
      if (count > best.count) best = { day, count };
    }
    const alt = riskAreasChart(rows, { districts }).alt;
    expect(alt).toContain(`高风险区域${high}个`);
    expect(alt).toContain(`同时在列最多的一天是${formatDate(best.day)}，共${best.count}个`);
  });

  it("keeps the city chart under 12 KB gzipped", async () => {
    const { gzipSync } = await import("node:zlib");
    expect(gzipSync(riskAreasChart(rows, { districts }).svg).length).toBeLessThan(12_000);
  });
});
