/**
 * Page chrome: drop the lines a page puts around an article and lift the metadata in them, following
 * the rules of data/reference/page-chrome.csv (see chromeRules.ts). Runs after Traditional → Simplified
 * conversion, so rules are written in Simplified only.
 */
import type { MetadataKey } from "../records.ts";
import type { ChromeRule, ChromeRules } from "./chromeRules.ts";
import { findGroupKey } from "./chromeRules.ts";
import { MappedTextBuilder } from "./offsets.ts";
import type { StepOutput } from "./offsets.ts";

/** A metadata value found by `removeChrome`, with its [start, end) span in the step's input text. */
export interface ChromeField {
  key: MetadataKey;
  value: string;
  span: [number, number];
}

/** Output of `removeChrome`. */
export interface ChromeOutput extends StepOutput {
  /** in the order the values appear in the input */
  metadata: ChromeField[];
}

// One line of the input: [start, end) without its "\n".
interface Line {
  start: number;
  end: number;
}

// Separators between names in `记者 祁梦竹 范俊生` or `鲍聪颖、高星` style lists of reporters.
const NAME_SEPARATOR = /[ 、，,]+/gu;

// The first rule of `rules` (not `drop-tail`) whose pattern matches `text`, and its match.
function findRule(rules: ChromeRule[], text: string): { rule: ChromeRule; match: RegExpExecArray } | undefined {
  for (const rule of rules) {
    if (rule.action === "drop-tail") continue;
    rule.pattern.lastIndex = 0;
    const match = rule.pattern.exec(text);
    if (match !== null) return { rule, match };
  }
  return undefined;
}

// Metadata values of a lift match, and the kept [start, end) pieces, in input offsets.
function liftMatch(match: RegExpExecArray, offset: number): { fields: ChromeField[]; keeps: Array<[number, number]> } {
  const fields: ChromeField[] = [];
  const keeps: Array<[number, number]> = [];
  const groups = match.indices?.groups ?? {};
  for (const [name, range] of Object.entries(groups)) {
    if (range === undefined) continue;
    const key = findGroupKey(name);
    const [from, to] = range;
    const value = match.input.slice(from, to);
    if (key === null || value.trim() === "") continue;
    if (key === "keep") {
      keeps.push([offset + from, offset + to]);
    } else if (key === "reporter") {
      // `祁梦竹 范俊生`: one field per name, each with its own span.
      let last = 0;
      for (const sep of [...value.matchAll(NAME_SEPARATOR), null]) {
        const end = sep === null ? value.length : sep.index;
        const name = value.slice(last, end);
        if (name !== "") fields.push({ key, value: name, span: [offset + from + last, offset + from + end] });
        if (sep !== null) last = sep.index + sep[0].length;
      }
    } else {
      const lead = value.length - value.trimStart().length;
      const trimmed = value.trim();
      fields.push({ key, value: trimmed, span: [offset + from + lead, offset + from + lead + trimmed.length] });
    }
  }
  fields.sort((a, b) => a.span[0] - b.span[0]);
  keeps.sort((a, b) => a[0] - b[0]);
  return { fields, keeps };
}

/**
 * Remove page chrome from `text` (one paragraph per line, as `cleanWhitespace` gives it). Each line is
 * matched against the rules in order; the first match decides: `drop-line` drops it, `drop-rest` drops
 * it and every line after it, `lift` lifts its metadata groups and keeps only its `keep` groups (each
 * as its own line). Afterwards, trailing lines that match a `drop-tail` rule are dropped. Lines no rule
 * matches are kept unchanged. Metadata spans are in `text`. Never throws.
 */
export function removeChrome(text: string, chrome: ChromeRules): ChromeOutput {
  const lines: Line[] = [];
  if (text.length > 0) {
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text[i] === "\n") {
        lines.push({ start, end: i });
        start = i + 1;
      }
    }
  }
  const metadata: ChromeField[] = [];
  // Pieces of the output, each a [start, end) span of `text` that becomes one output line.
  const pieces: Array<[number, number]> = [];
  for (const { start, end } of lines) {
    const found = findRule(chrome.rules, text.slice(start, end));
    if (found === undefined) {
      pieces.push([start, end]);
      continue;
    }
    if (found.rule.action === "drop-rest") break;
    if (found.rule.action === "lift") {
      const { fields, keeps } = liftMatch(found.match, start);
      metadata.push(...fields);
      for (const [from, to] of keeps) {
        // Trim the kept piece: `北京:全力抓好… ` before the appended time.
        let s = from;
        let e = to;
        while (s < e && text[s] === " ") s++;
        while (e > s && text[e - 1] === " ") e--;
        if (e > s) pieces.push([s, e]);
      }
    }
  }
  // Trailing chrome: `- ` link lists, lone counts, kept only while nothing but such lines follows.
  const tailRules = chrome.rules.filter((rule) => rule.action === "drop-tail");
  while (pieces.length > 0) {
    const [s, e] = pieces[pieces.length - 1]!;
    const piece = text.slice(s, e);
    if (!tailRules.some((rule) => rule.pattern.test(piece))) break;
    pieces.pop();
  }
  const out = new MappedTextBuilder();
  pieces.forEach(([s, e], i) => {
    // The "\n" stands for the input's line end after the previous piece (or for the piece start).
    if (i > 0) out.insert("\n", text[s - 1] === "\n" ? s - 1 : s);
    out.keep(text, s, e);
  });
  const last = pieces[pieces.length - 1];
  return { ...out.build(last === undefined ? 0 : last[1]), metadata };
}
