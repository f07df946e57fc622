import { describe, expect, it } from "vitest";
import { AS_OF_DATE_COLUMNS, filterCsvAsOf, findAsOfExclusion, isAsOfDate, openRiskAreasAsOf } from "../../src/pipeline/asOf.ts";
import { parseRiskAreaCsv, RISK_AREA_CSV_HEADER } from "../../src/pipeline/extract/riskAreaCsv.ts";
import { mergeRiskAreas } from "../../src/pipeline/extract/riskAreaMerge.ts";
import type { Gazetteer } from "../../src/pipeline/parse/gazetteer.ts";

// Only what parseRiskAreaCsv and mergeRiskAreas read of the gazetteer: the districts' names and slugs.
const gazetteer = { districts: [{ name: "朝阳区", slug: "chaoyang", code: "110105" }, { name: "海淀区", slug: "haidian", code: "110108" }] } as unknown as Gazetteer;

describe("isAsOfDate(text)", () => {
  it.each([["2022-04-13", true], ["2022-02-29", false], ["2022-4-13", false], ["2022-04-13 10:00", false], ["", false]])("%j → %s", (text, ok) => {
    expect(isAsOfDate(text)).toBe(ok);
  });
});

describe("findAsOfExclusion(publishedDate, asOf, path)", () => {
  it("keeps a report published on or before the day", () => {
    expect(findAsOfExclusion("2022-04-13", "2022-04-13", "data/raw/reports/004.txt")).toBeNull();
    expect(findAsOfExclusion("2021-01-22", "2022-04-13", "data/raw/reports/002.txt")).toBeNull();
  });
  it("leaves out a report published later, with a note", () => {
    expect(findAsOfExclusion("2022-05-23", "2022-04-13", "data/raw/reports/000.txt")).toEqual({
      code: "published-after-as-of",
      severity: "info",
      path: "data/raw/reports/000.txt",
      line: null,
      column: null,
      message: 'report is left out of the build as of 2022-04-13: expected a publication date on or before 2022-04-13, found "2022-05-23"',
    });
  });
  it("leaves out a report whose publication date is unknown", () => {
    const issue = findAsOfExclusion(null, "2022-04-13", "data/raw/reports/x.txt");
    expect(issue?.code).toBe("published-date-unknown");
    expect(issue?.severity).toBe("info");
    expect(issue?.message).toBe("report is left out of the build as of 2022-04-13: expected a publication date on or before 2022-04-13, found none, so it cannot be said to have been out by then");
  });
});

describe("filterCsvAsOf(text, path, columns, asOf)", () => {
  const cases = "date,district,n\n2022-04-12,朝阳区,1\n2022-04-13,朝阳区,2\n2022-04-14,朝阳区,3\n";
  it("blanks case rows dated later, keeping every kept row on its line", () => {
    expect(filterCsvAsOf(cases, "c.csv", AS_OF_DATE_COLUMNS.cases, "2022-04-13")).toBe("date,district,n\n2022-04-12,朝阳区,1\n2022-04-13,朝阳区,2\n\n");
  });
  it("reads the day of an intraday as_of column", () => {
    const intraday = "as_of,district\n2020-01-21T18:00,西城区\n2020-01-22T09:00,西城区\n";
    expect(filterCsvAsOf(intraday, "i.csv", AS_OF_DATE_COLUMNS.cases, "2020-01-21")).toBe("as_of,district\n2020-01-21T18:00,西城区\n\n");
  });
  it("blanks every line of a later record with a quoted line break, and keeps undated rows for their parser", () => {
    const text = 'date,note\n2022-04-14,"two\nlines"\nbad-date,x\n2022-04-01,ok\n';
    expect(filterCsvAsOf(text, "c.csv", ["date"], "2022-04-13")).toBe("date,note\n\n\nbad-date,x\n2022-04-01,ok\n");
  });
  it("returns text whose header has no date column unchanged", () => {
    expect(filterCsvAsOf("a,b\n2030-01-01,1\n", "c.csv", ["date"], "2022-04-13")).toBe("a,b\n2030-01-01,1\n");
  });
  it("returns the text unchanged when nothing is later", () => {
    expect(filterCsvAsOf(cases, "c.csv", ["date"], "2022-12-31")).toBe(cases);
  });
});

describe("risk areas as of a day", () => {
  const row = (area: string, first: string, last: string) => `朝阳区,,三里屯街道,${area},高风险,${first},${last},3,api_end_update_time,api_snapshots,s,s`;
  const csv = [
    RISK_AREA_CSV_HEADER.join(","),
    row("甲楼", "2022-11-01 19:00", "2022-11-03 09:00"), // ended before the day
    row("乙楼", "2022-11-02 10:00", "2022-11-09 09:00"), // listed on the day and after it
    row("丙楼", "2022-11-06 10:00", "2022-11-08 09:00"), // first seen after the day
  ].join("\n");
  const asOf = "2022-11-05";
  const merged = () => {
    const text = filterCsvAsOf(csv, "data/raw/risk-areas/r.csv", AS_OF_DATE_COLUMNS.riskAreas, asOf);
    const parsed = parseRiskAreaCsv(text, "data/raw/risk-areas/r.csv", gazetteer);
    expect(parsed.issues).toEqual([]);
    return openRiskAreasAsOf(mergeRiskAreas([], parsed.rows, gazetteer), asOf);
  };

  it("leaves out rows first seen later and keeps the others' lines", () => {
    const rows = merged();
    expect(rows.map((r) => [r.area, r.sources])).toEqual([
      ["乙楼", [{ path: "data/raw/risk-areas/r.csv", line: 3 }]],
      ["甲楼", [{ path: "data/raw/risk-areas/r.csv", line: 2 }]],
    ]);
  });
  it("shows an area still listed after the day as in force on it, not lifted on it", () => {
    const byArea = new Map(merged().map((r) => [r.area, r]));
    expect(byArea.get("乙楼")).toMatchObject({ from: "2022-11-02", from_time: "10:00", to: null, to_time: null });
    expect(byArea.get("甲楼")).toMatchObject({ from: "2022-11-01", to: "2022-11-03", to_time: "09:00" });
  });
  it("keeps the ids of the full build, so snapshots compare by id", () => {
    const full = mergeRiskAreas([], parseRiskAreaCsv(csv, "data/raw/risk-areas/r.csv", gazetteer).rows, gazetteer);
    const ids = new Map(full.map((r) => [r.area, r.id]));
    for (const r of merged()) expect(r.id).toBe(ids.get(r.area));
  });
  it("returns rows that end on or before the day as they are", () => {
    const rows = mergeRiskAreas([], parseRiskAreaCsv(csv, "r.csv", gazetteer).rows, gazetteer);
    expect(openRiskAreasAsOf(rows, "2022-12-31")).toEqual(rows);
  });
});

describe("runPipeline with asOf", () => {
  const report = (title: string, date: string | null) => ({
    text: `${title}\n\n朝阳区召开疫情防控工作会议，部署核酸检测工作。会议要求各街道落实防控措施。\n`,
    sidecar: date === null ? `title: ${title}\n` : `title: ${title}\npublished_date: ${date}\n`,
  });
  const input = async () => {
    const { getReference } = await import("../support/pipeline.ts");
    const { runPipeline } = await import("../../src/pipeline/run.ts");
    const files = [
      { name: "a.txt", ...report("朝阳区部署防控工作", "2022-04-13") },
      { name: "b.txt", ...report("朝阳区再部署防控工作", "2022-05-23") },
      { name: "c.txt", ...report("朝阳区继续部署防控工作", null) },
    ];
    const reports = files.map((f) => ({
      path: `data/raw/reports/${f.name}`,
      bytes: new TextEncoder().encode(f.text),
      sidecar: { path: `data/raw/reports/${f.name.replace(".txt", ".meta.yaml")}`, text: f.sidecar },
    }));
    const cases = { path: "data/raw/cases/c.csv", text: "date,district,district_raw,new_confirmed,new_asymptomatic,cumulative_confirmed,cumulative_cured,cumulative_dead,method,coverage,date_basis,source,source_url\n2022-04-13,朝阳区,,1,0,,,,case_list_count,,bulletin_day,s,\n2022-04-14,朝阳区,,2,0,,,,case_list_count,,bulletin_day,s,\n" };
    return (asOf: string | undefined) =>
      getReference().then((reference) => runPipeline({ reports, orphanSidecars: [], unreadable: [], caseCsv: [cases], riskAreaCsv: [] }, reference, { today: "2022-04-13", asOf }));
  };

  it("keeps reports published by the day and lists the others as not-yet-published, with the reason", async () => {
    const result = (await input())("2022-04-13");
    const r = await result;
    expect(r.documents.map((d) => d.row.id)).toEqual(["a"]);
    expect(r.report.files.map((f) => [f.path, f.status, f.issues.map((i) => i.code)])).toEqual([
      ["data/raw/cases/c.csv", "published", []],
      ["data/raw/reports/a.meta.yaml", "published", []],
      ["data/raw/reports/a.txt", "published", []],
      ["data/raw/reports/b.meta.yaml", "not-yet-published", []],
      ["data/raw/reports/b.txt", "not-yet-published", ["published-after-as-of"]],
      ["data/raw/reports/c.meta.yaml", "not-yet-published", []],
      ["data/raw/reports/c.txt", "not-yet-published", ["published-date-unknown"]],
    ]);
    expect(r.report.summary).toMatchObject({ reports: 3, published: 1, rejected: 0 });
    expect(r.datasets.case_csv.map((row) => [row.date, row.source_line])).toEqual([["2022-04-13", 2]]);
  });

  it("takes every input without asOf", async () => {
    const r = await (await input())(undefined);
    expect(r.report.files.filter((f) => f.status === "not-yet-published")).toEqual([]);
    expect(r.datasets.case_csv.map((row) => row.date)).toEqual(["2022-04-13", "2022-04-14"]);
  });
});
