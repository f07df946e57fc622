import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDailyRiskAreaCounts, getRiskAreaChangeDays, RISK_KINDS } from "../../src/lib/riskAreaCounts.ts";
import { RISK_ROWS } from "../charts/fixtures.ts";

describe("getDailyRiskAreaCounts(rows, options)", () => {
  it("counts from/to days inclusive, single dates on their day, and undated rows apart", () => {
    const counts = getDailyRiskAreaCounts(RISK_ROWS);
    expect(counts.days.map((d) => [d.date, d.total])).toEqual([
      ["2022-11-01", 1],
      ["2022-11-02", 3],
      ["2022-11-03", 3],
      ["2022-11-04", 2],
      ["2022-11-05", 1],
    ]);
    expect(counts.listed).toEqual({ 高风险: 2, 中风险: 1, 低风险: 1, 封控区: 1 });
    expect(counts.undated).toBe(1);
    expect(counts.peak?.date).toBe("2022-11-02");
  });

  it("counts a `to` before `from` on `from`, and gives no days for no rows", () => {
    expect(getDailyRiskAreaCounts([{ district: null, level: "中风险", regime: null, from: "2022-05-02", to: "2022-05-01" }]).days).toEqual([
      { date: "2022-05-02", counts: { 中风险: 1 }, total: 1 },
    ]);
    expect(getDailyRiskAreaCounts([])).toEqual({ first: null, last: null, kinds: [], days: [], listed: {}, peak: null, undated: 0 });
  });

  it("keeps only the days a count changes, plus the ends", () => {
    const rows = [{ district: null, level: "高风险", regime: null, from: "2022-11-01", to: "2022-11-10" }];
    expect(getRiskAreaChangeDays(getDailyRiskAreaCounts(rows)).map((d) => d.date)).toEqual(["2022-11-01", "2022-11-10"]);
  });

  it("matches a naive day-by-day count on arbitrary intervals", () => {
    const day = fc.integer({ min: 0, max: 30 }).map((n) => new Date(Date.UTC(2022, 10, 1 + n)).toISOString().slice(0, 10));
    const row = fc.record({
      district: fc.constant(null),
      level: fc.constantFrom(...RISK_KINDS.slice(0, 3)),
      regime: fc.constant(null),
      from: fc.option(day, { nil: null }),
      to: fc.option(day, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const counts = getDailyRiskAreaCounts(rows);
        for (const d of counts.days) {
          const naive = rows.filter((r) => {
            const from = r.from ?? r.to;
            const to = r.to ?? r.from;
            if (from === null || to === null) return false;
            return from <= d.date && d.date <= (to < from ? from : to);
          }).length;
          expect(d.total).toBe(naive);
        }
      }),
    );
  });
});
