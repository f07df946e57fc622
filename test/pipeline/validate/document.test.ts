import { makeDoc } from "../../support/parsedDoc.ts";
import { describe, expect, it } from "vitest";
import { locateProvenance, validateDocument } from "../../../src/pipeline/validate/document.ts";
import { provenanceSchema } from "../../../src/pipeline/validate/schemas.ts";
import type { ParsedDoc } from "../../../src/pipeline/records.ts";

describe("locateProvenance(provenance, original)", () => {
  // Line 2 starts at 6 (after \r\n); 𠀀 is one code point in two code units.
  const original = "标题一行\r\n𠀀时间:2022-05-06\n海淀区";

  it("adds the 1-based line and code-point column of each start, in field order, spans sorted", () => {
    const located = locateProvenance({ districts: [[22, 25]], published_date: [[11, 21]], title: [[3, 4], [0, 2]] }, original);
    expect(located).toEqual({
      districts: [{ start: 22, end: 25, line: 3, column: 1 }],
      published_date: [{ start: 11, end: 21, line: 2, column: 5 }],
      title: [
        { start: 0, end: 2, line: 1, column: 1 },
        { start: 3, end: 4, line: 1, column: 4 },
      ],
    });
    expect([original.slice(11, 21), original.slice(22, 25)]).toEqual(["2022-05-06", "海淀区"]);
    // The schema puts the fields in ProvenanceField order, whatever order they came in.
    expect(Object.keys(provenanceSchema.parse(located))).toEqual(["title", "published_date", "districts"]);
  });

  it("gives an empty record for a document without extracted fields", () => {
    expect(locateProvenance({}, original)).toEqual({});
  });
});

describe("validateDocument(doc)", () => {
  const doc: ParsedDoc = makeDoc("北京多区加码防控措施\n正文。", {
    id: "x",
    path: "data/raw/reports/x.txt",
    title: "北京多区加码防控措施",
    published_date: "2022-05-06",
    provenance: { title: [[0, 10]], published_date: [[14, 24]] },
    original: "北京多区加码防控措施\n时间:2022-05-06\n正文。",
    toSource: new Int32Array(0),
    body: [11, 14],
  });


  it("publishes the provenance with line and column, after supplied", () => {
    const { value, issues } = validateDocument(doc);
    expect(issues).toEqual([]);
    expect(value!.provenance).toEqual({
      title: [{ start: 0, end: 10, line: 1, column: 1 }],
      published_date: [{ start: 14, end: 24, line: 2, column: 4 }],
    });
    const keys = Object.keys(value!);
    expect(keys.indexOf("provenance")).toBe(keys.indexOf("supplied") + 1);
  });

  it("rejects a span that ends before it starts, naming the field", () => {
    const { value, issues } = validateDocument({ ...doc, provenance: { title: [[5, 2]] } });
    expect(value).toBeNull();
    expect(issues.map((i) => i.message)).toEqual([
      'document field provenance.title.0.end is not valid: expected an end at or after the start, found 2',
    ]);
  });
});
