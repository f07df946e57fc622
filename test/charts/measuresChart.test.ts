import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDirectiveHref, measuresChart } from "../../src/charts/measuresChart.ts";
import type { DistrictRef } from "../../src/lib/caseSeries.ts";
import { formatDate } from "../../src/lib/formatDate.ts";
import { addDays } from "../../src/lib/isoDays.ts";
import type { MeasureRowSpec } from "../../src/lib/measureTimeline.ts";
import { parseMeasureCategories } from "../../src/pipeline/extract/measureCategories.ts";
import { CATEGORIES, DISTRICTS, MEASURE_ROWS } from "./fixtures.ts";
import { expectSafeSvg } from "./safeSvg.ts";

describe("getDirectiveHref(directiveId)", () => {
  it.each([
    ["026-d006", "/reports/026/#026-d006"],
    ["000_76bc26fd7b02b4ab-d001", "/reports/000_76bc26fd7b02b4ab/#000_76bc26fd7b02b4ab-d001"],
  ])("links %s to %s", (id, href) => expect(getDirectiveHref(id)).toBe(href));
});

describe("measuresChart(rows, options)", () => {
  const options = { districts: DISTRICTS, categories: CATEGORIES };

  describe("at the scale of years of reports", () => {
    // 90 weeks of directives, each Monday one for the city and two for 朝阳区 (a long period, few lanes).
    const weekly = Array.from({ length: 90 }, (_, i) => addDays("2020-03-02", 7 * i)).flatMap((day, i): MeasureRowSpec[] => [
      { date: day, district: null, category: "nucleic_acid_testing", directives: 1, directive_ids: [`w${String(i).padStart(3, "0")}-d001`] },
      { date: day, district: "朝阳区", category: "tracing", directives: 2, directive_ids: [`w${String(i).padStart(3, "0")}-d002`, `w${String(i).padStart(3, "0")}-d003`] },
    ]);

    it("groups the days into months, says so, and lists every directive in the table", () => {
      const chart = measuresChart(weekly, options);
      expect(chart.alt).toBe("2020年3月2日至2021年11月15日，全市及各区共有270条防控指示（90天），涉及2类措施；最常提到的是流调溯源（180条）。指示最多的是朝阳区（180条）。图中按月汇总。");
      expect(chart.table.columns[0]).toEqual({ key: "date", label: "月份" });
      expect(chart.table.rows[0]).toEqual({ date: "2020年3月", district: "全市", category: "核酸检测", directives: 5, directive_ids: "w000-d001 w001-d001 w002-d001 w003-d001 w004-d001" });
      expect(chart.table.rows.reduce((sum, row) => sum + Number(row.directives), 0)).toBe(270);
      expect(chart.table.rows.flatMap((row) => String(row.directive_ids).split(" "))).toHaveLength(270);
      // A dot per month and lane, its tooltip listing at most ten directives.
      expect(chart.svg.match(/<a /g)).toHaveLength(chart.table.rows.length);
      expect(chart.svg).toContain("2020年3月 朝阳区 流调溯源：10条指示（w000-d002、w000-d003、w001-d002、w001-d003、w002-d002、w002-d003、w003-d002、w003-d003、w004-d002、w004-d003）");
      expect(chart.svg).toMatch(/2020年4月 朝阳区 流调溯源：8条指示（w005-d002、[^）]*、w008-d003）/);
      expectSafeSvg(chart.svg);
    });

    it("caps a dot's tooltip at ten directives", () => {
      const many: MeasureRowSpec[] = [{ date: "2022-04-13", district: "朝阳区", category: "tracing", directives: 12, directive_ids: Array.from({ length: 12 }, (_, i) => `030-d${String(i + 1).padStart(3, "0")}`) }];
      const chart = measuresChart(many, options);
      expect(chart.svg).toContain("030-d009、030-d010等12条）");
      expect(chart.table.rows[0]?.directive_ids).toBe(many[0]!.directive_ids.join(" "));
    });

    it("combines the districts into one row per category when they would give more than MAX_TIMELINE_LANES rows", () => {
      const names = Array.from({ length: 31 }, (_, i) => `区${String(i).padStart(2, "0")}`);
      const wide: MeasureRowSpec[] = names.flatMap((name, i) => [
        { date: "2022-04-13", district: name, category: "tracing", directives: 1, directive_ids: [`${i}-d001`] },
        { date: "2022-04-13", district: name, category: "nucleic_acid_testing", directives: 1, directive_ids: [`${i}-d002`] },
      ]);
      const chart = measuresChart(wide, options);
      expect(chart.alt).toMatch(/各区合并为每类措施一行，各区的时间线见各区页面。$/);
      expect(chart.table.rows.map((row) => [row.district, row.category, row.directives])).toEqual([
        ["全市及各区", "核酸检测", 31],
        ["全市及各区", "流调溯源", 31],
      ]);
      // One district's chart is never combined.
      expect(measuresChart(wide, { ...options, district: "chaoyang" }).table.rows).toEqual([]);
    });
  });

  it("states the directives, the commonest category and the district with most", () => {
    const chart = measuresChart(MEASURE_ROWS, options);
    expect(chart.id).toBe("measures");
    expect(chart.title).toBe("防控措施时间线");
    expect(chart.caption).toBe("数据来源：各区及市级新闻报道中的防控工作指示（自动提取）；数据截至2022年5月6日");
    // 7 distinct directives; 核酸检测 {026-d006, 030-d001, 030-d004} = 3 ties 封控管控 3, the earlier key wins; 朝阳区 5.
    expect(chart.alt).toBe("2022年4月13日至2022年5月6日，全市及各区共有7条防控指示（2天），涉及3类措施；最常提到的是核酸检测（3条）。指示最多的是朝阳区（5条）。");
    expect(chart.table.rows).toEqual([
      { date: "2022年4月13日", district: "全市", category: "核酸检测", directives: 1, directive_ids: "026-d006" },
      { date: "2022年4月13日", district: "朝阳区", category: "核酸检测", directives: 2, directive_ids: "030-d001 030-d004" },
      { date: "2022年4月13日", district: "朝阳区", category: "流调溯源", directives: 1, directive_ids: "030-d004" },
      { date: "2022年5月6日", district: "东城区", category: "流调溯源", directives: 1, directive_ids: "040-d002" },
      { date: "2022年5月6日", district: "朝阳区", category: "封控管控", directives: 3, directive_ids: "031-d001 031-d002 031-d003" },
    ]);
    expectSafeSvg(chart.svg);
  });

  it("links each mark to its first directive, named by its title", () => {
    const svg = measuresChart(MEASURE_ROWS, options).svg;
    expect(svg.match(/<a /g)).toHaveLength(5);
    expect(svg).toContain('<a aria-label="2022年5月6日 朝阳区 封控管控：3条指示（031-d001、031-d002、031-d003）" fill="inherit" href="/reports/031/#031-d001">');
    expect(svg).toMatch(/^<svg [^>]*role="graphics-document"/);
    const custom = measuresChart(MEASURE_ROWS, { ...options, linkFor: (id) => `/d/${id}/` }).svg;
    expect(custom).toContain('href="/d/026-d006/"');
  });

  it("matches the golden SVG", async () => {
    await expect(measuresChart(MEASURE_ROWS, options).svg).toMatchFileSnapshot("../golden/charts/measures.svg");
    await expect(measuresChart(MEASURE_ROWS, { ...options, district: "chaoyang" }).svg).toMatchFileSnapshot("../golden/charts/measures-chaoyang.svg");
  });

  it("draws one district without the city's rows", () => {
    const chart = measuresChart(MEASURE_ROWS, { ...options, district: "chaoyang" });
    expect(chart.title).toBe("朝阳区防控措施时间线");
    expect(chart.alt).toBe("2022年4月13日至2022年5月6日，朝阳区共有5条防控指示（2天），涉及3类措施；最常提到的是封控管控（3条）。");
    expect(chart.table.rows.map((r) => r.district)).toEqual(["朝阳区", "朝阳区", "朝阳区"]);
  });

  it.each([
    ["a district without rows", "pinggu", "平谷区没有提取到防控措施指示。"],
    ["an unknown district", "atlantis", "该区没有提取到防控措施指示。"],
  ])("says there is no data for %s", (_, district, alt) => {
    const chart = measuresChart(MEASURE_ROWS, { ...options, district });
    expect(chart.alt).toBe(alt);
    expect(chart.table).toEqual({ columns: [], rows: [] });
    expectSafeSvg(chart.svg);
  });

  it("gives the same string on every render, whatever the row order", () => {
    expect(measuresChart([...MEASURE_ROWS].reverse(), options)).toEqual(measuresChart(MEASURE_ROWS, options));
  });
});

const build = path.resolve(process.cwd(), "data/build");
const haveBuild = existsSync(path.join(build, "measures.json")) && existsSync(path.join(build, "districts.json"));
if (!haveBuild) console.log(`measuresChart: ${build} is absent, skipping the checks on the built data (run npm run data)`);

describe.skipIf(!haveBuild)("measuresChart on data/build/measures.json", () => {
  const read = (name: string) => JSON.parse(readFileSync(path.join(build, name), "utf8"));
  const rows = (haveBuild ? read("measures.json") : []) as MeasureRowSpec[];
  const districts = (haveBuild ? read("districts.json") : []) as DistrictRef[];
  const categories = parseMeasureCategories(readFileSync(path.resolve(process.cwd(), "data/reference/measure-categories.csv"), "utf8"), "measure-categories.csv").value ?? [];

  it("states the number of directives and days as the rows give them", () => {
    const ids = new Set(rows.flatMap((r) => r.directive_ids));
    const dates = [...new Set(rows.map((r) => r.date))].sort();
    const alt = measuresChart(rows, { districts, categories }).alt;
    expect(alt).toContain(`${formatDate(dates[0]!)}至${formatDate(dates.at(-1)!)}，全市及各区共有${ids.size}条防控指示（${dates.length}天）`);
    const perCategory = new Map<string, number>();
    for (const r of rows) perCategory.set(r.category, (perCategory.get(r.category) ?? 0) + r.directives);
    const most = Math.max(...perCategory.values());
    expect(alt).toMatch(new RegExp(`最常提到的是[^（]+（${most}条）`));
    expect(measuresChart(rows, { districts, categories }).svg.match(/<a /g)).toHaveLength(rows.length);
  });
});
