/**
 * Hostile input: encodings. Empty and binary files, a GBK file cut in the middle of a two-byte
 * character, a UTF-8 file with a GBK paragraph, each next to the good reports.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/pipeline/issues.ts";
import { run } from "../support/pipeline.ts";
import { expectGoodUnchanged, fatesOf, GOOD, GOOD_PATHS, OTHER, reportPath } from "./fixtures.ts";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe("hostile encodings", () => {
  it("rejects an empty file, a BOM-only file and a binary file, and publishes the good reports unchanged", async () => {
    const result = await run([
      ...GOOD,
      { name: "empty.txt", text: "" },
      { name: "bom-only.txt", bytes: Uint8Array.from([0xef, 0xbb, 0xbf]) },
      { name: "image.txt", bytes: PNG },
    ]);
    const bad = ["empty.txt", "bom-only.txt", "image.txt"].map(reportPath);
    const fates = fatesOf(result, [...GOOD_PATHS, ...bad]);
    expect(bad.map((p) => fates[p])).toEqual(["rejected", "rejected", "rejected"]);
    expect(result.issues.map((i) => [i.path, i.code])).toEqual([
      [reportPath("bom-only.txt"), "file-empty"],
      [reportPath("empty.txt"), "file-empty"],
      [reportPath("image.txt"), "file-binary"],
    ]);
    expect(result.report.summary).toMatchObject({ reports: 5, published: 2, rejected: 3 });
    await expectGoodUnchanged(result);
  });

  it("reads a GBK file cut in the middle of its last character with one U+FFFD and a warning there, the rest intact", async () => {
    const gbk = iconv.encode(OTHER, "gbk");
    // The last character, 。, is A1 A3 in GBK: the cut leaves its lead byte A1.
    const cut = gbk.subarray(0, gbk.length - 1);
    expect(cut.at(-1)).toBe(0xa1);
    const result = await run([...GOOD, { name: "truncated.txt", bytes: cut }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("truncated.txt")])[reportPath("truncated.txt")]).toBe("published");
    expect(result.issues).toMatchObject([{ code: "encoding-undecodable", severity: "warning", line: 3, column: [...OTHER.split("\n")[2]!].length, byteOffset: cut.length - 1 }]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/truncated.txt:3:50: bytes are not valid GB18030: expected a GB18030 character, found bytes "A1"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
      ]
    `);
    const doc = result.documents.find((d) => d.row.id === "truncated")!;
    expect(doc.row.encoding).toBe("gb18030");
    expect(doc.doc.original).toBe(`${OTHER.slice(0, -1)}\uFFFD`);
    expect([...doc.doc.original].filter((c) => c === "\uFFFD")).toHaveLength(1);
    await expectGoodUnchanged(result);
  });

  it("reads a UTF-8 file with a GBK paragraph as UTF-8, the GBK bytes as U+FFFD with a warning at each run, the UTF-8 paragraphs intact", async () => {
    // The decoder's rule (decodeUnlabelled): a file that is not all valid UTF-8 is read in the
    // encoding whose Han text is most common; UTF-8 here, since most of the file is UTF-8. Each run of
    // bytes that starts no UTF-8 character becomes one U+FFFD with an encoding-undecodable warning.
    const gbkParagraph = "各街道乡镇要加强值守。";
    const bytes = Buffer.concat([Buffer.from(`${OTHER}\n`), iconv.encode(`${gbkParagraph}\n`, "gbk"), Buffer.from("最后一段文字。")]);
    const result = await run([...GOOD, { name: "mixed.txt", bytes }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("mixed.txt")])[reportPath("mixed.txt")]).toBe("published");
    const doc = result.documents.find((d) => d.row.id === "mixed")!;
    expect(doc.row.encoding).toBe("utf-8");
    const lines = doc.doc.original.split("\n");
    expect(lines.slice(0, 3).join("\n")).toBe(OTHER);
    expect(lines[4]).toBe("最后一段文字。");
    expect(lines[3]).toContain("\uFFFD");
    // The first bad byte is the first byte of the GBK paragraph: line 4, column 1.
    const first = result.issues[0]!;
    expect(first).toMatchObject({ code: "encoding-undecodable", severity: "warning", path: reportPath("mixed.txt"), line: 4, column: 1, byteOffset: Buffer.byteLength(`${OTHER}\n`) });
    expect(result.issues.every((i) => i.code === "encoding-undecodable" && i.line === 4)).toBe(true);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/mixed.txt:4:1: bytes are not valid UTF-8: expected a UTF-8 character, found bytes "B8 F7 BD"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
        "data/raw/reports/mixed.txt:4:3: bytes are not valid UTF-8: expected a UTF-8 character, found bytes "C0 CF E7 D5 F2"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
        "data/raw/reports/mixed.txt:4:5: bytes are not valid UTF-8: expected a UTF-8 character, found bytes "BC D3"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
        "data/raw/reports/mixed.txt:4:8: bytes are not valid UTF-8: expected a UTF-8 character, found bytes "CA"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
        "data/raw/reports/mixed.txt:4:10: bytes are not valid UTF-8: expected a UTF-8 character, found bytes "A3"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
      ]
    `);
    // The directive of the UTF-8 paragraphs is read as from the report alone.
    const intact = await run([{ name: "mixed.txt", text: OTHER }]);
    expect(intact.datasets.directives).toHaveLength(1);
    expect(result.datasets.directives.filter((d) => d.doc_id === "mixed")).toEqual(intact.datasets.directives);
    await expectGoodUnchanged(result);
  });

  it("rejects a file of bytes that fit no encoding, and keeps the good reports", async () => {
    const noise = Uint8Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 0xff : 0x41 + (i % 26)));
    const result = await run([...GOOD, { name: "noise.txt", bytes: Uint8Array.from([...Buffer.from("北京市海淀区\n"), ...noise]) }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("noise.txt")])[reportPath("noise.txt")]).toBe("rejected");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/noise.txt: file is binary, not text: expected UTF-8, GB18030 or Big5 text, found 200 of 218 non-ASCII bytes (92%) invalid even in the best fit, UTF-8
        hint: only text, HTML and Markdown reports can be read; remove the file from the inputs",
      ]
    `);
    await expectGoodUnchanged(result);
  });
});
