import { describe, expect, it } from "vitest";
import { getDailyBriefing } from "../../../src/lib/briefing/dailyBriefing.ts";
import { listBriefingDates, listDistrictBriefingDates } from "../../../src/lib/briefing/briefingDates.ts";
import { valueOf } from "../../../src/lib/briefing/figure.ts";
import { addDays } from "../../../src/lib/isoDays.ts";
import type { CaseCsvRecord } from "../../../src/pipeline/validate/caseSchema.ts";
import { getTestIndex, hasDatasets, SKIP_MESSAGE } from "./briefingDatasets.ts";

if (!hasDatasets) console.warn(`dailyBriefing.test.ts: ${SKIP_MESSAGE}`);

/** The test's own reading of case_csv: the local new 0-24 row of `district` on `date`, independent of the model. */
function rowOf(rows: readonly CaseCsvRecord[], date: string, district: string): CaseCsvRecord | undefined {
  return rows.find((r) => r.date === date && r.district === district && r.window === "0-24" && r.measure === "new" && r.scope === "local" && r.layout === (district === "北京市" ? "citywide" : "districts"));
}
function totalOf(rows: readonly CaseCsvRecord[], date: string, district: string): number | null {
  const row = rowOf(rows, date, district);
  // coverage=partial: a lower bound, not a day's count (data/raw/cases/README.md).
  return row && row.coverage !== "partial" && row.confirmed !== null && row.asymptomatic !== null ? row.confirmed + row.asymptomatic : null;
}
function sum7(rows: readonly CaseCsvRecord[], end: string, district: string): number | null {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const t = totalOf(rows, addDays(end, -i), district);
    if (t === null) return null;
    sum += t;
  }
  return sum;
}

describe.skipIf(!hasDatasets)("getDailyBriefing(index, date) on the datasets", () => {
  it("2022-04-13 (seed 004): city figures, no district rows, 18 directives of report 004 quoted and linked", () => {
    const { index, rows } = getTestIndex();
    const b = getDailyBriefing(index, "2022-04-13");
    const row = rowOf(rows.caseTables, "2022-04-13", "北京市");
    expect(row?.source_line).toBe(341);
    expect(valueOf(b.cases.today.confirmed)).toBe(1);
    expect(valueOf(b.cases.today.confirmed)).toBe(row?.confirmed);
    expect(valueOf(b.cases.today.asymptomatic)).toBe(0);
    expect(b.cases.today.confirmed).toEqual({ state: "known", value: 1, source: { dataset: "case_csv", path: "data/raw/cases/cases-beijing-citywide.csv", line: 341 } });
    expect(valueOf(b.cases.yesterday.total)).toBe(totalOf(rows.caseTables, "2022-04-12", "北京市"));
    expect(valueOf(b.cases.change)).toBe(1);
    expect(valueOf(b.cases.last7)).toBe(24);
    expect(valueOf(b.cases.last7)).toBe(sum7(rows.caseTables, "2022-04-13", "北京市"));
    expect(valueOf(b.cases.previous7)).toBe(26);
    expect(valueOf(b.cases.previous7)).toBe(sum7(rows.caseTables, "2022-04-06", "北京市"));
    // No district row that day: every district is missing, not 0.
    expect(b.districtCases).toHaveLength(16);
    expect(b.districtCases.every((c) => c.today.confirmed.state === "missing" && c.today.total.state === "missing")).toBe(true);
    expect(b.directives.all).toHaveLength(18);
    expect(b.directives.docIds).toEqual(["004_d2a4c35ad713cded"]);
    expect(b.directives.groups.map((g) => [g.label, g.count])).toEqual([["密云区", 18]]);
    expect(b.directives.groups[0]?.categories.map((c) => [c.label, c.directives.length])).toEqual([
      ["核酸检测", 1], ["流调溯源", 2], ["密接转运隔离", 1], ["测温扫码验码", 1], ["进京卡口/查验", 1], ["重点场所/行业", 1], ["社会面宣传动员", 1], ["应急处置演练", 3], ["其他", 7],
    ]);
    expect(b.reports.map((d) => d.id)).toEqual(["004_d2a4c35ad713cded"]);
    expect(b.risk.added).toEqual([]);
    expect(b.risk.lifted).toEqual([]);
    expect(b.risk.inForce).toEqual([{ kind: "高风险", count: 1 }]);
  });

  it("2022-04-28 (2022 case data): city and district figures recomputed from case_csv", () => {
    const { index, rows } = getTestIndex();
    const b = getDailyBriefing(index, "2022-04-28");
    expect([valueOf(b.cases.today.confirmed), valueOf(b.cases.today.asymptomatic)]).toEqual([47, 2]);
    expect(valueOf(b.cases.today.confirmed)).toBe(rowOf(rows.caseTables, "2022-04-28", "北京市")?.confirmed);
    expect(valueOf(b.cases.change)).toBe(-1);
    expect(valueOf(b.cases.change)).toBe((totalOf(rows.caseTables, "2022-04-28", "北京市") ?? NaN) - (totalOf(rows.caseTables, "2022-04-27", "北京市") ?? NaN));
    expect(valueOf(b.cases.last7)).toBe(213);
    expect(valueOf(b.cases.previous7)).toBe(9);
    expect(valueOf(b.cases.last7)).toBe(sum7(rows.caseTables, "2022-04-28", "北京市"));
    for (const district of b.districtCases) {
      expect(valueOf(district.today.total), district.label).toBe(totalOf(rows.caseTables, "2022-04-28", district.scope));
    }
    expect(b.districtCases.filter((c) => (valueOf(c.today.total) ?? 0) > 0).map((c) => `${c.label}${valueOf(c.today.total)}`)).toEqual([
      "东城区1", "朝阳区9", "丰台区5", "石景山区1", "海淀区4", "房山区14", "通州区9", "顺义区6",
    ]);
    // Sorted by kind (高风险 first), then district name in code-unit order.
    expect(b.risk.added.map((e) => `${e.kind}${e.district}`)).toEqual(["中风险房山区", "中风险房山区", "中风险朝阳区"]);
    expect(b.risk.inForce).toEqual([{ kind: "高风险", count: 5 }, { kind: "中风险", count: 19 }]);
  });

  it("keeps a missing day missing: 朝阳区's 7-day trend of 2022-04-28 needs 04-19…21, which have no row", () => {
    const { index, rows } = getTestIndex();
    const b = getDailyBriefing(index, "2022-04-28", "chaoyang");
    expect(valueOf(b.cases.today.confirmed)).toBe(9);
    expect(valueOf(b.cases.last7)).toBe(sum7(rows.caseTables, "2022-04-28", "朝阳区"));
    expect(rowOf(rows.caseTables, "2022-04-20", "朝阳区")).toBeUndefined();
    expect(b.cases.previous7).toEqual({ state: "missing" });
    expect(b.cases.trend).toEqual({ state: "missing" });
    expect(b.districtCases).toEqual([]);
  });

  it("2022-04-22: a partial district count is a lower bound, never summed or compared", () => {
    const { index, rows } = getTestIndex();
    const b = getDailyBriefing(index, "2022-04-22");
    expect(rowOf(rows.caseTables, "2022-04-22", "朝阳区")?.coverage).toBe("partial");
    const chaoyang = b.districtCases.find((c) => c.scope === "朝阳区")!;
    expect(chaoyang.today.total).toMatchObject({ state: "lower_bound", value: 3 });
    expect(chaoyang.change).toEqual({ state: "missing" });
    const d = getDailyBriefing(index, "2022-04-28", "chaoyang");
    // 04-22, 04-24 and 04-25 are partial: no 7-day total from them.
    expect(d.cases.last7).toEqual({ state: "missing" });
  });

  it("risk areas outside the days the listings cover are missing, not 0", () => {
    const { index } = getTestIndex();
    expect(index.riskCoverage).toEqual({ from: "2020-12-20", to: "2022-12-13" });
    const before = getDailyBriefing(index, "2020-02-10");
    expect(before.risk.covered).toBe(false);
    expect(before.risk.inForce).toEqual([]);
    expect(getDailyBriefing(index, "2022-04-28").risk.covered).toBe(true);
  });

  it("an area last listed on day D is lifted on D + 1, never while it is still listed", () => {
    const { index } = getTestIndex();
    const end = index.riskCoverage!.to;
    let lifted = 0;
    for (const [day, events] of index.riskEvents) {
      for (const e of events.filter((x) => x.change === "lifted" && x.row.sources.every((src) => !("doc_id" in src)))) {
        expect(e.row.to, e.row.id).toBe(addDays(day, -1));
        expect(day <= end, e.row.id).toBe(true);
        lifted += 1;
      }
    }
    expect(lifted).toBeGreaterThan(1000);
  });

  it("throws for an unknown district slug", () => {
    expect(() => getDailyBriefing(getTestIndex().index, "2022-04-13", "gotham")).toThrowErrorMatchingInlineSnapshot(`[Error: district is not known: expected a slug of the districts dataset, found "gotham"]`);
  });
});

describe.skipIf(!hasDatasets)("listBriefingDates / listDistrictBriefingDates", () => {
  it("lists days with data, oldest first, including the seed's day and the 2022 case days", () => {
    const dates = listBriefingDates(getTestIndex().index);
    expect(dates).toContain("2022-04-13");
    expect(dates).toContain("2022-04-28");
    expect([...dates].sort()).toEqual(dates);
    // 2020 table rows without a window are differences of cumulative totals: no briefing from them alone.
    expect(dates).not.toContain("2020-02-10");
  });
  it("gives a district a briefing only on days with data of its own", () => {
    const { index } = getTestIndex();
    expect(listDistrictBriefingDates(index, "密云区")).toContain("2022-04-13");
    expect(listDistrictBriefingDates(index, "海淀区")).not.toContain("2022-04-13");
    // 2022-04-12: every district's row is 0, and nothing else names 海淀区.
    expect(listDistrictBriefingDates(index, "海淀区")).not.toContain("2022-04-12");
  });
});
