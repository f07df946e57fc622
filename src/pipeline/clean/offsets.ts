/**
 * Offset maps: every cleaner rewrites a text and keeps, for each code unit it outputs, the index
 * of the code unit of the original it came from. Composing the maps of successive cleaners maps any
 * span of the final text back to the original file.
 */
import type { OffsetMap } from "../records.ts";

/** A text with its map to an underlying original (see `OffsetMap`). */
export interface MappedText {
  text: string;
  /** length `text.length + 1`; entry i is the original index of `text[i]`, the last is the original end */
  map: OffsetMap;
}

/** The result of one text → text step: the new text, mapped to the step's input text as its original. */
export type StepOutput = MappedText;

/** The identity map of a text of `length` code units. */
export function identityMap(length: number): OffsetMap {
  const map = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) map[i] = i;
  return map;
}

/**
 * Builds a text piece by piece while recording where each piece came from.
 * Offsets given to `keep` and `insert` are indices into the builder's input text.
 */
export class MappedTextBuilder {
  private readonly chunks: string[] = [];
  private readonly offsets: number[] = [];

  /** Append `input.slice(start, end)` unchanged: each code unit maps to its own index. */
  keep(input: string, start: number, end: number): void {
    if (end <= start) return;
    this.chunks.push(input.slice(start, end));
    for (let i = start; i < end; i++) this.offsets.push(i);
  }

  /** Append `text` that stands for the input at `at` (a replacement or an inserted separator). */
  insert(text: string, at: number): void {
    if (text.length === 0) return;
    this.chunks.push(text);
    for (let i = 0; i < text.length; i++) this.offsets.push(at);
  }

  /** Append `text` that replaces `input.slice(start, end)`, spreading it over that span. */
  replace(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    this.chunks.push(text);
    const width = Math.max(end - start, 1);
    for (let i = 0; i < text.length; i++) {
      // Same length (e.g. 嚴→严): one to one. Otherwise spread proportionally, never past the span.
      this.offsets.push(start + Math.min(Math.floor((i * width) / text.length), width - 1));
    }
  }

  /** Length of the text built so far. */
  get length(): number {
    return this.offsets.length;
  }

  /** Finish: `inputEnd` is the input index that the end of the built text stands for. */
  build(inputEnd: number): StepOutput {
    const map = new Int32Array(this.offsets.length + 1);
    map.set(this.offsets);
    map[this.offsets.length] = inputEnd;
    // Entries must never decrease, so that spans stay spans.
    for (let i = 1; i < map.length; i++) if (map[i]! < map[i - 1]!) map[i] = map[i - 1]!;
    return { text: this.chunks.join(""), map };
  }
}

/** Map `outer` (text → middle) through `inner` (middle → original): text → original. */
export function composeMaps(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  const out = new Int32Array(outer.length);
  for (let i = 0; i < outer.length; i++) out[i] = inner[outer[i]!]!;
  return out;
}

/**
 * Apply a text → text step to a mapped text: `step` gets the current text and returns the new
 * text with its map to the current text; the result's `map` maps the new text to the original, and
 * `step` is what the step returned (its own map, and whatever else it reports), for spans that
 * are in the step's input or output rather than in the original. One `composeMaps` per step.
 */
export function applyStep<T extends StepOutput>(input: MappedText, step: (text: string) => T): MappedText & { step: T } {
  const out = step(input.text);
  return { text: out.text, map: composeMaps(out.map, input.map), step: out };
}

/**
 * Map a [start, end) span of a step's input forward to its output, given the output → input `map`:
 * the output characters whose input index falls in the span. Empty when the step removed them all.
 */
export function mapSpanForward(map: OffsetMap, start: number, end: number): [number, number] {
  const last = map.length - 1;
  let s = 0;
  while (s < last && map[s]! < start) s++;
  let e = s;
  while (e < last && map[e]! < end) e++;
  return [s, e];
}

/** Map a [start, end) span of a mapped text to a [start, end) span of its original. */
export function toOriginalSpan(map: OffsetMap, start: number, end: number): [number, number] {
  const s = map[start]!;
  if (end <= start) return [s, s];
  // The end is one past the original index of the last code unit in the span.
  return [s, Math.max(s, map[end - 1]! + 1)];
}

/** 1-based line and column (in code points) of `offset` in `source`. Lines end at \n, \r\n or \r. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), source.length);
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const c = source.charCodeAt(i);
    // Count a surrogate pair once.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > lineStart)) column++;
  }
  return { line, column };
}

/**
 * `positionOf` for many offsets of one `source`: the line starts and the low surrogates are found
 * once, then each lookup is a binary search. For provenance of long reports, where calling
 * `positionOf` per span would scan the file again each time (a 200,000-character report with
 * thousands of district mentions). Gives the same result as `positionOf` for every offset.
 */
export function createPositionIndex(source: string): (offset: number) => { line: number; column: number } {
  const lineStarts: number[] = [0];
  const lowSurrogates: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
    else if (c >= 0xdc00 && c <= 0xdfff) lowSurrogates.push(i);
  }
  // Number of entries of `sorted` below `value`.
  const countBelow = (sorted: readonly number[], value: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (offset) => {
    const end = Math.min(Math.max(offset, 0), source.length);
    // Line starts at or before `end` (a line break at end - 1 starts a line at end).
    const line = countBelow(lineStarts, end + 1);
    const lineStart = lineStarts[line - 1]!;
    // A low surrogate at the line start is counted as a column of its own, as positionOf does. At the line start
    // itself (end === lineStart) there is nothing before `end` to count: a lone \udfb7 opening the line is no pair.
    const pairs = Math.max(0, countBelow(lowSurrogates, end) - countBelow(lowSurrogates, lineStart + 1));
    return { line, column: end - lineStart + 1 - pairs };
  };
}

/**
 * Replace every match of `pattern` (must be global) with what `replacement` returns for it,
 * keeping a map to the input. A replacement that is the match unchanged, or its beginning
 * (`嚴(yán)` → `嚴`, `𠮷(jí)` → `𠮷`), keeps its own offsets; any other is spread over the match.
 */
export function rewrite(text: string, pattern: RegExp, replacement: (match: RegExpExecArray) => string): StepOutput {
  if (!pattern.global) throw new Error(`rewrite needs a global pattern, got ${pattern}`);
  const builder = new MappedTextBuilder();
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    builder.keep(text, last, start);
    const out = replacement(m);
    if (m[0].startsWith(out)) builder.keep(text, start, start + out.length);
    else builder.replace(out, start, end);
    last = end;
  }
  builder.keep(text, last, text.length);
  return builder.build(text.length);
}
