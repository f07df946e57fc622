/**
 * Whitespace: one paragraph per line, lines trimmed, inner spacing collapsed to one ASCII space.
 */
import { MappedTextBuilder } from "./offsets.ts";
import type { StepOutput } from "./offsets.ts";

// Zero-width characters carry no text: U+200B–U+200D, U+2060 word joiner, U+FEFF BOM/ZWNBSP, U+00AD soft hyphen.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/u;
// Spacing: ASCII space and tab, U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000 (full-width
// indentation `　　原标题`), vertical tab and form feed.
const SPACE = /[ \t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;
// Line ends: \n, \r\n, lone \r, U+0085, U+2028, U+2029.
const LINE_END = /[\n\r\u0085\u2028\u2029]/u;

/**
 * Normalise whitespace: CRLF/CR and Unicode line separators end lines; every line is trimmed; each run
 * of spaces (tabs, U+00A0, U+3000 …) inside a line becomes one ASCII space, so `全面严防死守　以最快速度`
 * keeps one space between the phrases; empty lines are dropped; zero-width characters are removed.
 * Returns lines joined by "\n" without a trailing newline, and the map to `text`. Punctuation width is
 * untouched. Never throws; the empty string gives the empty string.
 */
export function cleanWhitespace(text: string): StepOutput {
  const out = new MappedTextBuilder();
  let lineHasText = false;
  let pendingSpace = -1; // input index of the first space of a run seen inside the current line
  let pendingBreak = -1; // input index of the line end before the current line, when a line was written
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (ZERO_WIDTH.test(c)) continue;
    if (LINE_END.test(c)) {
      if (lineHasText && pendingBreak < 0) pendingBreak = i;
      lineHasText = false;
      pendingSpace = -1;
      continue;
    }
    if (SPACE.test(c)) {
      if (lineHasText && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (!lineHasText && pendingBreak >= 0) {
      out.insert("\n", pendingBreak);
      pendingBreak = -1;
    } else if (lineHasText && pendingSpace >= 0) {
      out.insert(" ", pendingSpace);
    }
    pendingSpace = -1;
    lineHasText = true;
    out.keep(text, i, i + 1);
  }
  // The end of the clean text stands for the end of the input.
  return out.build(text.length);
}
