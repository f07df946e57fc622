/**
 * Small, hand-made rows for the chart tests: few enough to check every number by eye, shaped like the emitted
 * datasets (data/build/case_csv.json, risk_areas.json, measures.json).
 */
import type { CaseCsvRowSpec, DistrictRef } from "../../src/lib/caseSeries.ts";
import type { CategoryRef, MeasureRowSpec } from "../../src/lib/measureTimeline.ts";
import type { RiskAreaRowSpec } from "../../src/lib/riskAreaCounts.ts";

/** Three districts are enough to exercise order, panels and the no-data district. */
export const DISTRICTS: DistrictRef[] = [
  { name: "东城区", slug: "dongcheng" },
  { name: "朝阳区", slug: "chaoyang" },
  { name: "平谷区", slug: "pinggu" },
];

const day = (layout: string, district: string, date: string, confirmed: number | null, asymptomatic: number | null, extra: Partial<CaseCsvRowSpec> = {}): CaseCsvRowSpec => ({
  layout,
  date,
  window: "0-24",
  scope: "local",
  measure: "new",
  district,
  confirmed,
  asymptomatic,
  ...extra,
});

/** 8 days of city totals, 東城 and 朝阳 with a missing day (04-05), 平谷 without rows, and rows that must be ignored. */
export const CASE_ROWS: CaseCsvRowSpec[] = [
  ...["2022-04-01", "2022-04-02", "2022-04-03", "2022-04-04", "2022-04-05", "2022-04-06", "2022-04-07", "2022-04-08"].map((date, i) =>
    day("citywide", "北京市", date, [2, 0, 5, 9, 4, 12, 7, 3][i] as number, [0, 1, 1, 2, 0, 3, 1, 0][i] as number),
  ),
  ...["2022-04-01", "2022-04-02", "2022-04-03", "2022-04-04", "2022-04-06", "2022-04-07", "2022-04-08"].map((date, i) =>
    day("districts", "朝阳区", date, [1, 0, 3, 6, 8, 5, 2][i] as number, [0, 1, 0, 2, 2, 1, 0][i] as number),
  ),
  ...["2022-04-01", "2022-04-02", "2022-04-03", "2022-04-04", "2022-04-06", "2022-04-07", "2022-04-08"].map((date, i) =>
    day("districts", "东城区", date, [0, 0, 1, 0, 2, 0, 1][i] as number, 0),
  ),
  // 2020: a cumulative difference (no window) and a cumulative total: never charted.
  day("districts", "朝阳区", "2020-02-02", -4, null, { window: null }),
  day("districts", "朝阳区", "2020-02-02", 40, null, { window: null, measure: "cumulative" }),
  // imported cases of the city: not local.
  day("citywide", "北京市", "2022-04-03", 50, 50, { scope: "imported" }),
];

/** Levels with overlapping intervals, one regime from a report, one undated row, one of another district. */
export const RISK_ROWS: RiskAreaRowSpec[] = [
  { district: "朝阳区", level: "高风险", regime: null, from: "2022-11-01 08:00", to: "2022-11-03 12:00" },
  { district: "朝阳区", level: "高风险", regime: null, from: "2022-11-02", to: "2022-11-05" },
  { district: "朝阳区", level: "中风险", regime: null, from: "2022-11-03", to: null },
  { district: "朝阳区", level: null, regime: "封控区", from: null, to: "2022-11-04" },
  { district: "朝阳区", level: null, regime: "管控区", from: null, to: null },
  { district: "东城区", level: "低风险", regime: null, from: "2022-11-02", to: "2022-11-02" },
];

export const CATEGORIES: CategoryRef[] = [
  { key: "nucleic_acid_testing", label_zh: "核酸检测" },
  { key: "sealing_control", label_zh: "封控管控" },
  { key: "tracing", label_zh: "流调溯源" },
];

export const MEASURE_ROWS: MeasureRowSpec[] = [
  { date: "2022-04-13", district: null, category: "nucleic_acid_testing", directives: 1, directive_ids: ["026-d006"] },
  { date: "2022-04-13", district: "朝阳区", category: "nucleic_acid_testing", directives: 2, directive_ids: ["030-d001", "030-d004"] },
  { date: "2022-04-13", district: "朝阳区", category: "tracing", directives: 1, directive_ids: ["030-d004"] },
  { date: "2022-05-06", district: "朝阳区", category: "sealing_control", directives: 3, directive_ids: ["031-d001", "031-d002", "031-d003"] },
  { date: "2022-05-06", district: "东城区", category: "tracing", directives: 1, directive_ids: ["040-d002"] },
];
