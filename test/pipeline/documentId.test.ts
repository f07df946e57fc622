import { describe, expect, it } from "vitest";
import { checkFileName, documentIdFor, stemOf } from "../../src/pipeline/documentId.ts";

describe("documentIdFor(path)", () => {
  it.each([
    ["data/raw/reports/004.txt", "004"],
    ["data/raw/reports/000_76bc26fd7b02b4ab.txt", "000_76bc26fd7b02b4ab"],
    ["data/raw/reports/2022/Haidian-0413.HTML", "haidian-0413"],
  ])("uses the plain stem of %s", (path, id) => {
    expect(documentIdFor(path)).toBe(id);
  });

  it("hashes names that are not plain ASCII, the same on every call", () => {
    const id = documentIdFor("data/raw/reports/海淀 通报.txt");
    expect(id).toMatch(/^r[0-9a-f]{12}$/);
    expect(documentIdFor("data/raw/reports/海淀 通报.txt")).toBe(id);
    expect(documentIdFor("data/raw/reports/海淀通报.txt")).not.toBe(id);
  });

  it("gives the same id for NFC and NFD spellings of a name", () => {
    expect(documentIdFor("data/raw/reports/café.txt")).toBe(documentIdFor("data/raw/reports/cafe\u0301.txt"));
  });
});

describe("stemOf(path)", () => {
  it("drops only the last extension", () => {
    expect(stemOf("a/b/004.meta.yaml")).toBe("004.meta");
    expect(stemOf("a/.hidden")).toBe(".hidden");
  });
});

describe("checkFileName(path)", () => {
  it("accepts Chinese and spaces", () => {
    expect(checkFileName("data/raw/reports/海淀区 通报.txt")).toBeNull();
  });

  it("rejects `..` with an exact message", () => {
    const issue = checkFileName("data/raw/reports/report..txt");
    expect(issue?.code).toBe("file-name-unsafe");
    expect(issue?.message).toMatchInlineSnapshot(
      `"file name cannot be used: expected letters, digits, Chinese, spaces, "-", "_" and one "." before the extension, found ".." in a file name: "report..txt""`,
    );
  });

  it("rejects control characters", () => {
    expect(checkFileName("data/raw/reports/a\u0007b.txt")?.code).toBe("file-name-unsafe");
  });
});
