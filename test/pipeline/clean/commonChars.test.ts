import { describe, expect, it } from "vitest";
import { isHan } from "../../../src/pipeline/clean/commonChars.ts";

describe("isHan(char)", () => {
  it.each([
    ["中", true],
    ["㐀", true],
    ["\uFA6C", true],
    ["𠮷", true],
    ["𬌗", true],
    ["\u{2F800}", true],
    ["〇", false],
    ["々", false],
    ["⺁", false],
    ["a", false],
    ["，", false],
    ["\ud842", false],
    ["中国", false],
    ["", false],
  ])("%j: %s", (char, expected) => {
    expect(isHan(char)).toBe(expected);
  });
});
