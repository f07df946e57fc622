import { describe, expect, it } from "vitest";
import { addDays, daysBetween, getDayOf, getDayRange, getUtcDate } from "../../src/lib/isoDays.ts";

describe("isoDays", () => {
  it("adds days across months and leap days", () => {
    expect(addDays("2022-04-30", 1)).toBe("2022-05-01");
    expect(addDays("2020-03-01", -1)).toBe("2020-02-29");
    expect(daysBetween("2022-11-01", "2022-12-13")).toBe(42);
    expect(getDayRange("2022-04-29", "2022-05-02")).toEqual(["2022-04-29", "2022-04-30", "2022-05-01", "2022-05-02"]);
    expect(getDayRange("2022-05-02", "2022-05-01")).toEqual([]);
  });

  it("takes the day of a listing time", () => {
    expect(getDayOf("2022-12-03 14:00")).toBe("2022-12-03");
    expect(getDayOf(null)).toBeNull();
  });

  it("throws on a date that is not a calendar day (a bug of the caller)", () => {
    expect(() => getUtcDate("2022-13-01")).toThrowErrorMatchingInlineSnapshot(`[Error: getUtcDate: expected YYYY-MM-DD, found "2022-13-01"]`);
  });
});
