import { describe, expect, it } from "vitest";
import { isMarkNode, listPlacedIds, markParagraphs, type MarkedNode, type TextMark } from "../../src/lib/markedText.ts";

const mark = (id: string, kind: TextMark["kind"], start: number, end: number): TextMark => ({ id, kind, start, end, href: `#${id}`, title: id });

/** A compact picture of the nodes: marks as [id* …] where * is the anchor piece. */
function show(nodes: MarkedNode[]): string {
  return nodes.map((n) => (isMarkNode(n) ? `[${n.mark.id}${n.anchor ? "*" : ""}${n.last ? "$" : ""} ${show(n.children)}]` : n.text)).join("");
}

describe("markParagraphs(text, marks)", () => {
  it("splits lines into paragraphs and skips blank ones", () => {
    expect(markParagraphs("标题\n\n正文一\n  \n正文二", []).map(show)).toEqual(["标题", "正文一", "正文二"]);
  });

  it("nests a place inside the directive that holds it", () => {
    const text = "会议要求,海淀区要加强核酸检测。";
    const nodes = markParagraphs(text, [mark("p1", "place", 5, 8), mark("d1", "directive", 5, 16)]);
    expect(nodes.map(show)).toEqual(["会议要求,[d1*$ [p1*$ 海淀区]要加强核酸检测。]"]);
  });

  it("splits crossing marks so only the first piece is the anchor", () => {
    const nodes = markParagraphs("甲乙丙丁戊", [mark("a", "directive", 0, 3), mark("b", "place", 2, 5)]);
    expect(nodes.map(show)).toEqual(["[a*$ 甲乙[b* 丙]][b$ 丁戊]"]);
  });

  it("marks only the piece that ends the mark as last", () => {
    const nodes = markParagraphs("甲乙丙丁", [mark("d", "directive", 0, 4), mark("p", "place", 1, 2)]);
    expect(nodes.map(show)).toEqual(["[d*$ 甲[p*$ 乙]丙丁]"]);
  });

  it("splits a mark that crosses a line end", () => {
    const nodes = markParagraphs("甲乙\n丙丁", [mark("d", "directive", 1, 4)]);
    expect(nodes.map(show)).toEqual(["甲[d* 乙]", "[d$ 丙]丁"]);
  });

  it("leaves out empty marks and marks outside the text", () => {
    const nodes = markParagraphs("甲乙", [mark("e", "place", 1, 1), mark("x", "place", 5, 9)]);
    expect(nodes.map(show)).toEqual(["甲乙"]);
  });

  it("keeps text that looks like markup as plain text", () => {
    const text = "<script>alert(1)</script>";
    const [paragraph] = markParagraphs(text, [mark("d", "directive", 0, 8)]);
    expect(paragraph).toEqual([
      { mark: expect.objectContaining({ id: "d" }), anchor: true, last: true, children: [{ text: "<script>" }] },
      { text: "alert(1)</script>" },
    ]);
  });
});

describe("markParagraphs(text, marks, from)", () => {
  it("leaves out the lines before the body", () => {
    const text = "标题\n副题\n正文第一段。\n第二段。";
    expect(markParagraphs(text, [], text.indexOf("正文")).map((nodes) => nodes.map((n) => ("text" in n ? n.text : "")).join(""))).toEqual(["正文第一段。", "第二段。"]);
  });
});

describe("listPlacedIds(paragraphs)", () => {
  it("lists the marks placed in the body, not those in the headlines before body_start", () => {
    const text = "海淀区会议\n会议要求,海淀区要加强核酸检测。";
    const marks = [mark("h1", "place", 0, 3), mark("p1", "place", 11, 14), mark("d1", "directive", 11, 22), mark("x", "place", 40, 42)];
    expect([...listPlacedIds(markParagraphs(text, marks, 6))].sort()).toEqual(["d1", "p1"]);
    expect([...listPlacedIds(markParagraphs(text, marks))].sort()).toEqual(["d1", "h1", "p1"]);
  });

  it("counts a mark split over two lines once, by its first piece", () => {
    expect([...listPlacedIds(markParagraphs("甲乙\n丙丁", [mark("d", "directive", 1, 4)]))]).toEqual(["d"]);
    expect([...listPlacedIds(markParagraphs("甲乙\n丙丁", [mark("d", "directive", 1, 4)], 3))]).toEqual([]);
  });
});
