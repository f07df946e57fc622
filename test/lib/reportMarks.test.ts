import { describe, expect, it } from "vitest";
import { getReportMarks } from "../../src/lib/reportMarks.ts";

describe("getReportMarks(rows, labels)", () => {
  it("locates every record and links it to its entry", () => {
    const marks = getReportMarks(
      {
        directives: [{ id: "003-d001", doc_id: "003", speaker: "会议", speaker_role: null, district: "海淀区", date: "2022-06-04", text: "要加强核酸检测和流调。", categories: ["nucleic_acid_testing", "tracing"], span: [20, 31] }],
        places: [{ id: "003-p1", doc_id: "003", name: "友谊社区", kind: "社区", district: "海淀区", street: "海淀街道", status: "封控区", date: "2022-06-04", span: [5, 9] }],
        mentions: [{ id: "003-p001", doc_id: "003", name: "蔡奇", role: "市委书记", organisation: "市委", span: [0, 2] }],
        cases: [],
      },
      new Map([["nucleic_acid_testing", "核酸检测"]]),
    );
    expect(marks.map(({ id, kind, start, end, href, title }) => [id, kind, start, end, href, title])).toEqual([
      ["003-p001", "person", 0, 2, "#about-003-p001", "人物：市委书记 蔡奇"],
      ["003-p1", "place", 5, 9, "#about-003-p1", "地点：友谊社区（海淀区海淀街道），封控区"],
      ["003-d001", "directive", 20, 31, "#about-003-d001", "指示：会议；核酸检测、tracing"],
    ]);
  });
});
