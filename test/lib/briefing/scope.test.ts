import { describe, expect, it } from "vitest";
import { getSnapshotDate, selectBriefingDates, selectBriefingWeeks } from "../../../src/lib/briefing/scope.ts";
import { planBriefings } from "../../../src/lib/briefing/briefingPages.ts";
import { getTestIndex, hasDatasets } from "./briefingDatasets.ts";

describe("briefing scope (TONGBAO_SNAPSHOT_DATE)", () => {
  it("reads the variable, and refuses a value that is not a date", () => {
    expect(getSnapshotDate({})).toBeNull();
    expect(getSnapshotDate({ TONGBAO_SNAPSHOT_DATE: "2022-04-13" })).toBe("2022-04-13");
    expect(() => getSnapshotDate({ TONGBAO_SNAPSHOT_DATE: "today" })).toThrowErrorMatchingInlineSnapshot(`[Error: TONGBAO_SNAPSHOT_DATE is not a date: expected YYYY-MM-DD, found "today"]`);
  });
  it("keeps the snapshot day and its week only", () => {
    expect(selectBriefingDates(["2022-04-12", "2022-04-13"], "2022-04-13")).toEqual(["2022-04-13"]);
    expect(selectBriefingDates(["2022-04-12", "2022-04-13"], null)).toEqual(["2022-04-12", "2022-04-13"]);
    expect(selectBriefingWeeks(["2022-W14", "2022-W15"], "2022-04-13")).toEqual(["2022-W15"]);
  });
  it.skipIf(!hasDatasets)("plans a snapshot's briefings: the day, its districts with data, its week", () => {
    const plan = planBriefings(getTestIndex().index, "2022-04-13");
    expect(plan.dates).toEqual(["2022-04-13"]);
    expect(plan.districtDays).toEqual([{ date: "2022-04-13", slug: "miyun", name: "密云区" }]);
    expect(plan.weeks).toEqual(["2022-W15"]);
    const live = planBriefings(getTestIndex().index, null);
    expect(live.dates.length).toBeGreaterThan(200);
    expect(live.weeks).toContain("2022-W15");
  });
});
