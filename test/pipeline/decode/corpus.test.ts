import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeSource } from "../../../src/pipeline/decode/source.ts";

const corpus = path.resolve(process.cwd(), "../shared/corpus");
const reports = path.join(corpus, "reports");
if (!existsSync(reports)) console.warn(`decode corpus tests skipped: ${reports} is absent`);

/** Encodings the corpus reports are in (MANIFEST.csv noise gbk / big5); all others are UTF-8. */
const LEGACY: Readonly<Record<string, string>> = { "003": "gb18030", "013": "gb18030", "020": "big5" };

describe.skipIf(!existsSync(reports))("decodeSource(file) on the corpus reports", () => {
  const files = existsSync(reports) ? readdirSync(reports).filter((f) => /^\d{3}\.(txt|html|md)$/.test(f)).sort() : [];

  it.each(files)("decodes %s without issues in the expected encoding", (file) => {
    const result = decodeSource({ path: `reports/${file}`, bytes: new Uint8Array(readFileSync(path.join(reports, file))) });
    expect(result.issues).toEqual([]);
    expect(result.value?.encoding).toBe(LEGACY[file.slice(0, 3)] ?? "utf-8");
    const value = result.value!;
    // Every readable character maps to itself in the source (separators aside).
    const mismatched = Array.from(value.text).filter((ch, i) => ch !== " " && ch !== "\n" && value.source[value.toSource[i]!] !== value.text[i]);
    expect(mismatched).toEqual([]);
  });

  it("decodes 013.txt (GBK with GB18030 four-byte •) to exactly its readable copy", () => {
    const value = decodeSource({ path: "reports/013.txt", bytes: new Uint8Array(readFileSync(path.join(reports, "013.txt"))) }).value!;
    expect(value.source).toBe(readFileSync(path.join(reports, "src/013.txt"), "utf8"));
  });

  it("decodes 020.txt (Big5) with ①② from C6A1/C6A2 and literal ? where the copy has ▶", () => {
    const value = decodeSource({ path: "reports/020.txt", bytes: new Uint8Array(readFileSync(path.join(reports, "020.txt"))) }).value!;
    expect(value.source).toContain("①確因就醫");
    expect(value.source).toContain("\n  ?北京通州區封控區:");
    expect(value.source).not.toContain("\uFFFD");
  });

  it("reads 003.html: title, h1 heading, no chrome", () => {
    const value = decodeSource({ path: "reports/003.html", bytes: new Uint8Array(readFileSync(path.join(reports, "003.html"))) }).value!;
    expect(value.htmlTitle).toBe("措施落实从严从细 屏障筑牢毫不松懈_开发区新闻");
    expect(value.headings.map(([s, e]) => value.text.slice(s, e))).toEqual(["措施落实从严从细 屏障筑牢毫不松懈"]);
    expect(value.text.split("\n").slice(0, 3)).toEqual([
      "打造网上国际投资促进平台 助力中国投资促进事业",
      "措施落实从严从细 屏障筑牢毫不松懈",
      "发布时间:2022-06-07 来源:海淀网 发布开发区:中关村科技园区海淀园",
    ]);
    expect(value.text).not.toMatch(/首页|投资指南|版权所有|_hmt/);
  });

  it("reads 017.md: front matter after a blank line, <p> texts and the editor line, no style or comments", () => {
    const value = decodeSource({ path: "reports/017.md", bytes: new Uint8Array(readFileSync(path.join(reports, "017.md"))) }).value!;
    expect(value.frontMatter).toMatchObject({ title: "0新增！北京已连续3天没有新增新冠肺炎确诊病例", author: "新浪财经" });
    expect(value.text.split("\n")).toEqual([
      "原标题：0新增！北京已连续3天没有新增新冠肺炎确诊病例",
      "11月5日0时至24时，北京本土确诊病例、疑似病例和无症状感染者均为零新增；境外输入方面，确诊病例、疑似病例、无症状感染者同样没有新增。",
      "新浪财经APP：资讯海量，解读精准",
      "责任编辑：邓健",
    ]);
  });
});
