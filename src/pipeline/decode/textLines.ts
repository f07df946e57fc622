/**
 * Readable text assembled from markup, one block per line, with every character mapped to the
 * source character it came from. Shared by the HTML and Markdown converters.
 */
import type { OffsetMap } from "../records.ts";
import { MappedTextBuilder } from "../clean/offsets.ts";

/** Runs of these collapse to one space inside a line (as in rendered HTML). */
function isCollapsible(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b;
}

/** Trimmed at both ends of a line: ASCII whitespace and the rest of Unicode's (U+3000, U+00A0…). */
const EDGE_SPACE = /\s/;

/**
 * Accumulates lines. Characters are appended with their source offsets; `breakLine` ends the
 * current block. Lines are trimmed, inner whitespace runs become one space, empty lines vanish.
 */
export class TextLines {
  private readonly out = new MappedTextBuilder();
  private readonly line: string[] = [];
  private readonly lineOffsets: number[] = [];
  private spaceAt = -1;
  private readonly sourceLength: number;

  /** `sourceLength`: the length of the source the offsets point into (the end of the map). */
  constructor(sourceLength: number) {
    this.sourceLength = sourceLength;
  }

  /**
   * Append `text`. When `identity` is true, `text[i]` came from `source[start + i]`; otherwise the
   * whole of `text` stands for the source at `start` (a decoded entity `&gt;` → ">").
   */
  append(text: string, start: number, identity: boolean): void {
    for (let i = 0; i < text.length; i++) {
      const at = identity ? start + i : start;
      const code = text.charCodeAt(i);
      if (isCollapsible(code)) {
        if (this.line.length > 0 && this.spaceAt < 0) this.spaceAt = at;
        continue;
      }
      if (this.line.length === 0 && EDGE_SPACE.test(text[i]!)) continue;
      if (this.spaceAt >= 0) {
        this.line.push(" ");
        this.lineOffsets.push(this.spaceAt);
        this.spaceAt = -1;
      }
      this.line.push(text[i]!);
      this.lineOffsets.push(at);
    }
  }

  /** A word break that is not a line break (between table cells): one space if text follows. */
  space(at: number): void {
    if (this.line.length > 0 && this.spaceAt < 0) this.spaceAt = at;
  }

  /** End the current line (a block ended or began). Does nothing on an empty line. */
  breakLine(): void {
    this.spaceAt = -1;
    // Trim trailing Unicode spaces (U+3000 after a paragraph) that `append` could not know were last.
    let end = this.line.length;
    while (end > 0 && EDGE_SPACE.test(this.line[end - 1]!)) end--;
    if (end > 0) {
      if (this.out.length > 0) this.out.insert("\n", this.lineOffsets[0]!);
      for (let i = 0; i < end; i++) this.out.insert(this.line[i]!, this.lineOffsets[i]!);
    }
    this.line.length = 0;
    this.lineOffsets.length = 0;
  }

  /** Length of the committed text (after `breakLine`). */
  get length(): number {
    return this.out.length;
  }

  /**
   * The [start, end) span of the text committed since the committed length was `before` (take it
   * right after a `breakLine`), without the newline that separates it; undefined when nothing was.
   */
  spanSince(before: number): [number, number] | undefined {
    const after = this.out.length;
    if (after <= before) return undefined;
    return [before === 0 ? 0 : before + 1, after];
  }

  /** End the last line and return the text with its map to the source. */
  finish(): { text: string; map: OffsetMap } {
    this.breakLine();
    return this.out.build(this.sourceLength);
  }
}
