import { describe, expect, it } from "vitest";
import { getMeasureTimeline } from "../../src/lib/measureTimeline.ts";
import { CATEGORIES, DISTRICTS, MEASURE_ROWS } from "../charts/fixtures.ts";

describe("getMeasureTimeline(rows, districts, categories, options)", () => {
  it("orders lanes 全市 first, then districts in their order, categories in CSV order", () => {
    const timeline = getMeasureTimeline(MEASURE_ROWS, DISTRICTS, CATEGORIES);
    expect(timeline.lanes.map((l) => `${l.districtName}/${l.categoryLabel}${l.firstOfDistrict ? "*" : ""}`)).toEqual([
      "全市/核酸检测*",
      "东城区/流调溯源*",
      "朝阳区/核酸检测*",
      "朝阳区/封控管控",
      "朝阳区/流调溯源",
    ]);
    expect(timeline.dates).toEqual(["2022-04-13", "2022-05-06"]);
    expect(timeline.directiveCount).toBe(7);
    expect(Object.fromEntries(timeline.directivesByDistrict)).toEqual({ 全市: 1, 朝阳区: 5, 东城区: 1 });
  });

  it("keeps one district's rows, without the city's", () => {
    const timeline = getMeasureTimeline(MEASURE_ROWS, DISTRICTS, CATEGORIES, { district: "东城区" });
    expect(timeline.marks.map((m) => m.lane)).toEqual(["dongcheng:tracing"]);
  });
});
