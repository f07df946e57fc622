/**
 * Hostile input: dates in the future (after the build's `today`, never the clock) and before the
 * period the site covers (reporting starts in December 2019; a 2018 date is a typo or a wrong year).
 * Both are warnings with the permanent code date-out-of-range: the report is published with the date
 * as written (never guessed), and an editor is told where it is.
 */
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/pipeline/issues.ts";
import type { SourceFile } from "../../src/pipeline/records.ts";
import { runPipeline } from "../../src/pipeline/run.ts";
import { getReference, run } from "../support/pipeline.ts";
import { expectGoodUnchanged, fatesOf, GOOD, GOOD_PATHS, OTHER, reportPath } from "./fixtures.ts";

const dated = (published: string, event: string): string => OTHER.replace("2022-05-10", published).replace("5月9日", event);

describe("hostile dates", () => {
  it("warns about a publication and event date after today, at their place, and publishes the report as written", async () => {
    const result = await run([...GOOD, { name: "future.txt", text: dated("2027-05-10", "2027年5月9日") }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("future.txt")])[reportPath("future.txt")]).toBe("published");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/future.txt:2:4: report published date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2027-05-10"
        hint: check the date; if it is right, nothing to do",
        "data/raw/reports/future.txt:3:1: report event date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2027-05-09"
        hint: check the date; if it is right, nothing to do",
      ]
    `);
    expect(result.documents.find((d) => d.row.id === "future")?.row).toMatchObject({ published_date: "2027-05-10", event_date: "2027-05-09" });
    await expectGoodUnchanged(result);
  });

  it("warns about dates before December 2019", async () => {
    const result = await run([...GOOD, { name: "old.txt", text: dated("2018-05-10", "2018年5月9日") }, { name: "eve.txt", text: dated("2019-11-30", "2019年11月29日") }]);
    const fates = fatesOf(result, [...GOOD_PATHS, reportPath("old.txt"), reportPath("eve.txt")]);
    expect([fates[reportPath("old.txt")], fates[reportPath("eve.txt")]]).toEqual(["published", "published"]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/eve.txt:2:4: report published date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2019-11-30"
        hint: check the date; if it is right, nothing to do",
        "data/raw/reports/eve.txt:3:1: report event date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2019-11-29"
        hint: check the date; if it is right, nothing to do",
        "data/raw/reports/old.txt:2:4: report published date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2018-05-10"
        hint: check the date; if it is right, nothing to do",
        "data/raw/reports/old.txt:3:1: report event date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2018-05-09"
        hint: check the date; if it is right, nothing to do",
      ]
    `);
    await expectGoodUnchanged(result);
  });

  it("accepts the first day covered and today itself", async () => {
    const result = await run([{ name: "first.txt", text: dated("2019-12-01", "2019年12月1日") }, { name: "today.txt", text: dated("2026-11-26", "2026年11月26日") }]);
    expect(result.issues).toEqual([]);
    expect(result.documents.map((d) => d.row.published_date)).toEqual(["2019-12-01", "2026-11-26"]);
  });

  it("judges the future against the build's today option, not the clock", async () => {
    const file: SourceFile = { path: reportPath("x.txt"), bytes: new TextEncoder().encode(OTHER) };
    const input = { reports: [file], orphanSidecars: [], unreadable: [], caseCsv: [], riskAreaCsv: [] };
    const before = runPipeline(input, await getReference(), { today: "2022-05-09" });
    expect(before.issues.map((i) => [i.code, i.severity, i.line, i.message])).toEqual([
      ["date-out-of-range", "warning", 2, 'report published date is out of range: expected a date from 2019-12-01 to 2022-05-09, found "2022-05-10"'],
    ]);
    expect(runPipeline(input, await getReference(), { today: "2022-05-10" }).issues).toEqual([]);
  });

  it("warns about supplied dates out of range at their line in the sidecar", async () => {
    const result = await run([...GOOD, { name: "supplied.txt", text: OTHER, sidecar: "# typed by an editor\npublished_date: 2018-05-10\nevent_date: 2030-01-01\n" }]);
    const fates = fatesOf(result, [...GOOD_PATHS, reportPath("supplied.txt"), reportPath("supplied.meta.yaml")]);
    expect(fates[reportPath("supplied.txt")]).toBe("published");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/supplied.meta.yaml:2:17: published_date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2018-05-10"
        hint: check the date; if it is right, nothing to do",
        "data/raw/reports/supplied.meta.yaml:3:13: event_date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2030-01-01"
        hint: check the date; if it is right, nothing to do",
      ]
    `);
    await expectGoodUnchanged(result);
  });

  it("rejects a report whose only date is not a calendar day, and keeps the good ones", async () => {
    const result = await run([...GOOD, { name: "feb30.txt", text: OTHER.replace("2022-05-10", "2022-02-30").replace("5月9日上午,", "") }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("feb30.txt")])[reportPath("feb30.txt")]).toBe("rejected");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/feb30.txt:2:4: report date is not a date: expected YYYY-MM-DD or 2022年1月3日, found "2022-02-30"
        hint: fix the date in the source, or add published_date: YYYY-MM-DD to data/raw/reports/feb30.meta.yaml",
      ]
    `);
    await expectGoodUnchanged(result);
  });
});
