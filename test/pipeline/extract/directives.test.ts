import { describe, expect, it } from "vitest";
import { extractDirectives } from "../../../src/pipeline/extract/directives.ts";
import { parseSpeechCues } from "../../../src/pipeline/extract/speechCues.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { directiveSchema } from "../../../src/pipeline/validate/directiveSchema.ts";
import { directivesOf, getSpeechContext, makeDoc } from "./speechFixtures.ts";

const ctx = await getSpeechContext();
const directives = (text: string, extra = {}) =>
  directivesOf(makeDoc(text, extra), ctx).rows.map((r) => [r.speaker, r.text]);

describe("directivesOf(doc, ctx)", () => {
  it("carries a leader's speech over 要 sentences and stops at a narrated visit", () => {
    const text = [
      "密云区委书记余卫国主持会议。余卫国强调,要紧盯疫情防控形势。各单位要强化忧患意识。形势依然严峻。",
      "余卫国来到古北口御道,检查进村卡口。他强调,要加大进京卡口的查控力度。",
    ].join("\n");
    const { rows, issues } = directivesOf(makeDoc(text, { districts: ["密云区"] }), ctx);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { id: "t1-d001", doc_id: "t1", speaker: "余卫国", speaker_role: "密云区委书记", district: "密云区", date: "2022-04-13", text: "余卫国强调,要紧盯疫情防控形势。", categories: [], span: [14, 30] },
      { id: "t1-d002", doc_id: "t1", speaker: "余卫国", speaker_role: "密云区委书记", district: "密云区", date: "2022-04-13", text: "各单位要强化忧患意识。", categories: [], span: [30, 41] },
      { id: "t1-d003", doc_id: "t1", speaker: "余卫国", speaker_role: "密云区委书记", district: "密云区", date: "2022-04-13", text: "他强调,要加大进京卡口的查控力度。", categories: ["tracing", "city_checkpoints"], span: [67, 84] },
    ]);
    for (const r of rows) expect(directiveSchema.safeParse(r).success).toBe(true);
  });

  it("takes the meeting as speaker and a paragraph that opens with 要 as the same speech", () => {
    expect(directives("会议指出,形势严峻。全区要坚持动态清零。\n要强化流调溯源。\n与会人员参加会议。")).toEqual([
      ["会议", "全区要坚持动态清零。"],
      ["会议", "要强化流调溯源。"],
    ]);
  });

  it("reads the whole next paragraph when the speech verb ends its own", () => {
    expect(directives("会议强调\n目前,形势严峻。全区上下要全面排查风险人员。")).toEqual([["会议", "全区上下要全面排查风险人员。"]]);
  });

  it("starts a directive at 要求 when the sentence opens by narrating a visit", () => {
    expect(directives("区委书记余卫国主持会议。余卫国来到古北口御道,检查进村卡口,要求属地层层压实责任。")).toEqual([["余卫国", "要求属地层层压实责任。"]]);
  });

  it("resolves 梁主任 to the person named 梁 with the role 主任, and 他 to the last person named", () => {
    expect(directives("昌平区人大副主任梁士强来到街道。梁主任强调:一是要加大排查力度。\n他说,要举一反三。")).toEqual([
      ["梁士强", "梁主任强调:一是要加大排查力度。"],
      ["梁士强", "他说,要举一反三。"],
    ]);
  });

  it("takes a notice's signature as the speaker of its orders", () => {
    const text = "关于某小区解除管控的通告\n经研究,现通告如下:\n小区居民请继续进行7天健康监测。\n大兴区新型冠状病毒肺炎疫情\n防控工作领导小组\n2022年2月7日";
    expect(directives(text)).toEqual([["大兴区新型冠状病毒肺炎疫情防控工作领导小组", "小区居民请继续进行7天健康监测。"]]);
  });

  it("does not take a judgement (大意不得) or a sentence without a modal word as a directive", () => {
    expect(directives("会议指出,防控工作仍丝毫大意不得。会议强调,疫情形势严峻复杂。")).toEqual([]);
  });

  it("reports 他强调 with no one named before", () => {
    const { rows, issues } = directivesOf(makeDoc("标题\n他强调,要做好防控。"), ctx);
    expect(rows).toEqual([]);
    expect(issues.map(formatIssue)).toEqual(['data/raw/reports/t1.txt:2:1: a speech has no speaker: expected a person named before "他", found none']);
  });

  it("applies a city leader's directive to the document's only district, else to the whole city", () => {
    const text = "市委书记蔡奇强调,要严格落实测温扫码。";
    expect(directivesOf(makeDoc(text, { districts: ["海淀区"] }), ctx).rows[0]!.district).toBe("海淀区");
    expect(directivesOf(makeDoc(text, { districts: ["海淀区", "朝阳区"] }), ctx).rows[0]!.district).toBeNull();
    expect(directivesOf(makeDoc(text, { event_date: "2022-05-01" }), ctx).rows[0]!.date).toBe("2022-05-01");
    expect(directivesOf(makeDoc(text, { published_date: null }), ctx).rows[0]!.date).toBeNull();
  });
});

describe("parseSpeechCues(csvText, path)", () => {
  it("leaves out bad rows with an issue at path:line", () => {
    const { value, issues } = parseSpeechCues("kind,word,reason\nrole,书记,party secretary\nverb,说,x\nrole,书记,again\nmodal, 要,padded\nmodal,要,\n", "s.csv");
    expect(value!.role).toEqual(["书记"]);
    expect(value!.modal).toEqual([]);
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "s.csv:3: speech cue kind is unknown: expected one of role, role-prefix, list-role-marker, name-end, not-name, role-lead-in, speech-verb, directive-verb, collective-speaker, pronoun, not-pronoun, narrative-verb, modal, not-modal, imperative, issuer-suffix, issuer-verb, notice-word, found "verb"",
        "s.csv:4: speech cue is listed twice: expected each role word once, found "书记" again",
        "s.csv:5: speech cue word is empty or padded: expected a word without surrounding spaces, found " 要"",
        "s.csv:6: speech cue has no reason: expected why the row exists, found """,
      ]
    `);
  });
});
