import { describe, expect, it } from "vitest";
import { getSearchAttributes, listSearchMonths } from "../../src/lib/searchFilters.ts";

describe("getSearchAttributes(doc)", () => {
  it("gives one filter per district, the month of the publication date, and the date as shown", () => {
    expect(getSearchAttributes({ districts: ["怀柔区", "密云区"], published_date: "2022-04-13", event_date: "2022-04-12" })).toEqual({
      filters: ["区:怀柔区", "区:密云区", "月份:2022年4月"],
      meta: "date:2022年4月13日",
    });
  });

  it("uses the event date when the publication date is unknown, as the report page does", () => {
    expect(getSearchAttributes({ districts: [], published_date: null, event_date: "2021-11-02" })).toEqual({ filters: ["月份:2021年11月"], meta: "date:2021年11月2日" });
  });

  it("guesses no month when no date is known", () => {
    expect(getSearchAttributes({ districts: ["海淀区"], published_date: null, event_date: null })).toEqual({ filters: ["区:海淀区"], meta: "date:日期不详" });
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
