import { describe, expect, it } from "vitest";
import { spanInField } from "../../../src/pipeline/parse/fieldSpan.ts";
import type { MetadataField } from "../../../src/pipeline/records.ts";

describe("spanInField(field, start, end)", () => {
  it("locates a part exactly when the value is as long as its source text", () => {
    // 时间:2022-04-13 09:12 with the value at 75.
    const field: MetadataField = { key: "time", value: "2022-04-13 09:12", span: [75, 91] };
    expect(spanInField(field, 0, 10)).toEqual([75, 85]);
  });
  it("gives the whole field when conversion changed the length (pinyin removed)", () => {
    // 祁夢(mèng)竹 in the file, 祁梦竹 as the value.
    const field: MetadataField = { key: "reporter", value: "祁梦竹", span: [160, 169] };
    expect(spanInField(field, 1, 2)).toEqual([160, 169]);
  });
});
