import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractDirectives } from "../../../src/pipeline/extract/directives.ts";
import { extractPeople } from "../../../src/pipeline/extract/people.ts";
import { directivesOf, getSpeechContext, makeDoc } from "./speechFixtures.ts";

const ctx = await getSpeechContext();
// Texts made of the cue words and names, so that the extractors' rules fire.
const piece = fc.constantFrom("市委书记", "、", "区长", "蔡奇", "于波", "主持", "他", "强调", ",", "要", "做好", "来到", "检查", "。", "\n", "会议", "指出", "杨", "等", "区领导", "出席", "核酸检测", "通告");
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(""));

describe("extractDirectives and extractPeople on arbitrary texts", () => {
  it("never throw, and every span holds its value", () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = makeDoc(t);
        for (const r of directivesOf(doc, ctx).rows) expect(t.slice(r.span[0], r.span[1])).toBe(r.text);
        for (const m of extractPeople(doc, ctx).rows) expect(t.slice(m.span[0], m.span[1])).toBe(m.name);
      }),
      { numRuns: 300 },
    );
  });
});
