import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDirectiveHref, measuresChart } from "../../src/charts/measuresChart.ts";
import type { DistrictRef } from "../../src/lib/caseSeries.ts";
import { formatDate } from "../../src/lib/formatDate.ts";
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
