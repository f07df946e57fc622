import { describe, expect, it } from "vitest";
import { isBuildFilePath, readBuildFile } from "../../src/lib/buildFiles.ts";

describe("isBuildFilePath(path)", () => {
  it.each([
    ["documents.csv", true],
    ["datapackage.json", true],
    ["text/004_d2a4c35ad713cded.txt", true],
    ["../package.json", false],
    ["text/../../x.txt", false],
    ["/etc/passwd", false],
    ["raw/004.txt", false],
    ["a.ts", false],
  ])("%s → %s", (path, expected) => expect(isBuildFilePath(path)).toBe(expected));
});

describe("readBuildFile(path)", () => {
  it("refuses a path outside the build folder", () => {
    expect(() => readBuildFile("../package.json")).toThrowErrorMatchingInlineSnapshot(
      `[Error: build file path is not allowed: expected name.csv, name.json or text/name.txt, found "../package.json"]`,
    );
  });
});
