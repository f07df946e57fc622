import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { emitCsv } from "../../../src/pipeline/emit/csv.ts";
import { emitJson } from "../../../src/pipeline/emit/json.ts";

describe("emitCsv(rows, columns)", () => {
  it("writes lists, nulls and quotes the way spreadsheets read them", () => {
    const csv = emitCsv(
      [
        { id: "a", title: '他说:"要快"', reporters: ["祁梦竹", "范俊生"], editor: null, n: 3 },
        { id: "b", title: "一行,两列", reporters: [], editor: "王健恩", n: 0 },
      ],
      ["id", "title", "reporters", "editor", "n"],
    );
    expect(csv).toBe('id,title,reporters,editor,n\na,"他说:""要快""",祁梦竹; 范俊生,,3\nb,"一行,两列",,王健恩,0\n');
    const back = Papa.parse<string[]>(csv.trimEnd()).data;
    expect(back[1]?.[1]).toBe('他说:"要快"');
  });

  it("writes a record (provenance) as JSON text that reads back", () => {
    const provenance = { title: [{ start: 23, end: 59, line: 3, column: 1 }], editor: [{ start: 2071, end: 2074, line: 29, column: 7 }] };
    const csv = emitCsv([{ id: "a", provenance }], ["id", "provenance"]);
    expect(csv).toBe('id,provenance\na,"{""title"":[{""start"":23,""end"":59,""line"":3,""column"":1}],""editor"":[{""start"":2071,""end"":2074,""line"":29,""column"":7}]}"\n');
    expect(JSON.parse(Papa.parse<string[]>(csv.trimEnd()).data[1]![1]!)).toEqual(provenance);
  });

  it("follows the column order, not the key order of the rows", () => {
    expect(emitCsv([{ b: 1, a: 2 }], ["a", "b"])).toBe("a,b\n2,1\n");
  });

  // papaparse's writer, which wrote the datasets before, put a blank line after a lone header: a row of one empty
  // cell to a strict reader (corrections.csv of the archived snapshots ends so).
  it("writes a header alone, with its newline and no blank line, for a dataset without rows", () => {
    expect(emitCsv([], ["id", "a b "])).toBe('id,"a b "\n');
  });

  // The cells that need quotes are those of a quote, comma, line break, BOM, or a space at either end.
  const cellText = fc.string({ unit: fc.constantFrom("a", "要", " ", ",", '"', "\r", "\n", "\ufeff", ";", "'", "\t"), maxLength: 8 });
  const cellValue = fc.oneof(cellText, fc.constant(null), fc.integer(), fc.boolean(), fc.array(cellText, { maxLength: 3 }), fc.record({ start: fc.nat(), note: cellText }));

  it("writes what papaparse's writer wrote, for any cells of one row or more", () => {
    fc.assert(
      fc.property(fc.uniqueArray(cellText, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cellValue, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (columns, values) => {
        const rows = values.map((cells) => Object.fromEntries(columns.map((name, i) => [name, cells[i]])));
        const data = rows.map((row) =>
          columns.map((name) => {
            const value = row[name];
            if (value === null || value === undefined) return "";
            if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join("; ");
            return typeof value === "object" ? JSON.stringify(value) : String(value);
          }),
        );
        expect(emitCsv(rows, columns)).toBe(`${Papa.unparse({ fields: columns, data }, { newline: "\n", quotes: false })}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it("reads back cell for cell with papaparse's reader, for any text cells", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (values) => {
        const csv = emitCsv(values.map(([a, b]) => ({ a, b })), ["a", "b"]);
        const back = Papa.parse<string[]>(csv.slice(0, -1), { newline: "\n" }).data;
        expect(back.slice(1)).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});

describe("emitJson(value)", () => {
  it("is indented, ends with a newline, and keeps Chinese as it is", () => {
    expect(emitJson({ a: ["海淀区"] })).toBe('{\n  "a": [\n    "海淀区"\n  ]\n}\n');
  });
});
