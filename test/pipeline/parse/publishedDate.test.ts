import { describe, expect, it } from "vitest";
import { findClosingDate, findMetadataDates } from "../../../src/pipeline/parse/publishedDate.ts";
import { findParagraphs } from "../../../src/pipeline/parse/sentences.ts";
import type { MetadataField } from "../../../src/pipeline/records.ts";

describe("findMetadataDates(metadata, key)", () => {
  it("spans the date inside the time value, in the decoded source", () => {
    const metadata: MetadataField[] = [
      { key: "source", value: "密云区文明办", span: [64, 70] },
      { key: "time", value: "2022-04-13 09:12", span: [75, 91] },
    ];
    expect(findMetadataDates(metadata, "time")).toEqual([
      { iso: "2022-04-13", found: "2022-04-13", span: [75, 85], in: "source", from: "time" },
    ]);
  });
});

describe("findClosingDate(text, paragraphs, firstBody)", () => {
  it("spans the date line closing the body, in the clean text", () => {
    const text = "标题\n本通告自发布之日起施行。\n  2022年5月9日";
    const found = findClosingDate(text, findParagraphs(text), 1);
    expect(found).toEqual({ iso: "2022-05-09", found: "2022年5月9日", span: [18, 27], in: "clean", from: "closing-line" });
    expect(text.slice(...found!.span)).toBe("2022年5月9日");
  });
});
