import { describe, expect, it } from "vitest";
import { caseCsvKey, keyedJsonParser } from "../../src/lib/keyedRows.ts";

describe("keyedJsonParser(keyOf, select)", () => {
  it("keys rows without changing them", () => {
    const parse = keyedJsonParser((row) => String(row.name));
    expect(parse('[{"name":"蔡奇","roles":["市委书记"]}]')).toEqual({ 蔡奇: { name: "蔡奇", roles: ["市委书记"] } });
  });

  it("reads the array `select` picks", () => {
    const parse = keyedJsonParser((row) => String(row.path), (json) => json.files);
    expect(Object.keys(parse('{"summary":{},"files":[{"path":"a.txt"},{"path":"b.txt"}]}'))).toEqual(["a.txt", "b.txt"]);
  });

  it("throws on a key seen twice", () => {
    const parse = keyedJsonParser(caseCsvKey);
    const row = { source_path: "c.csv", source_line: 3, measure: "new", scope: "all" };
    expect(() => parse(JSON.stringify([row, row]))).toThrowErrorMatchingInlineSnapshot(
      `[Error: dataset key is not unique: expected one row per key, found "c.csv:3:new:all" twice]`,
    );
  });

  it("throws on JSON that is not an array", () => {
    expect(() => keyedJsonParser(caseCsvKey)('{"a":1}')).toThrowErrorMatchingInlineSnapshot(`[Error: dataset is not a JSON array: expected [ … ], found "{\\"a\\":1}"]`);
  });
});
