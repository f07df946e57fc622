import { describe, expect, it } from "vitest";
import { parseCorrections, selectCorrections } from "../../../src/pipeline/correct/corrections.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";

const PATH = "data/reference/corrections.csv";
const HEADER = "what,old_value,new_value,reason,source,date";
const parse = (...rows: string[]) => parseCorrections([HEADER, ...rows].join("\n") + "\n", PATH);
const messages = (...rows: string[]) => parse(...rows).issues.map(formatIssue);

describe("parseCorrections(text, path)", () => {
  it("reads a row into a correction with its id, line and parts of `what`", () => {
    const result = parse("documents/029/published_date,2025-04-12,2022-11-27,转帖日期,http://example.org/a,2026-11-26");
    expect(result.issues).toEqual([]);
    expect(result.value).toEqual([
      {
        id: "c001",
        path: PATH,
        line: 2,
        what: "documents/029/published_date",
        dataset: "documents",
        rowId: "029",
        field: "published_date",
        oldValue: "2025-04-12",
        newValue: "2022-11-27",
        reason: "转帖日期",
        source: "http://example.org/a",
        date: "2026-11-26",
      },
    ]);
  });

  it("reads an empty new value as unknown (null), and a case_csv row id that holds slashes", () => {
    const result = parse(
      "documents/029/published_date,2025-04-12,,无法确定,论坛转帖,2026-11-26",
      "case_csv/data/raw/cases/x.csv:12/confirmed,5,6,核对原表,北京市卫健委通报,2026-11-26",
    );
    expect(result.issues).toEqual([]);
    expect(result.value.map((c) => [c.id, c.dataset, c.rowId, c.field, c.newValue])).toEqual([
      ["c001", "documents", "029", "published_date", null],
      ["c002", "case_csv", "data/raw/cases/x.csv:12", "confirmed", "6"],
    ]);
  });

  it("rejects a header that is not the expected one", () => {
    expect(parseCorrections("what,old,new\n", PATH).issues.map(formatIssue)).toEqual([
      'data/reference/corrections.csv:1: corrections header is not the expected one: expected "what,old_value,new_value,reason,source,date", found "what,old,new"',
    ]);
  });

  it("names the line and what is wrong for each bad row, and keeps the good ones", () => {
    const result = parse(
      "documents/029/published_date,2025-04-12,2022-11-27,r,s,2026-13-01",
      "docs/029/published_date,a,b,r,s,2026-11-26",
      "documents/029/genre,a,b,r,s,2026-11-26",
      "documents/published_date,a,b,r,s,2026-11-26",
      "documents/029/title,a,b,,s,2026-11-26",
      "documents/029/title,a,b,r,,2026-11-26",
      "documents/029/title,a,a,r,s,2026-11-26",
      "documents/029/title,a,b,r,s",
      "documents/029/title,a,b,r,s,2026-11-26",
      "documents/029/title,b,c,r,s,2026-11-26",
    );
    expect(result.issues.map((i) => i.code)).toEqual([
      "correction-invalid",
      "correction-target-unknown",
      "correction-target-unknown",
      "correction-invalid",
      "correction-invalid",
      "correction-invalid",
      "correction-invalid",
      "correction-invalid",
      "correction-invalid",
    ]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/reference/corrections.csv:2: correction date is not a date: expected YYYY-MM-DD (the day the correction was made), found "2026-13-01"",
        "data/reference/corrections.csv:3: correction names an unknown dataset: expected one of documents, districts, measure_categories, directives, measures, people, person_mentions, places, risk_areas, cases, case_csv, found "docs"",
        "data/reference/corrections.csv:4: correction names a field documents has not or that cannot be corrected: expected one of title, pre_title, subtitle, source, published_date, event_date, reporters, editor, districts, url, found "genre"",
        "data/reference/corrections.csv:5: correction target is not a value's address: expected {dataset}/{row id}/{field}, found "documents/published_date"
        hint: e.g. documents/029/published_date",
        "data/reference/corrections.csv:6: correction has no reason: expected why the old value is wrong, found """,
        "data/reference/corrections.csv:7: correction has no source: expected a web address or a citation for the new value, found """,
        "data/reference/corrections.csv:8: correction changes nothing: expected new_value to differ from old_value, found "a" in both",
        "data/reference/corrections.csv:9: correction has the wrong number of columns: expected 6 (what,old_value,new_value,reason,source,date), found 5 in "documents/029/title,a,b,r,s"
        hint: quote a value that holds a comma",
        "data/reference/corrections.csv:11: value is corrected twice: expected one row per value, found "documents/029/title" again (first on line 10)
        hint: merge the two rows into one",
      ]
    `);
    expect(result.value.map((c) => [c.id, c.line])).toEqual([["c009", 10]]);
  });

  it("does not let the row id column of a dataset be corrected", () => {
    expect(messages("directives/029-d001/id,029-d001,029-d002,r,s,2026-11-26")[0]).toContain('correction names a field directives has not or that cannot be corrected: expected one of doc_id, speaker');
  });
});

describe("selectCorrections(corrections, asOf)", () => {
  const { value } = parse("documents/001/title,a,b,r,s,2022-04-13", "documents/002/title,a,b,r,s,2022-04-14");
  it("keeps every correction without a day, and as of a day those made on or before it", () => {
    expect(selectCorrections(value).map((c) => c.id)).toEqual(["c001", "c002"]);
    expect(selectCorrections(value, "2022-04-13").map((c) => c.id)).toEqual(["c001"]);
    expect(selectCorrections(value, "2022-04-12")).toEqual([]);
  });
});
