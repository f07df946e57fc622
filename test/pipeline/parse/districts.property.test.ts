import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDistricts } from "../../../src/pipeline/parse/districts.ts";
import { parseDistrictAliases, parseGazetteer, withDistrictAliases } from "../../../src/pipeline/parse/gazetteer.ts";

const read = (file: string): string => readFileSync(path.resolve(process.cwd(), "data/reference", file), "utf8");
const base = parseGazetteer(read("gazetteer.csv"), "data/reference/gazetteer.csv").value!;
const gazetteer = withDistrictAliases(base, parseDistrictAliases(read("district-aliases.csv"), "a.csv", base).value!);
const order = gazetteer.districts.map((d) => d.name);

// Text made of place names, tie words and filler, so that the matcher's paths are all taken.
const pieces = fc.constantFrom("北京", "北京市", "朝阳", "朝阳区", "东城区", "郑州市", "潘家园街道", "半截河", "街道", "向阳区", "，", "\n", "召开会议", "昌平", "冬奥村", "（地区）镇", "黄村");
const texts = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 12 }).map((a) => a.join("")));

describe("findDistricts(text, gazetteer) properties", () => {
  it("never throws, returns districts in code order without duplicates, and spans that hold what was found", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const found = findDistricts(text, gazetteer);
        expect(new Set(found.districts).size).toBe(found.districts.length);
        expect([...found.districts].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(found.districts);
        for (const m of found.mentions) {
          expect(text.slice(m.span[0], m.span[1])).toBe(m.found);
          expect(found.districts).toContain(m.district);
        }
        if (found.otherCity) expect(found.districts).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
