import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { casesChart } from "../../src/charts/casesChart.ts";
import type { CaseCsvRowSpec, DistrictRef } from "../../src/lib/caseSeries.ts";
import { formatDate } from "../../src/lib/formatDate.ts";
import { CASE_ROWS, DISTRICTS } from "./fixtures.ts";
import { expectSafeSvg } from "./safeSvg.ts";

describe("casesChart(rows, options)", () => {
  it("draws the city and every district, and says the totals, the peak and the top district", () => {
    const chart = casesChart(CASE_ROWS, { districts: DISTRICTS });
    expect(chart.id).toBe("cases");
    expect(chart.title).toBe("北京市各区每日新增本土病例");
    expect(chart.caption).toBe("数据来源：北京市卫生健康委员会每日疫情通报（各区数字按病例逐条统计，部分日期缺失或偏少）；数据截至2022年4月8日");
    // city: confirmed 2+0+5+9+4+12+7+3 = 42, asymptomatic 8, peak 04-06 12+3; 朝阳 25+6 = 31.
    expect(chart.alt).toBe("2022年4月1日至2022年4月8日，全市本土新增确诊病例42例、无症状感染者8例；单日新增最多的是2022年4月6日，共15例。各区中新增最多的是朝阳区，共31例。");
    expect(chart.table.columns.map((c) => c.label)).toEqual(["日期", "全市确诊", "全市无症状", "东城区合计", "朝阳区合计", "平谷区合计"]);
    expect(chart.table.rows[4]).toEqual({ date: "2022年4月5日", beijing_confirmed: 4, beijing_asymptomatic: 0, dongcheng: null, chaoyang: null, pinggu: null });
    expect(chart.table.rows).toHaveLength(8);
    expectSafeSvg(chart.svg);
  });

  it("matches the golden SVG", async () => {
    await expect(casesChart(CASE_ROWS, { districts: DISTRICTS }).svg).toMatchFileSnapshot("../golden/charts/cases.svg");
    await expect(casesChart(CASE_ROWS, { districts: DISTRICTS, district: "chaoyang" }).svg).toMatchFileSnapshot("../golden/charts/cases-chaoyang.svg");
  });

  it("never says a district with missing or partial days had no new cases", () => {
    const row = (date: string, district: string, confirmed: number, coverage: string | null): CaseCsvRowSpec => ({ layout: district === "北京市" ? "citywide" : "districts", date, window: "0-24", scope: "local", measure: "new", district, confirmed, asymptomatic: 0, coverage });
    const rows = [
      row("2022-04-22", "北京市", 6, null), row("2022-04-23", "北京市", 1, null),
      row("2022-04-22", "朝阳区", 3, "partial"), row("2022-04-23", "朝阳区", 1, "complete"),
      row("2022-04-22", "东城区", 0, "partial"), row("2022-04-23", "东城区", 0, "complete"),
      row("2022-04-22", "平谷区", 0, "complete"), row("2022-04-23", "平谷区", 0, "complete"),
    ];
    expect(casesChart(rows, { districts: DISTRICTS }).alt).toBe(
      "2022年4月22日至2022年4月23日，全市本土新增确诊病例7例、无症状感染者0例；单日新增最多的是2022年4月22日，共6例。各区中新增最多的是朝阳区，共4例；平谷区没有新增病例；东城区在有数据的日期里没有新增病例（部分日期缺失或不全）。",
    );
    expect(casesChart(rows, { districts: DISTRICTS, district: "dongcheng" }).alt).toBe("2022年4月22日至2022年4月23日，东城区本土新增确诊病例0例、无症状感染者0例（2天有数据）；有完整数据的日期都没有新增病例。");
  });

  it("draws one district with its 7-day average in the table", () => {
    const chart = casesChart(CASE_ROWS, { districts: DISTRICTS, district: "chaoyang" });
    expect(chart.id).toBe("cases-chaoyang");
    expect(chart.title).toBe("朝阳区每日新增本土病例");
    expect(chart.alt).toBe("2022年4月1日至2022年4月8日，朝阳区本土新增确诊病例25例、无症状感染者6例（7天有数据）；单日新增最多的是2022年4月6日，共10例。");
    expect(chart.table.rows.map((r) => r.average7)).toEqual([null, null, null, 3.3, 3.3, 4.6, 4.8, 5]);
    expect(chart.table.rows[4]).toEqual({ date: "2022年4月5日", confirmed: null, asymptomatic: null, total: null, average7: 3.3 });
  });

  it.each([
    ["a district without rows", { district: "pinggu" }, "平谷区没有可用的每日新增病例数据。"],
    ["an unknown district", { district: "atlantis" }, "没有可用的每日新增病例数据。"],
  ])("says there is no data for %s", (_, extra, alt) => {
    const chart = casesChart(CASE_ROWS, { districts: DISTRICTS, ...extra });
    expect(chart.alt).toBe(alt);
    expect(chart.table).toEqual({ columns: [], rows: [] });
    expect(chart.svg).toContain("暂无数据");
    expectSafeSvg(chart.svg);
  });

  it("says there is no data for no rows, and for 2020 rows only", () => {
    expect(casesChart([], { districts: DISTRICTS }).alt).toBe("没有可用的每日新增病例数据。");
    const only2020 = CASE_ROWS.filter((r) => r.window === null);
    expect(casesChart(only2020, { districts: DISTRICTS }).caption).toBe("数据来源：北京市卫生健康委员会每日疫情通报（各区数字按病例逐条统计，部分日期缺失或偏少）；暂无数据");
  });

  it("gives the same string on every render, whatever the row order", () => {
    const a = casesChart(CASE_ROWS, { districts: DISTRICTS });
    const b = casesChart([...CASE_ROWS].reverse(), { districts: DISTRICTS });
    expect(b.svg).toBe(a.svg);
    expect(b).toEqual(a);
  });

  it("honours the width option in the viewBox", () => {
    expect(casesChart(CASE_ROWS, { districts: DISTRICTS, width: 360 }).svg).toMatch(/^<svg [^>]*viewBox="0 0 360 /);
  });
});

const build = path.resolve(process.cwd(), "data/build");
const haveBuild = existsSync(path.join(build, "case_csv.json")) && existsSync(path.join(build, "districts.json"));
if (!haveBuild) console.log(`casesChart: ${build} is absent, skipping the checks on the built data (run npm run data)`);

describe.skipIf(!haveBuild)("casesChart on data/build/case_csv.json", () => {
  const read = (name: string) => JSON.parse(readFileSync(path.join(build, name), "utf8"));
  const rows = (haveBuild ? read("case_csv.json") : []) as CaseCsvRowSpec[];
  const districts = (haveBuild ? read("districts.json") : []) as DistrictRef[];

  it("states the city's totals and peak as the rows give them", () => {
    const city = rows.filter((r) => r.layout === "citywide" && r.window === "0-24" && r.scope === "local" && r.measure === "new");
    const confirmed = city.reduce((sum, r) => sum + (r.confirmed ?? 0), 0);
    const asymptomatic = city.reduce((sum, r) => sum + (r.asymptomatic ?? 0), 0);
    const peak = city.reduce((best, r) => ((r.confirmed ?? 0) + (r.asymptomatic ?? 0) > (best.confirmed ?? 0) + (best.asymptomatic ?? 0) ? r : best));
    const alt = casesChart(rows, { districts }).alt;
    expect(alt).toContain(`全市本土新增确诊病例${confirmed}例、无症状感染者${asymptomatic}例`);
    expect(alt).toContain(`单日新增最多的是${formatDate(peak.date)}，共${(peak.confirmed ?? 0) + (peak.asymptomatic ?? 0)}例`);
  });

  it("names the district with most cases and its total", () => {
    const totals = new Map<string, number>();
    for (const r of rows) {
      if (r.layout !== "districts" || r.window !== "0-24" || r.measure !== "new") continue;
      totals.set(r.district, (totals.get(r.district) ?? 0) + (r.confirmed ?? 0) + (r.asymptomatic ?? 0));
    }
    const [name, total] = [...totals].sort((a, b) => b[1] - a[1])[0] as [string, number];
    expect(casesChart(rows, { districts }).alt).toContain(`各区中新增最多的是${name}，共${total}例`);
  });

  it("states each district's totals", () => {
    for (const d of districts) {
      const own = rows.filter((r) => r.layout === "districts" && r.window === "0-24" && r.measure === "new" && r.district === d.name);
      const confirmed = own.reduce((sum, r) => sum + (r.confirmed ?? 0), 0);
      const chart = casesChart(rows, { districts, district: d.slug });
      expect(chart.alt).toContain(own.length > 0 ? `${d.name}本土新增确诊病例${confirmed}例` : "没有可用的每日新增病例数据");
      expectSafeSvg(chart.svg);
    }
  });
});
