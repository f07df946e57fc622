import { describe, expect, it } from "vitest";
import { findParagraphs, findSentences } from "../../../src/pipeline/parse/sentences.ts";

describe("findParagraphs(text)", () => {
  it("returns one trimmed span per non-empty line", () => {
    expect(findParagraphs("标题\n　会议指出,要严格。 \n\n会议强调。")).toEqual([
      [0, 2],
      [4, 13],
      [16, 21],
    ]);
  });
  it("returns [] for a blank text", () => {
    expect(findParagraphs(" \n")).toEqual([]);
  });
});

describe("findSentences(text, paragraphs)", () => {
  it("splits paragraphs at sentence ends, trimmed, with paragraph indices", () => {
    const text = "标题\n会议指出,要严格。会议强调:“要抓紧!” 要继续?";
    const sentences = findSentences(text, findParagraphs(text));
    expect(sentences.map((s) => [text.slice(...s.span), s.paragraph])).toEqual([
      ["标题", 0],
      ["会议指出,要严格。", 1],
      ["会议强调:“要抓紧!”", 1],
      ["要继续?", 1],
    ]);
  });
});
