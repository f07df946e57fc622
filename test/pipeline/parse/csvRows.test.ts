import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { checkCsvHeader, parseCsvRows } from "../../../src/pipeline/parse/csvRows.ts";

describe("parseCsvRows(csvText, path)", () => {
  it("gives each record the line it starts on, across quoted line breaks and blank lines", () => {
    const csv = 'a,b\n1,"two\nlines"\n\n2,"three\n\nlines"\n3,x\n';
    expect(parseCsvRows(csv, "x.csv")).toEqual({
      rows: [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "two\nlines"] },
        { line: 5, fields: ["2", "three\n\nlines"] },
        { line: 8, fields: ["3", "x"] },
      ],
      issues: [],
    });
  });

  it("drops a BOM, reads CRLF as LF and skips lines of spaces", () => {
    expect(parseCsvRows('\uFEFFa,b\r\n  \r\n1,"x\r\ny"\r\n2,"q"""\r\n', "x.csv").rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "x\ny"] },
      { line: 5, fields: ["2", 'q"'] },
    ]);
  });

  it("reports a quote that is never closed at the line its row starts on, instead of swallowing the rows after it", () => {
    const { rows, issues } = parseCsvRows('a,b\n1,x\n2,"never closed\n3,y\n', "data/reference/outlets.csv");
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "x"] },
      { line: 4, fields: ["3", "y"] },
    ]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/reference/outlets.csv:3: row has a malformed quote: expected "…" around a whole field, with "" for a quote inside, found "2,\\"never closed"
        hint: close the quote, or double a quote that is part of the text",
      ]
    `);
  });

  it("gives nothing for an empty text", () => {
    expect(parseCsvRows("", "x.csv")).toEqual({ rows: [], issues: [] });
  });
});

describe("checkCsvHeader(path, rows, expected, what)", () => {
  it("accepts the exact header on line 1 and names what it found otherwise", () => {
    expect(checkCsvHeader("x.csv", parseCsvRows("a,b\n", "x.csv").rows, ["a", "b"], "test")).toBeNull();
    expect(formatIssue(checkCsvHeader("x.csv", parseCsvRows("\na,b\n", "x.csv").rows, ["a", "b"], "test")!)).toBe(
      'x.csv:2: test header is not the expected one: expected "a,b", found "a,b"',
    );
    expect(formatIssue(checkCsvHeader("x.csv", [], ["a", "b"], "test")!)).toBe('x.csv:1: test header is not the expected one: expected "a,b", found ""');
  });
});
