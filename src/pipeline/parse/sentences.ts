/**
 * Paragraphs and sentences of a clean text. The clean stage leaves one paragraph per line; sentences
 * come from the platform's sentence segmenter (ICU rules: a sentence ends at 。！？ and their ASCII
 * forms, with closing quotes kept).
 */
import type { Sentence } from "../records.ts";

// Leading/trailing space to trim from a sentence: ASCII space, tabs, 　 (U+3000), NBSP.
const SPACE = /[\s\u3000\u00a0]/;

let segmenter: Intl.Segmenter | undefined;
/** The sentence segmenter, built once: it holds no state between calls. */
function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "sentence" });
  return segmenter;
}

/**
 * [start, end) of each non-empty line of `text` ("\n"-separated), trimmed of spaces. Returns []
 * for an empty or blank text.
 */
export function findParagraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    const span = trimSpan(text, start, end);
    if (span[1] > span[0]) out.push(span);
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}

/**
 * Sentences of each paragraph, as [start, end) spans of `text`, trimmed, none empty, in order.
 * `paragraphs` are spans of `text` (see `findParagraphs`); a sentence never crosses a paragraph.
 */
export function findSentences(text: string, paragraphs: ReadonlyArray<[number, number]>): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach(([start, end], paragraph) => {
    for (const seg of getSegmenter().segment(text.slice(start, end))) {
      const span = trimSpan(text, start + seg.index, start + seg.index + seg.segment.length);
      if (span[1] > span[0]) out.push({ span, paragraph });
    }
  });
  return out;
}

/** [start, end) narrowed to exclude leading and trailing spaces. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return [s, e];
}
