import { describe, expect, it } from "vitest";
import { decodeMarkdownText } from "../../../src/pipeline/decode/markdown.ts";
import { decodeSource } from "../../../src/pipeline/decode/source.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";

/** True when every non-space character of the text maps to the same character of the source. */
const mapsFaithfully = (source: string, text: string, map: Int32Array): boolean =>
  Array.from(text).every((ch, i) => ch === " " || ch === "\n" || source[map[i]!] === text[i]);

describe("decodeMarkdownText(source)", () => {
  it("parses front matter and gives one line per block", () => {
    const source = [
      "---",
      "title: 西城区领导调研",
      "date: 2021-11-14",
      "---",
      "",
      "# 标题 *一*",
      "",
      "第一段[链接](http://x) **加粗** `代码`",
      "续行 ![图](a.png)",
      "",
      "- 条目一",
      "- 条目二",
      "",
      "***",
      "",
      "> 引用 \\*星\\* &amp; 符",
      "> 第二行",
      "",
      "## 二级",
      "#### 四级",
    ].join("\n");
    const md = decodeMarkdownText(source);
    expect(md.frontMatter).toEqual({ title: "西城区领导调研", date: "2021-11-14" });
    expect(md.frontMatterProblem).toBeNull();
    // A soft line break ends a line: Chinese sources do not wrap, so each source line was a line on the page.
    expect(md.text).toBe("标题 一\n第一段链接 加粗 代码\n续行\n条目一\n条目二\n引用 *星* & 符\n第二行\n二级\n四级");
    expect(md.headings.map(([s, e]) => md.text.slice(s, e))).toEqual(["标题 一", "二级"]);
    expect(mapsFaithfully(source, md.text, md.map)).toBe(true);
    // `\*` → "*", mapped to the "*" after the backslash.
    const star = md.map[md.text.indexOf("*星")]!;
    expect(source.slice(star - 1, star + 1)).toBe("\\*");
  });

  it("finds front matter after leading blank lines (reports/017.md)", () => {
    const md = decodeMarkdownText("\n---\ntitle: '0新增'\n---\n\n正文");
    expect([md.frontMatter, md.text]).toEqual([{ title: "0新增" }, "正文"]);
  });

  it("gives each front matter value's span in the file, with CRLF lines and leading blank lines too", () => {
    for (const source of ["---\r\nurl: x\r\npublished_date: 2031-01-01\r\n---\r\n\r\n# T\r\n", "\n\n---\nurl: \"x\"\npublished_date: 2031-01-01\n---\n# T\n"]) {
      const md = decodeMarkdownText(source);
      const found = Object.fromEntries(Object.entries(md.frontMatterSpans).map(([key, [start, end]]) => [key, source.slice(start, end)]));
      expect(found).toEqual({ url: source.includes('"x"') ? '"x"' : "x", published_date: "2031-01-01" });
    }
    expect(decodeMarkdownText("# 无前言\n").frontMatterSpans).toEqual({});
  });

  it("runs raw HTML through the HTML converter, also when indented like code", () => {
    const source = [
      '<div><p class="a">　　原标题：0新增</p><!-- 注释 -->',
      "",
      "<!-- 文末 -->",
      "",
      "            <style>",
      "            .x&#123;color:red;&#125;",
      "            </style>",
      '            <div class="share">分享</div>',
      "",
      '<p class="article-editor">责任编辑：邓健 </p>',
      "</div>",
    ].join("\n");
    const md = decodeMarkdownText(source);
    expect(md.text).toBe("原标题：0新增\n责任编辑：邓健");
    expect(mapsFaithfully(source, md.text, md.map)).toBe(true);
  });

  it("gives one line per table row", () => {
    const md = decodeMarkdownText("| 区 | 病例 |\n|---|:--:|\n| 朝阳 | 5 |\n");
    expect(md.text).toBe("区 病例\n朝阳 5");
  });

  it("reports invalid YAML with its line and keeps the body", () => {
    const result = decodeSource({ path: "r/a.md", bytes: new TextEncoder().encode("---\ntitle: a\n  bad: [1\n---\n正文\n") });
    expect(result.value?.frontMatter).toBeNull();
    expect(result.value?.text).toBe("正文");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "r/a.md:2:8: front matter is not valid YAML: expected \`key: value\` lines, found "title: a"
        hint: the YAML parser says: Nested mappings are not allowed in compact mappings; fix the front matter between the --- lines",
      ]
    `);
  });

  it("reports front matter that is not a mapping", () => {
    const result = decodeSource({ path: "r/a.md", bytes: new TextEncoder().encode("---\n- a\n- b\n---\n正文\n") });
    expect(result.value?.frontMatter).toBeNull();
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "r/a.md:2:1: front matter is not a mapping: expected \`key: value\` lines, found a list
        hint: write the front matter as \`title: …\`, \`date: …\` lines",
      ]
    `);
  });
});
