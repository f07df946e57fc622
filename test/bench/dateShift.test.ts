import { describe, expect, it } from "vitest";
import { shiftDates } from "../../src/bench/dateShift.ts";

describe("shiftDates(text, days, year)", () => {
  it.each([
    ["2022年4月13日上午", 7, 2022, "2022年4月20日上午"],
    ["8月5日晚", 28, 2020, "9月2日晚"],
    ["12月30日", 7, 2021, "1月6日"],
    ["published_date: 2020-08-07", -14, 2020, "published_date: 2020-07-24"],
    ["2022/4/3", 1, 2022, "2022/4/4"],
    ["2020-02-28", 1, 2020, "2020-02-29"],
    ["2月28日", 1, 2021, "3月1日"],
  ])("moves %s by %i days", (text, days, year, expected) => {
    expect(shiftDates(text, days, year)).toBe(expected);
  });

  it("leaves what is no date as it is", () => {
    expect(shiftDates("13月40日 四月十三日 第91次会议 2022年13月1日", 7, 2022)).toBe("13月40日 四月十三日 第91次会议 2022年13月1日");
  });
});
