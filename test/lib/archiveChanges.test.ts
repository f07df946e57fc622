import { describe, expect, it } from "vitest";
import { compareSnapshots, findPreviousSnapshot, type SnapshotRows } from "../../src/lib/archiveChanges.ts";

const doc = (id: string, published_date: string | null) => ({ id, title: `通报${id}`, published_date });
const area = (id: string, to: string | null, over: Partial<SnapshotRows["risk_areas"][number]> = {}) => ({
  id, district: "朝阳区", district_raw: null, street: "三里屯街道", area: `${id}楼`, level: "高风险", regime: null, from: "2022-04-10", to, ...over,
});
const directive = (id: string, date: string) => ({ id, doc_id: id.replace(/-d\d+$/, ""), speaker: "会议", district: "朝阳区", date, text: "落实核酸检测" });
const count = (date: string, confirmed: number | null, over: Partial<SnapshotRows["case_csv"][number]> = {}) => ({
  date, district: "北京市", window: "0-24", scope: "local", measure: "new", confirmed, asymptomatic: 0, infections: null,
  layout: "citywide", method: "bulletin_regex", date_basis: "bulletin_day", source_path: "data/raw/cases/c.csv", ...over,
});
const empty: SnapshotRows = { documents: [], risk_areas: [], directives: [], case_csv: [], cases: [] };

describe("compareSnapshots(previous, current)", () => {
  const previous: SnapshotRows = {
    documents: [doc("004", "2022-04-13")],
    risk_areas: [area("ra-a", null), area("ra-b", null), area("ra-c", "2022-04-11")],
    directives: [directive("004-d001", "2022-04-13")],
    case_csv: [count("2022-04-12", 3), count("2022-04-13", 1)],
    cases: [{ ...count("2022-04-13", 1), id: "004-case-1", doc_id: "004" }],
  };
  const current: SnapshotRows = {
    documents: [doc("004", "2022-04-13"), doc("000_76bc26fd7b02b4ab", "2022-05-23"), doc("030", "2022-05-01")],
    risk_areas: [area("ra-a", "2022-05-01"), area("ra-b", null), area("ra-c", "2022-04-11"), area("ra-d", null, { district: "海淀区" }), area("ra-e", "2022-05-20", { street: "安贞街道" })],
    directives: [directive("004-d001", "2022-04-13"), directive("030-d002", "2022-05-01"), directive("030-d001", "2022-05-01"), directive("000_76bc26fd7b02b4ab-d001", "2022-05-23")],
    // Re-exported table: the same counts moved to other lines; one revised.
    case_csv: [count("2022-04-12", 4, { source_path: "data/raw/cases/other.csv" }), count("2022-04-13", 1), count("2022-05-23", 9)],
    cases: [{ ...count("2022-04-13", 2), id: "004-case-1", doc_id: "004" }],
  };

  it("lists new reports newest first", () => {
    expect(compareSnapshots(previous, current).newReports.map((d) => d.id)).toEqual(["000_76bc26fd7b02b4ab", "030"]);
  });
  it("lists new risk areas and the ones lifted since (open before, or new and already ended)", () => {
    const changes = compareSnapshots(previous, current);
    expect(changes.newRiskAreas.map((r) => r.id)).toEqual(["ra-e", "ra-d"]);
    expect(changes.liftedRiskAreas.map((r) => [r.id, r.to])).toEqual([["ra-a", "2022-05-01"], ["ra-e", "2022-05-20"]]);
  });
  it("lists new directives by date, newest first", () => {
    expect(compareSnapshots(previous, current).newDirectives.map((d) => d.id)).toEqual(["000_76bc26fd7b02b4ab-d001", "030-d001", "030-d002"]);
  });
  it("lists revised counts of tables (by day, district, window, scope, measure, layout, method, basis) and of reports", () => {
    expect(compareSnapshots(previous, current).revisedCounts).toEqual([
      { source: "report", docId: "004", date: "2022-04-13", district: "北京市", scope: "local", measure: "new", window: "0-24", field: "confirmed", before: 1, after: 2 },
      { source: "table", docId: null, date: "2022-04-12", district: "北京市", scope: "local", measure: "new", window: "0-24", field: "confirmed", before: 3, after: 4 },
    ]);
  });
  it("compares nothing for the first snapshot but lists what it holds as new", () => {
    const changes = compareSnapshots(null, previous);
    expect(changes.newReports.map((d) => d.id)).toEqual(["004"]);
    expect(changes.liftedRiskAreas.map((r) => r.id)).toEqual(["ra-c"]);
    expect(changes.revisedCounts).toEqual([]);
  });
  it("does not compare counts whose key is ambiguous within a snapshot", () => {
    const twice: SnapshotRows = { ...empty, case_csv: [count("2022-04-12", 3), count("2022-04-12", 5)] };
    expect(compareSnapshots(twice, { ...empty, case_csv: [count("2022-04-12", 4), count("2022-04-12", 6)] }).revisedCounts).toEqual([]);
  });
  it("finds nothing between identical snapshots", () => {
    expect(compareSnapshots(current, current)).toEqual({ newReports: [], newRiskAreas: [], liftedRiskAreas: [], newDirectives: [], revisedCounts: [] });
  });
});

describe("findPreviousSnapshot(dates, date)", () => {
  it.each([
    [["2022-05-23", "2022-04-13", "2022-03-01"], "2022-05-23", "2022-04-13"],
    [["2022-05-23", "2022-04-13"], "2022-04-13", null],
  ])("%j before %s → %s", (dates, date, expected) => {
    expect(findPreviousSnapshot(dates, date)).toBe(expected);
  });
});
