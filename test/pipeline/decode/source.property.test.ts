import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeHtmlText } from "../../../src/pipeline/decode/html.ts";
import { decodeMarkdownText } from "../../../src/pipeline/decode/markdown.ts";
import { decodeSource } from "../../../src/pipeline/decode/source.ts";
import type { OffsetMap } from "../../../src/pipeline/records.ts";

/** The map contract: length text.length + 1, non-decreasing, within [0, source.length], ends at the end. */
function checkMap(text: string, map: OffsetMap, sourceLength: number): void {
  expect(map.length).toBe(text.length + 1);
  for (let i = 0; i < map.length; i++) {
    expect(map[i]!).toBeGreaterThanOrEqual(i === 0 ? 0 : map[i - 1]!);
    expect(map[i]!).toBeLessThanOrEqual(sourceLength);
  }
  expect(map[text.length]).toBe(sourceLength);
}

const htmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom("<p>", "</p>", "<div class='nav'>", "</div>", "<br>", "<h1>", "</h1>", "<script>", "</script>", "<!--", "-->"),
      fc.constantFrom("&amp;", "&gt;", "&#123;", "&#x4E2D;", "&nbsp;", "&bogus;", "&", "<", ">", " ", "\n", "　"),
      fc.string({ maxLength: 6 }),
      fc.constantFrom("北京", "海淀区", "𠀀"),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

describe("decodeSource(file) properties", () => {
  it("gives back any string from its UTF-8 bytes (.txt) and never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        const result = decodeSource({ path: "p.txt", bytes: new TextEncoder().encode(s) });
        if (result.value) {
          // Only a text that is plainly an HTML document is read as html; otherwise text = source = s.
          expect(result.value.source).toBe(s.replace(/^\uFEFF/, ""));
          if (result.value.format === "text") expect(result.value.text).toBe(result.value.source);
        } else {
          expect(result.issues.every((i) => i.severity === "error")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("decodes arbitrary bytes without throwing", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.constantFrom("a.txt", "a.html", "a.md"), (bytes, path) => {
        const result = decodeSource({ path, bytes });
        if (result.value) checkMap(result.value.text, result.value.toSource, result.value.source.length);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps HTML maps non-decreasing and within bounds", () => {
    fc.assert(
      fc.property(htmlish, (source) => {
        const html = decodeHtmlText(source);
        checkMap(html.text, html.map, source.length);
        for (const [s, e] of html.headings) expect(0 <= s && s < e && e <= html.text.length).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps Markdown maps non-decreasing and within bounds", () => {
    const markdownish = fc
      .array(fc.oneof(htmlish, fc.constantFrom("# ", "\n", "\n\n", "- ", "> ", "**", "`", "[a](b)", "![i](j)", "---\n", "| a | b |\n", "\\*", "    ")), {
        maxLength: 20,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(markdownish, (source) => {
        const md = decodeMarkdownText(source);
        checkMap(md.text, md.map, source.length);
      }),
      { numRuns: 300 },
    );
  });
});
