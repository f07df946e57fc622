import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import {
  findDistrict,
  getGazetteerIndex,
  getPlaces,
  parseDistrictAliases,
  parseGazetteer,
  withDistrictAliases,
} from "../../../src/pipeline/parse/gazetteer.ts";

const HEADER = "level,code,name,aliases,district,street,slug";
const SMALL = [
  HEADER,
  "district,110105,朝阳区,朝阳,朝阳区,,chaoyang",
  "street,110105023,十八里店地区,十八里店乡|十八里店(地区)乡,朝阳区,,chaoyang",
  "community,110105023201,周家庄村,周家庄,朝阳区,十八里店地区,chaoyang",
  "zone,110115403,北京经济技术开发区,,朝阳区,,chaoyang",
  "",
].join("\n");

const reference = (file: string): string => readFileSync(path.resolve(process.cwd(), "data/reference", file), "utf8");

describe("parseGazetteer(csvText, path)", () => {
  it("reads rows into entries, districts first in code order, with aliases split on |", () => {
    const { value, issues } = parseGazetteer(SMALL, "data/reference/gazetteer.csv");
    expect(issues).toEqual([]);
    expect(value?.districts.map((d) => d.name)).toEqual(["朝阳区"]);
    expect(value?.entries[1]).toEqual({
      level: "street",
      code: "110105023",
      name: "十八里店地区",
      aliases: ["十八里店乡", "十八里店(地区)乡"],
      district: "朝阳区",
      street: null,
      slug: "chaoyang",
    });
    expect(value?.entries[2]?.street).toBe("十八里店地区");
    expect(value?.districtAliases).toEqual([]);
  });

  it.each([
    ["town,110105024,x镇,,朝阳区,,chaoyang", 'data/reference/gazetteer.csv:3: gazetteer row has an unknown level: expected one of district, street, zone, community, found "town"'],
    ["street,11010502,x镇,,朝阳区,,chaoyang", 'data/reference/gazetteer.csv:3: gazetteer code does not fit its level: expected 9 digits for a street, found "11010502"'],
    ["street,110105024,x镇,,朝阳区,chaoyang", 'data/reference/gazetteer.csv:3: gazetteer row has the wrong number of columns: expected 7 (level,code,name,aliases,district,street,slug), found 6 in "street,110105024,x镇,,朝阳区,chaoyang"'],
    ["street,110105024,x镇,,海淀区,,haidian", 'data/reference/gazetteer.csv:3: gazetteer district is unknown: expected a district named in the file, found "海淀区"'],
    ["community,110105024001,x村,,朝阳区,,chaoyang", 'data/reference/gazetteer.csv:3: gazetteer street does not fit its level: expected the street of a community, found ""'],
    ["street,110105024,x镇,a||b,朝阳区,,chaoyang", 'data/reference/gazetteer.csv:3: gazetteer aliases are malformed: expected names separated by "|", found "a||b"'],
    ["street,110105024,x镇,,朝阳区,,Chao Yang", 'data/reference/gazetteer.csv:3: gazetteer slug is not a slug: expected lower-case pinyin letters, found "Chao Yang"'],
    ["district,110105,朝阳区,,朝阳区,,chaoyang", 'data/reference/gazetteer.csv:3: gazetteer code is listed twice: expected each code once, found "110105" again'],
  ])("rejects the bad row %s with a schema-invalid issue", (row, message) => {
    const csv = [HEADER, "district,110105,朝阳区,朝阳,朝阳区,,chaoyang", row].join("\n");
    const { value, issues } = parseGazetteer(csv, "data/reference/gazetteer.csv");
    expect(issues.map(formatIssue)).toEqual([message]);
    expect(issues[0]?.code).toBe("schema-invalid");
    expect(value?.entries.map((e) => e.code)).toEqual(["110105"]);
  });

  it("gives no value when the header is not the expected one", () => {
    const { value, issues } = parseGazetteer("level,code,name\n", "g.csv");
    expect(value).toBeNull();
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "g.csv:1: gazetteer header is not the expected one: expected "level,code,name,aliases,district,street,slug", found "level,code,name"",
      ]
    `);
  });

  it("never throws on arbitrary text", () => {
    for (const text of ["", "\n\n", '"unterminated', "a,b\r\nc", HEADER + "\n,,,,,,"]) {
      expect(() => parseGazetteer(text, "x.csv")).not.toThrow();
    }
  });
});

describe("parseDistrictAliases(csvText, path, gazetteer)", () => {
  const gazetteer = parseGazetteer(SMALL, "g.csv").value!;
  const HEAD = "alias,district,condition,reason";

  it("reads rows with their line numbers", () => {
    const { value, issues } = parseDistrictAliases(`${HEAD}\n向阳区,朝阳区,with-other-districts,spun\n北京,,beijing-tie,city\n`, "a.csv", gazetteer);
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { alias: "向阳区", district: "朝阳区", condition: "with-other-districts", reason: "spun", line: 2 },
      { alias: "北京", district: "", condition: "beijing-tie", reason: "city", line: 3 },
    ]);
  });

  it.each([
    ["向阳区,海淀区,with-other-districts,spun", 'a.csv:2: district alias names the wrong district: expected one of the gazetteer\'s districts, found "海淀区"'],
    ["北京,朝阳区,beijing-tie,city", 'a.csv:2: district alias names the wrong district: expected no district for a beijing-tie row, found "朝阳区"'],
    ["向阳区,朝阳区,sometimes,spun", 'a.csv:2: district alias condition is unknown: expected one of with-other-districts, with-beijing-tie, beijing-tie, no-district, found "sometimes"'],
    ["向阳区,朝阳区,with-other-districts,", 'a.csv:2: district alias has no reason: expected why the row exists, found ""'],
  ])("rejects %s", (row, message) => {
    const { value, issues } = parseDistrictAliases(`${HEAD}\n${row}\n`, "a.csv", gazetteer);
    expect(issues.map(formatIssue)).toEqual([message]);
    expect(value).toEqual([]);
  });

  it("keeps line numbers after a reason with a quoted line break, and reports a quote never closed", () => {
    const csv = `${HEAD}\n向阳区,朝阳区,with-other-districts,"spun copies:\nreports/028.txt"\n北京,,beijing-tie,city\n首都,,sometimes,capital\n`;
    const { value, issues } = parseDistrictAliases(csv, "a.csv", gazetteer);
    expect(value?.map((a) => [a.alias, a.line, a.reason])).toEqual([
      ["向阳区", 2, "spun copies:\nreports/028.txt"],
      ["北京", 4, "city"],
    ]);
    expect(issues.map(formatIssue)).toEqual(['a.csv:5: district alias condition is unknown: expected one of with-other-districts, with-beijing-tie, beijing-tie, no-district, found "sometimes"']);
    const unclosed = parseDistrictAliases(`${HEAD}\n北京,,beijing-tie,"city\n首都,,beijing-tie,capital\n`, "a.csv", gazetteer);
    // Only the row with the unclosed quote is left out; the row after it is read.
    expect(unclosed.value?.map((a) => [a.alias, a.line])).toEqual([["首都", 3]]);
    expect(unclosed.issues.map((i) => [i.code, i.line])).toEqual([["schema-invalid", 2]]);
  });

  it("withDistrictAliases returns a new gazetteer and leaves the input alone", () => {
    const aliases = parseDistrictAliases(`${HEAD}\n北京,,beijing-tie,city\n`, "a.csv").value!;
    const next = withDistrictAliases(gazetteer, aliases);
    expect(next.districtAliases).toHaveLength(1);
    expect(gazetteer.districtAliases).toEqual([]);
  });
});

describe("gazetteer lookups", () => {
  const gazetteer = parseGazetteer(SMALL, "g.csv").value!;

  it("finds districts by official and short name, and places by name or alias", () => {
    expect(findDistrict("朝阳", gazetteer)?.code).toBe("110105");
    expect(findDistrict("朝阳区", gazetteer)?.code).toBe("110105");
    expect(findDistrict("向阳", gazetteer)).toBeUndefined();
    expect(getPlaces("十八里店(地区)乡", gazetteer).map((e) => e.code)).toEqual(["110105023"]);
    expect(getPlaces("周家庄", gazetteer).map((e) => e.code)).toEqual(["110105023201"]);
    expect(getPlaces("nowhere", gazetteer)).toEqual([]);
  });

  it("builds the index once per gazetteer object", () => {
    expect(getGazetteerIndex(gazetteer)).toBe(getGazetteerIndex(gazetteer));
    expect(getGazetteerIndex(withDistrictAliases(gazetteer, []))).not.toBe(getGazetteerIndex(gazetteer));
  });
});

describe("data/reference/gazetteer.csv and district-aliases.csv", () => {
  const parsed = parseGazetteer(reference("gazetteer.csv"), "data/reference/gazetteer.csv");
  const gazetteer = parsed.value!;

  it("parse without issues: 16 districts, 343 streets/towns, 6 zones, 7535 communities", () => {
    expect(parsed.issues).toEqual([]);
    const count = (level: string): number => gazetteer.entries.filter((e) => e.level === level).length;
    expect([count("district"), count("street"), count("zone"), count("community")]).toEqual([16, 343, 6, 7535]);
    expect(gazetteer.districts.map((d) => d.slug).join(" ")).toBe(
      "dongcheng xicheng chaoyang fengtai shijingshan haidian mentougou fangshan tongzhou shunyi changping daxing huairou pinggu miyun yanqing",
    );
  });

  it("has no alias that two places share, nor one that is a district's, street's or zone's official name", () => {
    const owners = new Map<string, string[]>();
    for (const e of gazetteer.entries) for (const a of e.aliases) owners.set(a, [...(owners.get(a) ?? []), e.code]);
    const shared = [...owners].filter(([, codes]) => codes.length > 1);
    const official = new Set(gazetteer.entries.filter((e) => e.level !== "community").map((e) => e.name));
    expect(shared).toEqual([]);
    expect([...owners.keys()].filter((a) => official.has(a))).toEqual([]);
  });

  it("has the report spellings of 地区 streets", () => {
    const codes = (name: string): string[] => getPlaces(name, gazetteer).map((e) => `${e.district} ${e.name}`);
    expect(codes("十八里店(地区)乡")).toEqual(["朝阳区 十八里店地区"]);
    expect(codes("十八里店乡")).toEqual(["朝阳区 十八里店地区"]);
    expect(codes("黄村(地区)镇")).toEqual(["大兴区 黄村地区"]);
    expect(codes("花乡(地区)乡")).toEqual(["丰台区 花乡街道"]);
    expect(codes("潘家园街道办事处")).toEqual(["朝阳区 潘家园街道"]);
    expect(codes("于家务乡")).toEqual(["通州区 于家务回族乡"]);
    expect(codes("八里庄街道")).toEqual(["朝阳区 八里庄街道", "海淀区 八里庄街道"]);
    expect(codes("八里庄街道办事处")).toEqual([]);
  });

  it("district-aliases.csv parses against it without issues", () => {
    const aliases = parseDistrictAliases(reference("district-aliases.csv"), "data/reference/district-aliases.csv", gazetteer);
    expect(aliases.issues).toEqual([]);
    expect(aliases.value?.find((a) => a.alias === "向阳区")).toMatchObject({ district: "朝阳区", condition: "with-other-districts" });
  });
});
