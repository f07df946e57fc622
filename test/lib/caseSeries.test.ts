import { describe, expect, it } from "vitest";
import { getDailyCaseSeries, isDailyNewLocal } from "../../src/lib/caseSeries.ts";
import { CASE_ROWS, DISTRICTS } from "../charts/fixtures.ts";

describe("getDailyCaseSeries(rows, districts, options)", () => {
  it("leaves out the 2020 differences and imported cases, and keeps missing days as null", () => {
    expect(CASE_ROWS.filter(isDailyNewLocal)).toHaveLength(8 + 7 + 7);
    const data = getDailyCaseSeries(CASE_ROWS, DISTRICTS);
    expect([data.first, data.last]).toEqual(["2022-04-01", "2022-04-08"]);
    const chaoyang = data.districts[1]!;
    expect(chaoyang.days[4]).toEqual({ date: "2022-04-05", confirmed: null, asymptomatic: null, total: null, average7: 3.3 });
    expect([chaoyang.confirmed, chaoyang.asymptomatic, chaoyang.reportedDays, chaoyang.peak]).toEqual([25, 6, 7, { date: "2022-04-06", total: 10 }]);
    expect(data.districts[2]!.peak).toBeNull();
    expect(data.city?.confirmed).toBe(42);
  });

  it("gives one district and no city with `district`", () => {
    const data = getDailyCaseSeries(CASE_ROWS, DISTRICTS, { district: "dongcheng" });
    expect(data.city).toBeNull();
    expect(data.districts.map((d) => [d.name, d.confirmed])).toEqual([["东城区", 4]]);
  });
});
