import { describe, expect, it } from "vitest";
import { getIsoWeek, getPreviousWeek, getWeekDays } from "../../../src/lib/briefing/isoWeeks.ts";

describe("ISO weeks", () => {
  it.each([
    ["2022-04-13", "2022-W15"],
    ["2022-04-11", "2022-W15"],
    ["2022-04-17", "2022-W15"],
    ["2021-01-01", "2020-W53"],
    ["2022-01-02", "2021-W52"],
    ["2020-12-31", "2020-W53"],
    ["2019-12-30", "2020-W01"],
  ])("getIsoWeek(%s) is %s", (day, week) => expect(getIsoWeek(day)).toBe(week));

  it("lists a week's days, Monday first", () => {
    expect(getWeekDays("2022-W15")).toEqual(["2022-04-11", "2022-04-12", "2022-04-13", "2022-04-14", "2022-04-15", "2022-04-16", "2022-04-17"]);
    expect(getPreviousWeek("2022-W01")).toBe("2021-W52");
  });

  it("refuses a week that does not exist", () => {
    expect(() => getWeekDays("2022-W53")).toThrowErrorMatchingInlineSnapshot(`[Error: ISO week does not exist: expected a week of 2022, found "2022-W53"]`);
    expect(() => getWeekDays("2022-15")).toThrowErrorMatchingInlineSnapshot(`[Error: ISO week is not valid: expected YYYY-Www, found "2022-15"]`);
  });
});
