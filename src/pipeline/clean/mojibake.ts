/**
 * Mojibake (乱码): text that arrived garbled upstream because a GBK byte stream was read one byte out
 * of step. The lost byte shows as `?`; every character after it pairs the trail byte of one character
 * with the lead byte of the next, until an ASCII byte or another `?` brings the reading back in step:
 * `眼下?蕴幵谝咔榉揽氐膽?zhàn)時` is `眼下仍處在疫情防控的戰(zhàn)時` with 仍 and 戰 half lost.
 */
import { getGbTable, lookUpPair } from "../decode/charTables.ts";
import type { GarbledSpan } from "../records.ts";
import { commonShare, isCommonChar, isNeutral } from "./commonChars.ts";
import { MappedTextBuilder } from "./offsets.ts";
import type { StepOutput } from "./offsets.ts";
import { findLeadingAnnotation, isReadingOf } from "./pinyin.ts";

/** Output of `repairMojibake`: spans are [start, end) in the output text. */
export interface MojibakeOutput extends StepOutput {
  garbled: GarbledSpan[];
}

/** A repair is sure only when the re-read text is at least this common … */
const REPAIRED_SHARE = 0.9;
/** … and this much more common than the garbled run. */
const SHARE_GAIN = 0.3;
/** A run that is not repaired is flagged when fewer of its characters than this are common. */
const GARBLED_SHARE = 0.5;

interface ReRead {
  /** characters of the input after the `?` that the re-reading consumed */
  length: number;
  /** the re-read characters */
  text: string;
}

// GBK bytes of one character (a code unit of the text): ASCII as itself, € as the single byte 0x80
// (cp936), any other character its two-byte code; null when GBK has no code for it.
function gbkBytes(char: string): Uint8Array | null {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code < 0x80) return Uint8Array.of(code);
  if (char === "€") return Uint8Array.of(0x80);
  const pair = getGbTable().codeOf.get(char);
  return pair === undefined ? null : Uint8Array.of(pair >> 8, pair & 0xff);
}

// Two GBK bytes → one character, or null when they are not a valid GBK character that encodes back
// to the same two bytes (A2E3 is € only in GB18030: GBK writes € as 0x80).
function decodePair(lead: number, trail: number): string | null {
  if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) return null;
  const char = lookUpPair(getGbTable(), lead, trail);
  if (char.length !== 1) return null;
  const back = gbkBytes(char);
  return back !== null && back.length === 2 && back[0] === lead && back[1] === trail ? char : null;
}

/**
 * Re-read the characters after a `?` at `from` one byte back in step: drop the first byte (the trail
 * byte of the character whose lead byte was lost) and pair the rest. A first character that is ASCII
 * punctuation stands for its full-width form, whose lead byte 0xA3 was lost: `?,F` is `。現`
 * (0xA1|0xA3 0xAC|0x46). Stops in step after an ASCII byte, or before the next `?` with one byte of a
 * lost character left over. Null when any pair is not a valid GBK character.
 */
function reRead(line: string, from: number): ReRead | null {
  const first = line[from];
  if (first === undefined) return null;
  const code = first.charCodeAt(0);
  let pending: number;
  if (code >= 0x21 && code <= 0x7e) {
    if (/[A-Za-z0-9?]/u.test(first)) return null;
    pending = code + 0x80;
  } else {
    const bytes = gbkBytes(first);
    if (bytes === null || bytes.length !== 2) return null;
    pending = bytes[1]!;
  }
  let text = "";
  let i = from + 1;
  for (; i < line.length; i++) {
    const char = line[i]!;
    // A lost byte ahead: the pending byte was the lead of a character that is lost too.
    if (char === "?") return text.length > 0 ? { length: i - from, text } : null;
    const bytes = gbkBytes(char);
    if (bytes === null) return null;
    const decoded = decodePair(pending, bytes[0]!);
    if (decoded === null) return null;
    text += decoded;
    if (bytes.length === 1) return { length: i + 1 - from, text };
    pending = bytes[1]!;
  }
  // The line ended with a byte left over: a character is lost without a `?` to show it, not sure.
  return null;
}

// Extent of a suspicious run after a `?`: up to the next `?` or space, or before four common characters in a row.
function suspiciousExtent(line: string, from: number): number {
  let end = from;
  let commonRun = 0;
  for (const char of line.slice(from)) {
    if (char === "?" || /\s/u.test(char)) break;
    commonRun = isCommonChar(char) ? commonRun + 1 : isNeutral(char) ? commonRun : 0;
    end += char.length;
    if (commonRun >= 4) {
      end -= 4;
      break;
    }
  }
  return end;
}

// Non-ASCII characters in `text`.
function countCounted(text: string): number {
  let n = 0;
  for (const char of text) if (!isNeutral(char)) n++;
  return n;
}

/**
 * Find runs garbled by a one-byte shift after each `?` and re-read them. A re-reading is accepted only
 * when every pair decodes and round-trips, the result is ≥ 90% common characters and ≥ 0.3 above the
 * run as found, and the run has at least two non-ASCII characters or the re-read character is
 * confirmed by the pinyin annotation after it (`?,F(xiàn)` → 現, read xiàn). The `?` itself (a lost
 * character) is kept. A run that is not surely repairable is kept exactly as found and reported with
 * `repairedAs: null` when fewer than half its characters are common. Dropped characters with nothing
 * garbled around them (`马新明、杨、席成坡`) are never touched. Never throws.
 */
export function repairMojibake(text: string): MojibakeOutput {
  const out = new MappedTextBuilder();
  const garbled: GarbledSpan[] = [];
  let last = 0;
  for (let q = text.indexOf("?"); q >= 0 && q < text.length; q = text.indexOf("?", q + 1)) {
    if (q < last) continue;
    const from = q + 1;
    const lineEnd = text.indexOf("\n", from) < 0 ? text.length : text.indexOf("\n", from);
    const line = text.slice(0, lineEnd);
    const reading = reRead(line, from);
    if (reading !== null) {
      const found = text.slice(from, from + reading.length);
      const foundShare = commonShare(found, 0);
      const repairedShare = commonShare(reading.text, 0);
      const after = text.slice(from + reading.length);
      const annotation = findLeadingAnnotation(after);
      const confirmed = annotation !== undefined && isReadingOf(reading.text.slice(-1), annotation);
      if (
        repairedShare >= REPAIRED_SHARE &&
        repairedShare - foundShare >= SHARE_GAIN &&
        (countCounted(found) >= 2 || confirmed)
      ) {
        out.keep(text, last, from);
        const start = out.length - 1;
        out.replace(reading.text, from, from + reading.length);
        garbled.push({ span: [start, out.length], found: "?" + found, repairedAs: "?" + reading.text });
        last = from + reading.length;
        q = last - 1;
        continue;
      }
    }
    const end = suspiciousExtent(line, from);
    const found = text.slice(from, end);
    if (countCounted(found) >= 2 && commonShare(found) < GARBLED_SHARE) {
      out.keep(text, last, end);
      garbled.push({ span: [out.length - found.length - 1, out.length], found: "?" + found, repairedAs: null });
      last = end;
      q = end - 1;
    }
  }
  out.keep(text, last, text.length);
  return { ...out.build(text.length), garbled };
}
