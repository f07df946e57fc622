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
});

describe("emitJson(value)", () => {
  it("is indented, ends with a newline, and keeps Chinese as it is", () => {
    expect(emitJson({ a: ["海淀区"] })).toBe('{\n  "a": [\n    "海淀区"\n  ]\n}\n');
  });
});
