import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { classifyGenre, parseGenreRules, scoreGenres, type GenreInput, type GenreRules } from "../../../src/pipeline/parse/genre.ts";
import { getReference } from "../../support/pipeline.ts";

const HEADER = "genre,keyword,where,weight,reason\n";

function rulesOf(csv: string): GenreRules {
  const { value, issues } = parseGenreRules(HEADER + csv, "data/reference/genres.csv");
  if (value === null || issues.length > 0) throw new Error(`test rules do not parse: ${issues.map(formatIssue).join("; ")}`);
  return value;
}

const RULES = rulesOf(
  [
    "meeting,会议,title,3,a meeting in the headline",
    "meeting,召开…会议,lead,3,a meeting held",
    "inspection,调研,title,3,a visit in the headline",
    "inspection,检查,lead,2,an inspection",
    "case_bulletin,0时至…时,lead,3,a reporting window",
    "case_bulletin,新增…病例,lead,2,new cases",
    "risk_area,封控区,title,3,sealed areas",
    "risk_area,召开…会议,lead,-2,a test of a negative weight",
  ].join("\n"),
);

const input = (title: string | null, lead: string | null, body: string | null = null): GenreInput => ({
  title: title === null ? null : { text: title, start: 0 },
  lead: lead === null ? null : { text: lead, start: 100 },
  body: body === null ? null : { text: body, start: 100 },
});

describe("parseGenreRules(csvText, path)", () => {
  it("reads the rows with their line", () => {
    expect(rulesOf("notice,通告,title,3,a notice\n").rules).toEqual([{ genre: "notice", keyword: "通告", where: "title", weight: 3, reason: "a notice", line: 2 }]);
  });

  it("leaves out bad rows with an issue at their line", () => {
    const csv = [
      "gossip,会议,title,3,unknown genre",
      "meeting,会议,head,3,unknown place",
      "meeting, 会议,title,3,padded",
      "meeting,会议,title,0,zero weight",
      "meeting,会议,title,x,no number",
      "meeting,会议,title,3,",
      "meeting,会议,title,3,ok",
      "meeting,会议,title,2,twice",
    ].join("\n");
    const { value, issues } = parseGenreRules(HEADER + csv, "data/reference/genres.csv");
    expect(value?.rules.map((r) => r.line)).toEqual([8]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/reference/genres.csv:2: genre is unknown: expected one of meeting, inspection, case_bulletin, risk_area, notice, found "gossip"",
        "data/reference/genres.csv:3: genre keyword place is unknown: expected one of title, lead, body, found "head"",
        "data/reference/genres.csv:4: genre keyword is empty or padded: expected a word without surrounding spaces, found " 会议"",
        "data/reference/genres.csv:5: genre keyword weight is not a number: expected a non-zero number such as 2 or -1, found "0"",
        "data/reference/genres.csv:6: genre keyword weight is not a number: expected a non-zero number such as 2 or -1, found "x"",
        "data/reference/genres.csv:7: genre row has no reason: expected why the keyword marks the genre, found """,
        "data/reference/genres.csv:9: genre keyword is listed twice: expected each keyword once per genre and place, found "会议" again (line 8)",
      ]
    `);
  });

  it("gives null for a wrong header", () => {
    const { value, issues } = parseGenreRules("genre,keyword\nmeeting,会议\n", "g.csv");
    expect(value).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(["schema-invalid"]);
  });
});

describe("classifyGenre(input, rules)", () => {
  it("decides a meeting from the title and the lead, with the span of the heaviest keyword", () => {
    // meeting 3 + 3, risk_area -2: the title's 会议 is the first of the heaviest.
    expect(classifyGenre(input("区防控工作领导小组召开会议", "6月4日晚,区领导小组召开专题调度会议,研究部署。"), RULES)).toEqual({ genre: "meeting", span: [11, 13] });
  });

  it("matches a gap of a keyword within a sentence only", () => {
    expect(classifyGenre(input(null, "7月8日0时至24时,全市新增本土确诊病例3例。"), RULES)).toEqual({ genre: "case_bulletin", span: [104, 110] });
    expect(scoreGenres(input(null, "全市新增。确诊病例3例"), RULES)).toEqual({});
  });

  it("points at the lead when the title is not in the clean text", () => {
    const decided = classifyGenre({ title: { text: "区长调研疫情防控", start: null }, lead: { text: "区长来到镇政府检查工作。", start: 40 }, body: null }, RULES);
    expect(decided).toEqual({ genre: "inspection", span: null });
  });

  it.each([
    ["no text", input(null, null)],
    ["no keyword", input("北京今日晴", "天气很好。")],
    ["too little weight", input(null, "对社区进行检查。")],
    ["a tie", input("朝阳区封控区调研", null)],
  ])("returns null for %s", (_, given) => {
    expect(classifyGenre(given, RULES)).toBeNull();
  });

  it("counts negative weights against a genre", () => {
    expect(scoreGenres(input("封控区", "召开紧急会议"), RULES)).toEqual({ meeting: 3, risk_area: 1 });
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (title, lead, body) => {
        const decided = classifyGenre(input(title, lead, body), RULES);
        expect(decided === null || typeof decided.genre === "string").toBe(true);
      }),
    );
  });
});

describe("data/reference/genres.csv", () => {
  it("decides each genre from a typical report", async () => {
    const { genres } = await getReference();
    const cases: Array<[string, string, string]> = [
      ["顺义区疫情防控工作领导小组召开第二百七十次会议", "11月24日,领导小组举行第二百七十次会议,会议由区委书记主持。", "meeting"],
      ["区长到军庄镇调研疫情防控工作", "11月26日下午,区长先后来到区转运专班指挥部,实地调研。", "inspection"],
      ["北京7月8日新增3例本土确诊病例", "7月8日0时至24时,全市新增本土确诊病例3例。", "case_bulletin"],
      ["东城区关于新增部分区域为封控区的通告", "现将下列区域新增划定为封控区:", "risk_area"],
      ["关于暂停堂食服务的通告", "为做好疫情防控工作,现将有关事项通告如下:", "notice"],
    ];
    expect(cases.map(([title, lead]) => classifyGenre(input(title, lead, lead), genres)?.genre ?? null)).toEqual(cases.map(([, , genre]) => genre));
  });
});
