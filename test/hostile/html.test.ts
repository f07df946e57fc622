/**
 * Hostile input: HTML with scripts, iframes, event handlers and `javascript:` links, and a
 * `javascript:` address in a sidecar or front matter. None of it may reach the text, the datasets
 * or a link.
 */
import { describe, expect, it } from "vitest";
import { emitDatasets } from "../../src/pipeline/emit/datasets.ts";
import { formatIssue } from "../../src/pipeline/issues.ts";
import { run } from "../support/pipeline.ts";
import { expectGoodUnchanged, fatesOf, GOOD, GOOD_PATHS, OTHER, reportPath } from "./fixtures.ts";

const [TITLE, TIME, LEAD] = OTHER.split("\n") as [string, string, string];

/** The report OTHER inside a page full of active content, each piece carrying a marker word (EVIL, 注入). */
const HOSTILE_PAGE = `<!DOCTYPE html>
<html><head><title>${TITLE}</title><script>alert("EVIL head")</script><style>body{background:url("javascript:EVIL")}</style></head>
<body onload="EVIL()">
<h1 onmouseover="EVIL()">${TITLE}</h1>
<p>${TIME}</p>
<iframe src="javascript:alert('EVIL')">注入框架</iframe>
<p onclick="EVIL()">${LEAD}<a href="javascript:alert('EVIL')">点此</a><img src=x onerror="EVIL()"></p>
<script>document.write("注入EVIL")</script>
<noscript>注入noscript</noscript>
<svg><script>alert("EVIL svg")</script></svg>
<object data="EVIL.swf">注入object</object><embed src="EVIL.swf">
<form action="javascript:EVIL()"><input value="EVIL"><button>注入按钮</button></form>
<template><p>注入模板</p></template>
<!-- EVIL comment -->
<a href="JaVaScRiPt:EVIL()" onfocus="EVIL()">返回首页</a>
</body></html>`;

/** Everything a published report leaves in the emitted files (datasets, clean text, build report). */
function emittedText(result: Awaited<ReturnType<typeof run>>): string {
  const files = emitDatasets(result);
  // Not vacuous: the clean text of the report is among them.
  expect(files.map((f) => f.path)).toContain("text/hostile.txt");
  return files.map((f) => f.content).join("\n");
}

describe("hostile HTML", () => {
  it("keeps no script, iframe, event handler or javascript: link of a page in its text or any emitted file", async () => {
    const result = await run([...GOOD, { name: "hostile.html", text: HOSTILE_PAGE }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("hostile.html")])[reportPath("hostile.html")]).toBe("published");
    expect(result.issues).toEqual([]);
    const doc = result.documents.find((d) => d.row.id === "hostile")!;
    // The readable text is the report and the text of its link, nothing else (返回首页 is page chrome).
    expect(doc.doc.text).toBe(`${TITLE}\n${LEAD}点此`);
    expect(doc.row).toMatchObject({ title: TITLE, published_date: "2022-05-10", url: null, format: "html" });
    const emitted = emittedText(result);
    expect(emitted).toContain(LEAD);
    for (const marker of ["EVIL", "注入", "javascript", "JaVaScRiPt", "onclick", "onerror", "<script", "<iframe"]) {
      expect(emitted.includes(marker), marker).toBe(false);
    }
    await expectGoodUnchanged(result);
  });

  it("drops raw HTML scripts and iframes in Markdown", async () => {
    const md = `# ${TITLE}\n\n${TIME}\n\n<script>alert("EVIL")</script>\n\n${LEAD} <iframe src="javascript:EVIL()">注入</iframe>\n\n<a href="javascript:EVIL()" onclick="EVIL()">点此</a>\n`;
    const result = await run([...GOOD, { name: "hostile.md", text: md }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("hostile.md")])[reportPath("hostile.md")]).toBe("published");
    const doc = result.documents.find((d) => d.row.id === "hostile")!;
    expect(doc.doc.text).toBe(`${TITLE}\n${LEAD}\n点此`);
    expect(/EVIL|注入|javascript/i.test(emittedText(result))).toBe(false);
    await expectGoodUnchanged(result);
  });

  it("keeps markup in a .txt report as the characters it is (plain text is never read as HTML, the site escapes it)", async () => {
    // A plain-text report quoting a tag is text: removing it would change what the report says.
    const text = `${OTHER}\n示例:<script>alert(1)</script>`;
    const result = await run([{ name: "quoted.txt", text }]);
    expect(result.documents[0]?.doc.text.split("\n").at(-1)).toBe("示例:<script>alert(1)</script>");
    expect(result.documents[0]?.row.format).toBe("text");
  });

  it.each([
    ["javascript:alert(1)"],
    ["JAVASCRIPT:alert(1)"],
    [" javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["//evil.example/x"],
    ["https://"],
  ])("refuses the sidecar url %j, rejects the report and keeps the good ones", async (url) => {
    const result = await run([...GOOD, { name: "linked.txt", text: OTHER, sidecar: `url: ${JSON.stringify(url)}\n` }]);
    const fates = fatesOf(result, [...GOOD_PATHS, reportPath("linked.txt"), reportPath("linked.meta.yaml")]);
    expect([fates[reportPath("linked.txt")], fates[reportPath("linked.meta.yaml")]]).toEqual(["rejected", "rejected"]);
    expect(result.issues.map((i) => [i.code, i.severity, i.path, i.line, i.column])).toEqual([["sidecar-invalid", "error", reportPath("linked.meta.yaml"), 1, 6]]);
    expect(result.issues[0]?.message).toBe(`url is not a web address: expected an address starting with http:// or https://, found ${JSON.stringify(url)}`);
    await expectGoodUnchanged(result);
  });

  it("refuses a javascript: address in Markdown front matter under any of its keys", async () => {
    const md = `---\nurl: "javascript:alert(1)"\nlink: javascript:alert(2)\n---\n\n# ${TITLE}\n\n${TIME}\n\n${LEAD}\n`;
    const result = await run([...GOOD, { name: "front.md", text: md }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("front.md")])[reportPath("front.md")]).toBe("rejected");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/front.md:2:6: url is not a web address: expected an address starting with http:// or https://, found "javascript:alert(1)"",
        "data/raw/reports/front.md:3:7: url is not a web address: expected an address starting with http:// or https://, found "javascript:alert(2)"",
      ]
    `);
    await expectGoodUnchanged(result);
  });

  it("publishes an https address from a sidecar as it is", async () => {
    const result = await run([{ name: "linked.txt", text: OTHER, sidecar: "url: https://www.bjhd.gov.cn/2022/0510.html\n" }]);
    expect(result.documents[0]?.row.url).toBe("https://www.bjhd.gov.cn/2022/0510.html");
  });
});
