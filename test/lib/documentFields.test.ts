import { describe, expect, it } from "vitest";
import { describeDocumentFields, formatPositions } from "../../src/lib/documentFields.ts";
import type { DocumentRow } from "../../src/pipeline/validate/schemas.ts";

const doc: DocumentRow = {
  id: "009",
  title: "西城区召开疫情防控工作会",
  pre_title: null,
  subtitle: null,
  source: "西城区",
  published_date: "2021-11-14",
  event_date: "2021-11-14",
  reporters: [],
  editor: null,
  districts: ["西城区"],
  genre: "meeting",
  url: null,
  path: "data/raw/reports/009.txt",
  sha256: "0".repeat(64),
  encoding: "utf-8",
  format: "text",
  script: "simplified",
  supplied: ["published_date", "source", "title"],
  provenance: {
    event_date: [{ start: 40, end: 46, line: 3, column: 1 }],
    districts: [{ start: 40, end: 43, line: 3, column: 1 }, { start: 90, end: 93, line: 5, column: 7 }],
  },
  text_path: "text/009.txt",
  body_start: 0,
  characters: 100,
  paragraphs: 3,
  sentences: 4,
  pinyin_removed: 0,
  garbled: [],
};

describe("describeDocumentFields(doc)", () => {
  it("says for each field whether it was supplied, extracted (with where) or absent", () => {
    const fields = describeDocumentFields(doc).map((f) => [f.label, f.value, f.basis, formatPositions(f.positions)]);
    expect(fields).toEqual([
      ["来源", "西城区", "supplied", ""],
      ["发布日期", "2021年11月14日", "supplied", ""],
      ["事件日期", "2021年11月14日", "extracted", "第3行第1列"],
      ["记者", null, "absent", ""],
      ["责任编辑", null, "absent", ""],
      ["涉及区", "西城区", "extracted", "第3行第1列、第5行第7列"],
      ["标题", "西城区召开疫情防控工作会", "supplied", ""],
      ["引题", null, "absent", ""],
      ["副题", null, "absent", ""],
      ["原文地址", null, "absent", ""],
    ]);
  });
});
