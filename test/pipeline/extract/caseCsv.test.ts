import { describe, expect, it } from "vitest";
import { DISTRICTS_HEADER, INTRADAY_HEADER, parseCaseCsv } from "../../../src/pipeline/extract/caseCsv.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { caseCsvSchema } from "../../../src/pipeline/validate/caseSchema.ts";
import { getReference } from "../../support/pipeline.ts";

const P = "data/raw/cases/x.csv";
const row = (date: string, district: string, confirmed: string, method: string, basis = "bulletin_day"): string =>
  [date, district, "", confirmed, "0", "", "", "", method, "complete", basis, "src", ""].join(",");

describe("parseCaseCsv(csvText, path, gazetteer)", () => {
  it("reads the districts layout and reports every bad row at path:line", async () => {
    const { gazetteer } = await getReference();
    const text = [
      DISTRICTS_HEADER.join(","),
      row("2022-04-17", "丰台区", "1", "case_list_count"),
      row("2022-04-17", "丰台区", "2", "case_list_count"),
      row("2022-04-17", "向阳区", "1", "case_list_count"),
      row("2019-11-30", "海淀区", "1", "case_list_count"),
      row("2022-02-30", "海淀区", "1", "case_list_count"),
      row("2022-04-17", "海淀区", "-2", "case_list_count"),
      row("2020-02-02", "朝阳区", "-4", "cumulative_diff", "report_cutoff"),
      row("2022-04-18", "海淀区", "x", "case_list_count"),
      "2022-04-19,海淀区",
    ].join("\n");
    const { rows, issues } = parseCaseCsv(text, P, gazetteer);
    for (const r of rows) caseCsvSchema.parse(r);
    expect(rows.map((r) => `${r.source_line} ${r.date} ${r.district} ${r.window} ${r.confirmed} ${r.asymptomatic}`)).toEqual([
      "2 2022-04-17 丰台区 0-24 1 0",
      "8 2020-02-02 朝阳区 null -4 0",
    ]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/cases/x.csv:3: case row repeats an earlier one: expected one row per date, district and method, found "2022-04-17 丰台区 case_list_count" again (first on line 2)",
        "data/raw/cases/x.csv:4: case district is not one of Beijing's 16 districts: expected e.g. 朝阳区, found "向阳区"
        hint: give the official name in district and the source's spelling in district_raw",
        "data/raw/cases/x.csv:5: case date is out of range: expected 2019-12-01 or later, found "2019-11-30"",
        "data/raw/cases/x.csv:6: case date is not a date: expected YYYY-MM-DD, found "2022-02-30"",
        "data/raw/cases/x.csv:7: case count is negative: expected 0 or more in new_confirmed, found "-2"",
        "data/raw/cases/x.csv:8: case count is negative: expected 0 or more in new_confirmed, found "-4"
        hint: a day-over-day difference falls when the source revised cases (核减); the row is kept",
        "data/raw/cases/x.csv:9: case count is not a whole number: expected digits in new_confirmed, found "x"",
        "data/raw/cases/x.csv:10: case CSV row has the wrong number of columns: expected 13, found 2 in "2022-04-19,海淀区"",
      ]
    `);
    expect(issues.map((i) => i.severity)).toEqual(["error", "error", "error", "error", "error", "warning", "error", "error"]);
  });

  it("reads the intraday layout as cumulative counts at a cut-off", async () => {
    const { gazetteer } = await getReference();
    const { rows, issues } = parseCaseCsv(`${INTRADAY_HEADER.join(",")}\n2020-01-23T24:00,海淀区,,5,src,\n`, P, gazetteer);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.date, r.window, r.measure, r.confirmed])).toEqual([["2020-01-23", "until-24", "cumulative", 5]]);
  });

  it("rejects an unknown header", async () => {
    const { gazetteer } = await getReference();
    const { rows, issues } = parseCaseCsv("a,b\n1,2\n", P, gazetteer);
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.code, i.line])).toEqual([["cases-csv-header-invalid", 1]]);
  });
});

describe("parseCaseCsv: the coverage column", () => {
  it("emits coverage of the districts layout (partial = a lower bound), null where empty", async () => {
    const { gazetteer } = await getReference();
    const line = (district: string, coverage: string) => ["2022-04-22", district, "", "3", "0", "", "", "", "case_list_count", coverage, "bulletin_day", "src", ""].join(",");
    const text = [DISTRICTS_HEADER.join(","), line("朝阳区", "partial"), line("海淀区", "complete"), line("丰台区", "")].join("\n");
    const { rows, issues } = parseCaseCsv(text, P, gazetteer);
    expect(issues).toEqual([]);
    for (const r of rows) caseCsvSchema.parse(r);
    expect(rows.map((r) => [r.district, r.coverage])).toEqual([["朝阳区", "partial"], ["海淀区", "complete"], ["丰台区", null]]);
    expect(() => caseCsvSchema.parse({ ...rows[0], coverage: "some" })).toThrow(/coverage/);
  });
});
