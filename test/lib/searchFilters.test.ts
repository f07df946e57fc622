import { describe, expect, it } from "vitest";
import { getSearchDay, getSearchMonth, listSearchMonths } from "../../src/lib/searchFilters.ts";

describe("getSearchDay(doc) and getSearchMonth(day)", () => {
  it("take the publication date, else the event date, as the report page shows it", () => {
    expect(getSearchDay({ published_date: "2022-04-13", event_date: "2022-04-12" })).toBe("2022-04-13");
    expect(getSearchDay({ published_date: null, event_date: "2021-11-02" })).toBe("2021-11-02");
    expect(getSearchMonth("2021-11-02")).toBe("2021年11月");
  });

  it("guess no date and no month when none is known, and refuse what is not a date", () => {
    expect(getSearchDay({ published_date: null, event_date: null })).toBeNull();
    expect(getSearchMonth(null)).toBeNull();
    expect(() => getSearchMonth("2022-4-1")).toThrow(/expected a date YYYY-MM-DD, found "2022-4-1"/);
  });
});

describe("listSearchMonths(documents)", () => {
  it("lists each month once, newest first, numbers sorted as dates (10月 after 9月)", () => {
    const docs = [
      { published_date: "2022-04-13", event_date: null },
      { published_date: null, event_date: "2022-10-01" },
      { published_date: "2022-09-30", event_date: null },
      { published_date: "2022-04-01", event_date: null },
      { published_date: null, event_date: null },
    ];
    expect(listSearchMonths(docs)).toEqual(["2022年10月", "2022年9月", "2022年4月"]);
    expect(listSearchMonths([])).toEqual([]);
  });
});
