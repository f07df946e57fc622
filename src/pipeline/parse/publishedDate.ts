/**
 * Published date: the day a report was published, from the page's time metadata (`时间:`,
 * `发布时间:`, a bare timestamp line) or the date line that closes it (`2022年2月7日` under a notice,
 * a trailing `2022-04-30`).
 */
import type { MetadataField } from "../records.ts";
import { parseDateLine, parseDateText, type DateMatch } from "./date.ts";
import { spanInField } from "./fieldSpan.ts";

/** A date read from the report, with where it was written. */
export interface LocatedDate extends DateMatch {
  /** where the `span` offsets point: into the decoded source (metadata) or the clean text (lines) */
  in: "source" | "clean";
  /** how the report gave it */
  from: "time" | "edited" | "closing-line";
}

// Closing date lines are among the last few lines (a notice's signature, then maybe a byline).
const CLOSING_LINES = 5;

/**
 * Dates from the metadata fields of `key` (`time`, `edited`), in order, with spans in the decoded
 * source. Values that name a date that is not a calendar day come with `iso: null`. Returns []
 * when no field of that key has a full date.
 */
export function findMetadataDates(metadata: readonly MetadataField[], key: "time" | "edited"): LocatedDate[] {
  const out: LocatedDate[] = [];
  for (const field of metadata) {
    if (field.key !== key) continue;
    const match = parseDateText(field.value);
    if (!match) continue;
    out.push({ ...match, span: spanInField(field, match.span[0], match.span[1]), in: "source", from: key });
  }
  return out;
}

/**
 * The date line closing the body: the last line among the final five that is nothing but a date
 * (`2022年6月8日`, `2022-04-30`). `paragraphs` are [start, end) spans of `text`; `firstBody` is the
 * index of the first body paragraph (a headline is never a closing line). Returns null when there
 * is none; a line like `2022年2月30日` comes back with `iso: null`.
 */
export function findClosingDate(
  text: string,
  paragraphs: ReadonlyArray<[number, number]>,
  firstBody: number,
): LocatedDate | null {
  const from = Math.max(firstBody, paragraphs.length - CLOSING_LINES);
  for (let i = paragraphs.length - 1; i >= from; i--) {
    const [start, end] = paragraphs[i]!;
    const match = parseDateLine(text.slice(start, end));
    if (match) return { ...match, span: [start + match.span[0], start + match.span[1]], in: "clean", from: "closing-line" };
  }
  return null;
}
