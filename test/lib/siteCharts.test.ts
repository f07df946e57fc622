import { describe, expect, it } from "vitest";
import { casesChart } from "../../src/charts/casesChart.ts";
import { measuresChart } from "../../src/charts/measuresChart.ts";
import { riskAreasChart } from "../../src/charts/riskAreasChart.ts";
import {
  findSiteChartRef,
  getChartEmbedPath,
  getChartFilePath,
  getChartPagePath,
  getSiteChart,
  getSiteChartId,
  isChartEmbeddable,
  listEmbeddableCharts,
  listSiteCharts,
  type SiteChartData,
} from "../../src/lib/siteCharts.ts";
import { CASE_ROWS, CATEGORIES, DISTRICTS, MEASURE_ROWS, RISK_ROWS } from "../charts/fixtures.ts";

const DATA: SiteChartData = { districts: DISTRICTS, caseTables: CASE_ROWS, riskAreas: RISK_ROWS, measures: MEASURE_ROWS, categories: CATEGORIES };

describe("getSiteChart(ref, data, options)", () => {
  it("gives the same chart the chart functions draw, for the city and a district", () => {
    expect(getSiteChart({ kind: "cases" }, DATA)).toEqual(casesChart(CASE_ROWS, { districts: DISTRICTS }));
    expect(getSiteChart({ kind: "cases", district: "chaoyang" }, DATA)).toEqual(casesChart(CASE_ROWS, { districts: DISTRICTS, district: "chaoyang" }));
    expect(getSiteChart({ kind: "risk-areas", district: "dongcheng" }, DATA)).toEqual(riskAreasChart(RISK_ROWS, { districts: DISTRICTS, district: "dongcheng" }));
    expect(getSiteChart({ kind: "measures" }, DATA)).toEqual(measuresChart(MEASURE_ROWS, { districts: DISTRICTS, categories: CATEGORIES }));
  });

  it("links the measures chart to site paths on the site", () => {
    const chart = getSiteChart({ kind: "measures", district: "chaoyang" }, DATA);
    expect(chart.id).toBe("measures-chaoyang");
    expect(chart.svg.match(/href="[^"]*"/g)).toEqual(['href="/reports/031/#031-d001"', 'href="/reports/030/#030-d001"', 'href="/reports/030/#030-d004"']);
    expect(chart.svg).not.toContain("target=");
  });

  it("links the measures chart absolutely, in the top window, in an embed", () => {
    const chart = getSiteChart({ kind: "measures", district: "chaoyang" }, DATA, { site: new URL("https://tongbao.example.org/") });
    expect(chart.svg.match(/<a [^>]*>/g)?.map((tag) => /href="([^"]*)"/.exec(tag)?.[1] + " " + /target="([^"]*)"/.exec(tag)?.[1])).toEqual([
      "https://tongbao.example.org/reports/031/#031-d001 _top",
      "https://tongbao.example.org/reports/030/#030-d001 _top",
      "https://tongbao.example.org/reports/030/#030-d004 _top",
    ]);
  });

  it("draws the no-data chart for an unknown district", () => {
    const chart = getSiteChart({ kind: "cases", district: "atlantis" }, DATA);
    expect(chart.id).toBe("cases-atlantis");
    expect(chart.alt).toBe("没有可用的每日新增病例数据。");
    expect(chart.table.rows).toEqual([]);
  });
});

describe("listSiteCharts(districts)", () => {
  it("lists the three city charts, then each kind for every district", () => {
    expect(listSiteCharts(DISTRICTS).map(getSiteChartId)).toEqual([
      "cases", "risk-areas", "measures",
      "cases-dongcheng", "cases-chaoyang", "cases-pinggu",
      "risk-areas-dongcheng", "risk-areas-chaoyang", "risk-areas-pinggu",
      "measures-dongcheng", "measures-chaoyang", "measures-pinggu",
    ]);
  });
});

describe("listEmbeddableCharts(data) and isChartEmbeddable(chart)", () => {
  it("leaves out the charts without data (平谷 has no rows in the fixtures)", () => {
    expect(isChartEmbeddable(getSiteChart({ kind: "cases", district: "pinggu" }, DATA))).toBe(false);
    expect(isChartEmbeddable(getSiteChart({ kind: "cases", district: "chaoyang" }, DATA))).toBe(true);
    const ids = listEmbeddableCharts(DATA).map(getSiteChartId);
    expect(ids.slice(0, 3)).toEqual(["cases", "risk-areas", "measures"]);
    expect(ids).toContain("cases-chaoyang");
    expect(ids.filter((id) => id.endsWith("-pinggu"))).toEqual([]);
  });
});

describe("findSiteChartRef(chartId)", () => {
  it.each([
    ["cases", { kind: "cases" }],
    ["risk-areas", { kind: "risk-areas" }],
    ["risk-areas-haidian", { kind: "risk-areas", district: "haidian" }],
    ["measures-shijingshan", { kind: "measures", district: "shijingshan" }],
    ["cases-", undefined],
    ["cases-Hai dian", undefined],
    ["risk", undefined],
    ["briefing-cases", undefined],
  ])("%s → %j", (id, expected) => expect(findSiteChartRef(id)).toEqual(expected));

  it("round-trips every listed chart id", () => {
    for (const ref of listSiteCharts(DISTRICTS)) expect(findSiteChartRef(getSiteChartId(ref))).toEqual(ref);
  });
});

describe("chart addresses", () => {
  it("puts a chart's page, embed page and downloads where the site serves them", () => {
    expect(getChartPagePath({ kind: "risk-areas" })).toBe("/risk-areas/");
    expect(getChartPagePath({ kind: "cases", district: "haidian" })).toBe("/districts/haidian/");
    expect(getChartEmbedPath({ kind: "measures" })).toBe("/embed/measures/");
    expect(getChartEmbedPath({ kind: "cases", district: "haidian" })).toBe("/embed/cases/haidian/");
    expect(getChartFilePath({ kind: "cases", district: "haidian" }, "png")).toBe("/charts/cases-haidian.png");
  });
});
