import { describe, expect, it } from "vitest";
import { applyStep, identityMap, mapSpanForward, rewrite, toOriginalSpan } from "../../../src/pipeline/clean/offsets.ts";

describe("mapSpanForward(map, start, end)", () => {
  it("maps an input span to the output characters that came from it", () => {
    const map = Int32Array.from([0, 1, 5, 6, 7]);
    expect(mapSpanForward(map, 1, 6)).toEqual([1, 3]);
    expect(mapSpanForward(map, 2, 5)).toEqual([2, 2]);
  });
});

describe("applyStep(input, step)", () => {
  it("composes the step's map with the input's and keeps the step's own output", () => {
    // "a  b" maps to an original where every character sat two code units further on.
    const input = { text: "a  b", map: Int32Array.from([2, 3, 4, 5, 6]) };
    const out = applyStep(input, (text) => ({ ...rewrite(text, / +/g, () => " "), note: "spaces" }));
    expect(out.text).toBe("a b");
    expect(Array.from(out.step.map)).toEqual([0, 1, 3, 4]);
    expect(Array.from(out.map)).toEqual([2, 3, 5, 6]);
    expect(out.step.note).toBe("spaces");
  });
});

describe("rewrite(text, pattern, replacement)", () => {
  it("keeps the offsets of a replacement that is the start of the match, astral characters included", () => {
    const out = rewrite("x𠮷(jí)y", /(\p{Script=Han})\(\p{L}+\)/gu, (m) => m[1]!);
    expect(out.text).toBe("x𠮷y");
    expect(Array.from(out.map)).toEqual([0, 1, 2, 7, 8]);
    expect(toOriginalSpan(out.map, 1, 3)).toEqual([1, 3]);
  });

  it("spreads any other replacement over the match", () => {
    const out = rewrite("a--b", /-+/g, () => "——");
    expect(out.text).toBe("a——b");
    expect(Array.from(out.map)).toEqual([0, 1, 2, 3, 4]);
  });

  it("throws on a pattern that is not global (a bug, not bad data)", () => {
    expect(() => rewrite("a", /a/, () => "b")).toThrow("rewrite needs a global pattern, got /a/");
  });

  it("gives the identity map when nothing matches", () => {
    expect(rewrite("abc", /z/g, () => "y")).toEqual({ text: "abc", map: identityMap(3) });
  });
});
