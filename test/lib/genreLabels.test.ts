import { describe, expect, it } from "vitest";
import { findGenreLabel, getGenreUrl, listGenres } from "../../src/lib/genreLabels.ts";

describe("genre labels", () => {
  it("lists every genre with its label and address, in the pipeline's order", () => {
    expect(listGenres()).toEqual([
      { genre: "meeting", label: "会议", url: "/reports/genre/meeting/" },
      { genre: "inspection", label: "检查调研", url: "/reports/genre/inspection/" },
      { genre: "case_bulletin", label: "疫情通报", url: "/reports/genre/case_bulletin/" },
      { genre: "risk_area", label: "风险区域", url: "/reports/genre/risk_area/" },
      { genre: "notice", label: "通告", url: "/reports/genre/notice/" },
    ]);
    expect(getGenreUrl("notice")).toBe("/reports/genre/notice/");
  });

  it.each([
    ["risk_area", "风险区域"],
    [null, null],
    ["gossip", null],
  ])("findGenreLabel(%j) is %j", (genre, label) => {
    expect(findGenreLabel(genre)).toBe(label);
  });
});
