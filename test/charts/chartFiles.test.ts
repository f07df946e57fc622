import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { casesChart } from "../../src/charts/casesChart.ts";
import { getChartCsvFile, getChartSvgFile } from "../../src/charts/chartFiles.ts";
import { CASE_ROWS, DISTRICTS } from "./fixtures.ts";

const chart = casesChart(CASE_ROWS, { districts: DISTRICTS, district: "chaoyang" });

describe("getChartSvgFile(chart)", () => {
  const file = getChartSvgFile(chart);

  it("is a standalone SVG with the title, the alt text and the caption drawn or described in it", () => {
    expect(file.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 664 `)).toBe(true);
    expect(file.endsWith("</svg>\n")).toBe(true);
    expect(file).toContain(`<title>朝阳区每日新增本土病例</title><desc>${chart.alt}</desc>`);
    expect(file).toContain(`font-size="16" font-weight="bold">朝阳区每日新增本土病例</text>`);
    // 62 characters fit on one line of a 640-unit chart (64 at 10 units each)
    expect(file).toContain(`font-size="10" fill="#555555">数据来源：北京市卫生健康委员会每日疫情通报（各区数字按病例逐条统计，部分日期缺失或偏少）；数据截至2022年4月8日</text>`);
    expect(file).toContain(`font-family="&quot;Noto Sans CJK SC&quot;, `);
    // one <title> (the chart's own moved to the root), no reference to an element of a page
    expect(file.match(/<title>/g)).toHaveLength(1);
    expect(file).not.toContain("aria-describedby");
  });

  it("is well-formed XML", async () => {
    const { DOMParser } = await import("linkedom");
    const doc = new DOMParser().parseFromString(file.replace(/^<\?xml[^>]*>\n/, ""), "image/svg+xml");
    expect(doc.documentElement.getAttribute("aria-label")).toBe("朝阳区每日新增本土病例");
  });

  it("throws on an SVG that is not a composed chart", () => {
    expect(() => getChartSvgFile({ ...chart, svg: "<svg></svg>" })).toThrow('getChartSvgFile: chart "cases-chaoyang" has no composed <svg viewBox="0 0 W H"> root');
  });
});

describe("getChartCsvFile(chart)", () => {
  it("writes the table with a BOM, the Chinese labels and CRLF lines", () => {
    const csv = getChartCsvFile(chart);
    expect(csv.startsWith("\uFEFF日期,新增确诊,新增无症状,合计,7日平均\r\n2022年4月1日,1,0,1,\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: "\r\n" }).data;
    expect(parsed[0]).toEqual(chart.table.columns.map((c) => c.label));
    expect(parsed).toHaveLength(chart.table.rows.length + 1);
  });

  it("escapes formulas and quotes separators", () => {
    const table = { columns: [{ key: "a", label: "名称" }, { key: "b", label: "数" }], rows: [{ a: "=HYPERLINK(1)", b: 1 }, { a: "甲,乙", b: null }] };
    expect(getChartCsvFile({ ...chart, table })).toBe('\uFEFF名称,数\r\n"\'=HYPERLINK(1)",1\r\n"甲,乙",\r\n');
  });

  it("escapes text cells only: a negative or signed number stays a number", () => {
    const table = {
      columns: [{ key: "a", label: "名称" }, { key: "b", label: "变化" }],
      rows: [{ a: "-1", b: -1 }, { a: "+3", b: -0.5 }, { a: "@甲", b: 0 }],
    };
    expect(getChartCsvFile({ ...chart, table })).toBe("\uFEFF名称,变化\r\n\"'-1\",-1\r\n\"'+3\",-0.5\r\n\"'@甲\",0\r\n");
  });

  it("gives a BOM and an empty header for a chart without data", () => {
    expect(getChartCsvFile({ ...chart, table: { columns: [], rows: [] } })).toBe("\uFEFF\r\n");
  });
});
