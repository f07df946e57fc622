import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { emitDatasets } from "../../src/pipeline/emit/datasets.ts";
import { formatIssue } from "../../src/pipeline/issues.ts";
import { run } from "../support/pipeline.ts";

/** A well-formed report: a title line, a dated metadata line and a body naming a district. */
const REPORT = [
  "密云区:紧盯形势 狠抓落实",
  "来源:密云区文明办",
  "时间:2022-04-13",
  "连日来,密云区委书记余卫国主持召开疫情防控工作调度会。余卫国强调,要把人民群众的生命安全和身体健康摆在首要位置。",
].join("\n");

/** The formatted issues of one input, as the build summary prints them. */
async function issuesOf(name: string, text?: string, bytes?: Uint8Array, sidecar?: string): Promise<string[]> {
  const result = await run([{ name, text, bytes, sidecar }]);
  return result.issues.map(formatIssue);
}

describe("runPipeline on bad input", () => {
  it("rejects an empty file", async () => {
    const result = await run([{ name: "empty.txt", text: "" }]);
    expect(result.report.files).toMatchObject([{ path: "data/raw/reports/empty.txt", status: "rejected", id: null }]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/empty.txt: file is empty: expected report text, found 0 bytes
        hint: remove the file or fetch the report again",
      ]
    `);
  });

  it("rejects a binary file", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(await issuesOf("chart.txt", undefined, png)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/chart.txt: file is binary, not text: expected text without NUL bytes, found a NUL byte at byte 8 (the file starts with bytes "89 50 4E 47 0D 0A 1A 0A")
        hint: only text, HTML and Markdown reports can be read; remove the file from the inputs",
      ]
    `);
  });

  it("publishes a GBK file and records its encoding", async () => {
    const html = `<html><head><meta charset="gbk"><title>x</title></head><body><h1>密云区:紧盯形势 狠抓落实</h1><p>来源:密云区文明办</p><p>时间:2022-04-13</p><p>${REPORT.split("\n")[3]}</p></body></html>`;
    const result = await run([{ name: "gbk.html", bytes: iconv.encode(html, "gbk") }]);
    expect(result.issues).toEqual([]);
    expect(result.documents[0]?.row).toMatchObject({
      id: "gbk",
      title: "密云区:紧盯形势 狠抓落实",
      source: "密云区文明办",
      published_date: "2022-04-13",
      districts: ["密云区"],
      encoding: "gb18030",
      format: "html",
    });
  });

  it("publishes a Big5 file in Simplified", async () => {
    const traditional = "密雲區:緊盯形勢 狠抓落實\n來源:密雲區文明辦\n時間:2022-04-13\n連日來,密雲區委書記余衛國主持召開疫情防控工作調度會。余衛國強調,要把人民群眾的生命安全和身體健康擺在首要位置。";
    const result = await run([{ name: "big5.txt", bytes: iconv.encode(traditional, "big5") }]);
    expect(result.issues).toEqual([]);
    expect(result.documents[0]?.row).toMatchObject({
      title: "密云区:紧盯形势 狠抓落实",
      source: "密云区文明办",
      districts: ["密云区"],
      encoding: "big5",
      script: "traditional",
    });
    expect(result.documents[0]?.doc.text).toContain("余卫国强调,要把人民群众的生命安全和身体健康摆在首要位置。");
  });

  it("publishes a file with a BOM and CRLF line endings, and counts lines right", async () => {
    const text = `\ufeff${REPORT.replace("时间:2022-04-13", "时间:2022-13-01").split("\n").join("\r\n")}`;
    const result = await run([{ name: "bom.txt", text }]);
    // The date line is line 3 in the original file: CRLF counts once, the BOM is not a column.
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/bom.txt:3:4: report date is not a date: expected YYYY-MM-DD or 2022年1月3日, found "2022-13-01"
        hint: fix the date in the source, or add published_date: YYYY-MM-DD to data/raw/reports/bom.meta.yaml",
      ]
    `);
  });

  it("reads a UTF-8 file with a BOM and CRLF as utf-8-bom", async () => {
    const result = await run([{ name: "bom.txt", text: `\ufeff${REPORT.split("\n").join("\r\n")}` }]);
    expect(result.issues).toEqual([]);
    expect(result.documents[0]?.row.encoding).toBe("utf-8-bom");
    expect(result.documents[0]?.doc.text).not.toMatch(/\r|\ufeff/);
  });

  it("rejects a report whose date is 2022-13-01, pointing at it", async () => {
    expect(await issuesOf("bad-date.txt", REPORT.replace("2022-04-13", "2022-13-01"))).toMatchInlineSnapshot(`
      [
        "data/raw/reports/bad-date.txt:3:4: report date is not a date: expected YYYY-MM-DD or 2022年1月3日, found "2022-13-01"
        hint: fix the date in the source, or add published_date: YYYY-MM-DD to data/raw/reports/bad-date.meta.yaml",
      ]
    `);
  });

  it("rejects a supplied district that is not one of Beijing's 16", async () => {
    expect(await issuesOf("x.txt", REPORT, undefined, "districts: [密云区, 浦东新区]\n")).toMatchInlineSnapshot(`
      [
        "data/raw/reports/x.meta.yaml:1:12: supplied district is not a Beijing district: expected one of Beijing's 16 districts (东城区, 西城区, …), found "浦东新区"
        hint: use the official name, e.g. 海淀区",
      ]
    `);
  });

  it("rejects a sidecar date that is not a date, at its line in the sidecar", async () => {
    const result = await run([{ name: "x.txt", text: REPORT, sidecar: "title: 标题\npublished_date: 2022-13-01\n" }]);
    expect(result.report.files.map((f) => [f.path, f.status])).toEqual([
      ["data/raw/reports/x.meta.yaml", "rejected"],
      ["data/raw/reports/x.txt", "rejected"],
    ]);
    expect(result.report.files[1]?.issues.map((i) => i.code)).toEqual(["date-invalid"]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/x.meta.yaml:2:17: published_date is not a date: expected YYYY-MM-DD or 2022年1月3日, found "2022-13-01"",
      ]
    `);
  });

  it("rejects a file name with `..` and accepts spaces and Chinese with a stable id", async () => {
    const result = await run([
      { name: "report..txt", text: REPORT },
      { name: "密云 通报.txt", text: `${REPORT}\n` },
    ]);
    expect(result.report.files.map((f) => [f.path, f.status, f.id])).toMatchInlineSnapshot(`
      [
        [
          "data/raw/reports/report..txt",
          "rejected",
          null,
        ],
        [
          "data/raw/reports/密云 通报.txt",
          "published",
          "rec15a084a129",
        ],
      ]
    `);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/report..txt: file name cannot be used: expected letters, digits, Chinese, spaces, "-", "_" and one "." before the extension, found ".." in a file name: "report..txt"
        hint: rename the file; its id and address come from its name",
      ]
    `);
  });

  it("publishes the first of two files with the same content and names it in the second's issue", async () => {
    const result = await run([
      { name: "b.txt", text: REPORT },
      { name: "a.txt", text: REPORT },
    ]);
    expect(result.report.files.map((f) => [f.path, f.status])).toEqual([
      ["data/raw/reports/a.txt", "published"],
      ["data/raw/reports/b.txt", "rejected"],
    ]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/b.txt: file has the same content as data/raw/reports/a.txt: expected each report once, found a copy
        hint: remove one of the two files (only the first, data/raw/reports/a.txt, is read)",
      ]
    `);
  });

  it("rejects the second of two files that would get the same id", async () => {
    const result = await run([
      { name: "001.txt", text: REPORT },
      { name: "001.md", text: `# 另一篇\n\n${REPORT}` },
    ]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/001.txt: document id "001" is already used by data/raw/reports/001.md: expected one report per file name, found two
        hint: rename one of the files; the id comes from the file name without its extension",
      ]
    `);
  });

  it("lists a sidecar without its report", async () => {
    const result = await run([], { orphanSidecars: ["lost.meta.yaml"] });
    expect(result.report.files).toMatchObject([{ path: "data/raw/reports/lost.meta.yaml", status: "rejected" }]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/lost.meta.yaml: sidecar has no report: expected a report file with the same name before .meta.yaml, found none
        hint: rename the sidecar to match its report (e.g. 004.meta.yaml for 004.txt), or remove it",
      ]
    `);
  });

  it("rejects an unsupported file type", async () => {
    expect(await issuesOf("table.xlsx", "PK")).toMatchInlineSnapshot(`
      [
        "data/raw/reports/table.xlsx: file type is not supported: expected .txt, .html, .htm, .md or .markdown, found ".xlsx"
        hint: convert the report to text, HTML or Markdown, or remove it from the inputs",
      ]
    `);
  });
});

describe("runPipeline accounting", () => {
  it("accounts for every input in the build report, and its counts add up", async () => {
    const result = await run([
      { name: "ok.txt", text: REPORT, sidecar: "url: https://example.org/a\n" },
      { name: "empty.txt", text: "" },
      { name: "dup.txt", text: REPORT },
    ]);
    const paths = result.report.files.map((f) => f.path);
    expect(paths).toEqual([
      "data/raw/reports/dup.txt",
      "data/raw/reports/empty.txt",
      "data/raw/reports/ok.meta.yaml",
      "data/raw/reports/ok.txt",
    ]);
    // ok.txt has the content of dup.txt, which comes first: ok.txt and its sidecar are rejected.
    expect(result.report.summary).toMatchObject({ files: 4, reports: 3, sidecars: 1, published: 1, rejected: 2 });
    expect(result.documents.map((d) => [d.row.id, d.row.supplied, d.row.url])).toEqual([["dup", [], null]]);
  });

  it("emits the same bytes whatever order the files were listed in", async () => {
    const files = [
      { name: "a.txt", text: REPORT },
      { name: "b.txt", text: REPORT.replace("密云区委书记", "密云区区长") },
      { name: "c.txt", text: "" },
    ];
    const forward = emitDatasets(await run(files));
    const backward = emitDatasets(await run([...files].reverse()));
    expect(backward).toEqual(forward);
  });
});
