import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/lib/isoDays.ts";
import { formatPeriod, getMeasureTimeline, getPeriodStart, MAX_TIMELINE_COLUMNS, MAX_TIMELINE_LANES, type MeasureRowSpec } from "../../src/lib/measureTimeline.ts";
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

describe("getPeriodStart(day, period) / formatPeriod(start, period)", () => {
  it.each([
    ["2022-04-13", "day", "2022-04-13", "2022年4月13日"],
    // A Wednesday: its ISO week starts on Monday the 11th.
    ["2022-04-13", "week", "2022-04-11", "2022年4月11日起一周"],
    // 2021-01-01 is a Friday of the week that started on 2020-12-28.
    ["2021-01-01", "week", "2020-12-28", "2020年12月28日起一周"],
    ["2022-04-13", "month", "2022-04-01", "2022年4月"],
    ["2022-04-13", "quarter", "2022-04-01", "2022年第2季度"],
    ["2022-12-31", "quarter", "2022-10-01", "2022年第4季度"],
    ["2022-03-31", "quarter", "2022-01-01", "2022年第1季度"],
    ["2022-04-13", "year", "2022-01-01", "2022年"],
  ] as const)("puts %s in the %s starting %s, labelled %s", (day, period, start, label) => {
    expect(getPeriodStart(day, period)).toBe(start);
    expect(formatPeriod(start, period)).toBe(label);
  });
});

describe("getMeasureTimeline at scale", () => {
  /** A row of `district` and category `c{n}` on `day`, with `count` directives named after them. */
  const row = (day: string, district: string | null, n: number, count = 1): MeasureRowSpec => ({
    date: day,
    district,
    category: `c${n}`,
    directives: count,
    directive_ids: Array.from({ length: count }, (_, i) => `${day.replaceAll("-", "")}${district === null ? "x" : district.length}-d${String(n * 10 + i).padStart(3, "0")}`),
  });
  const days = (count: number, step: number) => Array.from({ length: count }, (_, i) => addDays("2020-03-02", i * step));

  it("keeps days as columns up to MAX_TIMELINE_COLUMNS", () => {
    const timeline = getMeasureTimeline(days(MAX_TIMELINE_COLUMNS, 1).map((d) => row(d, "朝阳区", 1)), DISTRICTS, CATEGORIES);
    expect(timeline.period).toBe("day");
    expect(timeline.columns).toEqual(timeline.dates);
    expect(timeline.combined).toBe(false);
  });

  it.each([
    [MAX_TIMELINE_COLUMNS + 1, 1, "week"],
    [300, 3, "month"],
    [500, 5, "quarter"],
    [400, 30, "year"],
  ] as const)("groups %i days %i apart into %ss", (count, step, period) => {
    const rows = days(count, step).flatMap((d) => [row(d, "朝阳区", 1, 2), row(d, null, 2)]);
    const timeline = getMeasureTimeline(rows, DISTRICTS, CATEGORIES);
    expect(timeline.period).toBe(period);
    expect(timeline.columns.length).toBeLessThanOrEqual(MAX_TIMELINE_COLUMNS);
    expect(timeline.dates).toHaveLength(count);
    expect(timeline.marks.reduce((sum, m) => sum + m.directives, 0)).toBe(3 * count);
    expect(timeline.directiveCount).toBe(3 * count);
  });

  it("combines the districts into one lane per category beyond MAX_TIMELINE_LANES lanes", () => {
    // 16 districts and the city × 4 categories = 68 lanes.
    const names = [null, ...DISTRICTS.map((d) => d.name), ...Array.from({ length: 16 - DISTRICTS.length }, (_, i) => `区${i}`)];
    const rows = names.flatMap((name) => [1, 2, 3, 4].map((n) => row("2022-04-13", name, n)));
    expect(rows.length).toBeGreaterThan(MAX_TIMELINE_LANES);
    const timeline = getMeasureTimeline(rows, DISTRICTS, CATEGORIES);
    expect(timeline.combined).toBe(true);
    expect(timeline.lanes.map((l) => `${l.districtName}/${l.category}`)).toEqual(["全市及各区/c1", "全市及各区/c2", "全市及各区/c3", "全市及各区/c4"]);
    expect(timeline.marks.map((m) => m.directives)).toEqual([names.length, names.length, names.length, names.length]);
    expect(timeline.marks.every((m) => m.district === null)).toBe(true);
    // The sums of the text still count districts.
    expect(timeline.directivesByDistrict.size).toBe(names.length);
    // In the categories' order, whichever district has which: the city here has only the last one.
    const shuffled = [row("2022-04-13", null, 4), ...rows.filter((r) => r.district !== null)].reverse();
    expect(getMeasureTimeline(shuffled, DISTRICTS, CATEGORIES).lanes.map((l) => l.category)).toEqual(["c1", "c2", "c3", "c4"]);
  });

  it("keeps every directive in one mark of its category, whatever the rows (property)", () => {
    const rowArb = fc.record({
      day: fc.integer({ min: 0, max: 2000 }).map((i) => addDays("2020-01-20", i)),
      district: fc.constantFrom(null, "东城区", "朝阳区", "海淀区", "区甲"),
      n: fc.integer({ min: 1, max: 20 }),
      count: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { maxLength: 300, selector: (r) => `${r.day} ${r.district} ${r.n}` }), (specs) => {
        const rows = specs.map((r) => row(r.day, r.district, r.n, r.count));
        const timeline = getMeasureTimeline(rows, DISTRICTS, CATEGORIES);
        expect(timeline.columns.length <= MAX_TIMELINE_COLUMNS || timeline.period === "year").toBe(true);
        expect(timeline.lanes.length <= MAX_TIMELINE_LANES || timeline.combined).toBe(true);
        const expected = rows.flatMap((r) => r.directive_ids.map((id) => `${r.category} ${id}`)).sort();
        const marked = timeline.marks.flatMap((m) => m.directive_ids.map((id) => `${m.category} ${id}`)).sort();
        expect(marked).toEqual(expected);
        for (const mark of timeline.marks) {
          expect(mark.directives).toBe(mark.directive_ids.length);
          expect(timeline.columns).toContain(mark.column);
          expect(timeline.lanes.some((l) => l.key === mark.lane)).toBe(true);
        }
        expect(new Set(timeline.marks.map((m) => `${m.column} ${m.lane}`)).size).toBe(timeline.marks.length);
      }),
    );
  });
});
