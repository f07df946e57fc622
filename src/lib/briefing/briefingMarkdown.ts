/**
 * A briefing as Markdown (`briefing.md`), for a press release or an editor's document: the same sections as the
 * page, links as absolute URLs (the text leaves the site). CommonMark with GFM tables.
 */
import type { BriefingBlock, BriefingDocument, Inline } from "./briefingDocument.ts";

/** Characters Markdown would read as markup in report text (`*`, `_`, `[`, `|` …), escaped with a backslash. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#]/g;

/** `text` with Markdown's markup characters escaped, so a report's `*` or `|` stays text. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/**
 * The Markdown of `doc`; `absolute(path)` turns a site-relative link into an absolute URL. Ends with a newline;
 * same document, same bytes.
 */
export function emitBriefingMarkdown(doc: BriefingDocument, absolute: (path: string) => string, pageUrl: string): string {
  const lines: string[] = [`# ${escapeMarkdown(doc.title)}`, "", `${escapeMarkdown(doc.period)} · 网页版：<${pageUrl}>`, ""];
  for (const section of doc.sections) {
    lines.push(`## ${escapeMarkdown(section.heading)}`, "");
    for (const block of section.blocks) lines.push(...emitBlock(block, absolute), "");
  }
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

function emitInline(content: readonly Inline[], absolute: (path: string) => string): string {
  return content.map((part) => (typeof part === "string" ? escapeMarkdown(part) : `[${escapeMarkdown(part.text)}](${absolute(part.href)})`)).join("");
}

function emitBlock(block: BriefingBlock, absolute: (path: string) => string): string[] {
  switch (block.kind) {
    case "paragraph":
      return [emitInline(block.content, absolute)];
    case "heading":
      return [`### ${escapeMarkdown(block.text)}`];
    case "list":
      return block.items.map((item) => `- ${emitInline(item, absolute)}`);
    case "table": {
      const header = `| ${block.columns.map((c) => escapeMarkdown(c.label)).join(" | ")} |`;
      const rule = `| ${block.columns.map((c) => (c.numeric ? "---:" : "---")).join(" | ")} |`;
      const rows = block.rows.map((row) => `| ${row.map((cell) => emitInline([cell], absolute)).join(" | ")} |`);
      return [`**${escapeMarkdown(block.caption)}**`, "", header, rule, ...rows];
    }
  }
}
