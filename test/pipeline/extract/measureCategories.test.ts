import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { findCategories, parseMeasureCategories } from "../../../src/pipeline/extract/measureCategories.ts";
import { extractDirectives } from "../../../src/pipeline/extract/directives.ts";
import { directivesOf, getSpeechContext, makeDoc } from "./speechFixtures.ts";

const csvPath = resolve(process.cwd(), "data/reference/measure-categories.csv");

describe("parseMeasureCategories(csvText, path)", () => {
  it("reads the 17 categories of LABELS.md in file order, without issues", () => {
    const { value, issues } = parseMeasureCategories(readFileSync(csvPath, "utf8"), "data/reference/measure-categories.csv");
    expect(issues).toEqual([]);
    expect(value!.map((c) => c.key)).toEqual([
      "nucleic_acid_testing", "sealing_control", "tracing", "quarantine", "entry_checks", "work_from_home",
      "public_transport", "campus", "city_checkpoints", "vaccination", "supplies", "cold_chain", "key_venues",
      "publicity", "drills", "treatment", "accountability",
    ]);
    expect(value![6]).toEqual({ key: "public_transport", label_zh: "公共交通调整", label_en: "Public transport changes", keywords: ["公交", "地铁", "停运", "甩站", "公共交通"] });
  });

  it("leaves out bad rows with an issue at path:line", () => {
    const csv = [
      "key,label_zh,label_en,keywords",
      "Bad Key,核酸,Testing,核酸",
      "tracing,流调,Tracing,流调||溯源",
      "tracing,流调,Tracing,流调",
      "tracing,流调,Tracing,溯源",
      "drills,演练,Drills",
    ].join("\n");
    const { value, issues } = parseMeasureCategories(csv, "data/reference/measure-categories.csv");
    expect(value).toEqual([{ key: "tracing", label_zh: "流调", label_en: "Tracing", keywords: ["流调"] }]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/reference/measure-categories.csv:2: measure category key is not snake_case: expected a key such as nucleic_acid_testing, found "Bad Key"",
        "data/reference/measure-categories.csv:3: measure category keywords are not a list of distinct words: expected words separated by |, found "流调||溯源"",
        "data/reference/measure-categories.csv:5: measure category is listed twice: expected each key once, found "tracing" again",
        "data/reference/measure-categories.csv:6: measure categories row has the wrong number of columns: expected 4 (key,label_zh,label_en,keywords), found 3 in "drills,演练,Drills"
        hint: quote a field that holds a comma",
      ]
    `);
  });

  it("gives a null value for a header without keywords", () => {
    const { value, issues } = parseMeasureCategories("key,label_zh,label_en\n", "m.csv");
    expect(value).toBeNull();
    expect(issues.map(formatIssue)).toEqual(['m.csv:1: measure categories header is not the expected one: expected columns "key,label_zh,label_en,keywords,reason", found "key,label_zh,label_en"']);
  });
});

describe("findCategories(text, categories)", () => {
  it("gives the keys whose keywords occur, in CSV order", () => {
    const { value } = parseMeasureCategories(readFileSync(csvPath, "utf8"), "m.csv");
    expect(findCategories("区域内单位全面实行居家办公,进一步降低到岗率;调整公共交通运营,提前向社会告知。", value!)).toEqual(["work_from_home", "public_transport"]);
    expect(findCategories("要把必胜的信心和决心进一步坚定起来。", value!)).toEqual([]);
  });
});

describe("an editor adds a keyword", () => {
  it("gives a directive the category without a change of code", async () => {
    const text = "会议强调,要抓好垃圾清运和环境消杀。";
    const before = await getSpeechContext();
    expect(directivesOf(makeDoc(text), before).rows[0]!.categories).toEqual([]);
    const edited = readFileSync(csvPath, "utf8").replace("accountability,压实责任/督导检查,Responsibility and supervision,压实|", "accountability,压实责任/督导检查,Responsibility and supervision,环境消杀|压实|");
    const after = await getSpeechContext(edited);
    expect(directivesOf(makeDoc(text), after).rows[0]!.categories).toEqual(["accountability"]);
  });
});
