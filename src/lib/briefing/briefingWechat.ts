/**
 * A briefing as an HTML fragment for the WeChat official-account editor (`wechat.html`): what the editor keeps when
 * a fragment is pasted is inline `style` attributes, so there is no `<style>`, no `class`, no `<script>`, and the
 * charts are PNG images at absolute URLs (the editor fetches and re-hosts them). Text is always escaped.
 */
import type { BriefingBlock, BriefingDocument, Inline } from "./briefingDocument.ts";
import { escapeHtml } from "../escapeHtml.ts";

/** A chart as an image of the fragment. */
export interface WechatImage {
  /** the section it follows the first paragraph of (`cases`) */
  section: string;
  title: string;
  /** the chart's text alternative (its main finding) */
  alt: string;
  /** absolute URL of the PNG */
  src: string;
}

const STYLE = {
  root: "font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei',sans-serif;font-size:16px;line-height:1.75;color:#222;",
  h1: "font-size:20px;font-weight:bold;line-height:1.4;margin:0 0 8px;",
  period: "font-size:14px;color:#666;margin:0 0 16px;",
  h2: "font-size:17px;font-weight:bold;margin:24px 0 8px;padding-left:8px;border-left:4px solid #b22222;",
  h3: "font-size:16px;font-weight:bold;margin:16px 0 4px;",
  p: "margin:0 0 12px;text-align:justify;",
  ul: "margin:0 0 12px;padding-left:20px;",
  li: "margin:0 0 6px;",
  a: "color:#1a5fb4;text-decoration:none;",
  caption: "font-size:14px;font-weight:bold;text-align:left;margin:0 0 4px;",
  table: "border-collapse:collapse;width:100%;font-size:14px;margin:0 0 12px;",
  th: "border:1px solid #ccc;background:#f3f3f3;padding:4px 6px;text-align:left;",
  td: "border:1px solid #ccc;padding:4px 6px;text-align:left;",
  num: "border:1px solid #ccc;padding:4px 6px;text-align:right;",
  figure: "margin:12px 0;",
  img: "display:block;width:100%;height:auto;",
  figcaption: "font-size:14px;color:#666;margin:4px 0 0;",
} as const;


/**
 * The fragment of `doc`, with `images` after the first paragraph of their section; links made absolute. It is
 * wrapped in a minimal document (lang, charset, title; nothing else in <head>) so the file opens correctly in a
 * browser, where an editor selects and copies the <section>. Ends with a newline.
 */
export function emitBriefingWechat(doc: BriefingDocument, images: readonly WechatImage[], absolute: (path: string) => string): string {
  const out: string[] = [
    `<!doctype html>`,
    `<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}（微信公众号版）</title></head><body>`,
    `<section style="${STYLE.root}">`, `<h1 style="${STYLE.h1}">${escapeHtml(doc.title)}</h1>`, `<p style="${STYLE.period}">${escapeHtml(doc.period)}</p>`];
  for (const section of doc.sections) {
    out.push(`<h2 style="${STYLE.h2}">${escapeHtml(section.heading)}</h2>`);
    section.blocks.forEach((block, i) => {
      out.push(emitBlock(block, absolute));
      if (i === 0) {
        for (const image of images.filter((im) => im.section === section.id)) {
          out.push(
            `<figure style="${STYLE.figure}"><p style="${STYLE.h3}">${escapeHtml(image.title)}</p><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" style="${STYLE.img}"><figcaption style="${STYLE.figcaption}">${escapeHtml(image.alt)}</figcaption></figure>`,
          );
        }
      }
    });
  }
  out.push("</section>", "</body></html>");
  return `${out.join("\n")}\n`;
}

function emitInline(content: readonly Inline[], absolute: (path: string) => string): string {
  return content.map((part) => (typeof part === "string" ? escapeHtml(part) : `<a href="${escapeHtml(absolute(part.href))}" style="${STYLE.a}">${escapeHtml(part.text)}</a>`)).join("");
}

function emitBlock(block: BriefingBlock, absolute: (path: string) => string): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="${STYLE.p}">${emitInline(block.content, absolute)}</p>`;
    case "heading":
      return `<h3 style="${STYLE.h3}">${escapeHtml(block.text)}</h3>`;
    case "list":
      return `<ul style="${STYLE.ul}">${block.items.map((item) => `<li style="${STYLE.li}">${emitInline(item, absolute)}</li>`).join("")}</ul>`;
    case "table": {
      const head = block.columns.map((c) => `<th style="${STYLE.th}">${escapeHtml(c.label)}</th>`).join("");
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell, i) => `<td style="${block.columns[i]?.numeric ? STYLE.num : STYLE.td}">${emitInline([cell], absolute)}</td>`).join("")}</tr>`)
        .join("");
      return `<table style="${STYLE.table}"><caption style="${STYLE.caption}">${escapeHtml(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}
