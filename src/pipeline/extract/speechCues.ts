/**
 * Speech cues: the words that tell who speaks and in what capacity, from data/reference/speech-cues.csv (`kind,word,
 * reason`). Role words (书记, 区长) end a role before a name; speech verbs (强调, 指出) open a leader's speech;
 * modal words (要, 必须) mark a sentence that asks for action; narrative verbs (来到, 察看) report what someone did.
 */
import type { StageResult } from "../records.ts";
import { quoteFound } from "../issues.ts";
import type { ExtractContext } from "./context.ts";
import { csvRowIssue, parseCsvRecords } from "../parse/csvRows.ts";

/** Kinds of cue, in the order of the CSV's documentation (data/reference/README.md). */
const SPEECH_CUE_KINDS = [
  "role",
  "role-prefix",
  "list-role-marker",
  "name-end",
  "not-name",
  "role-lead-in",
  "speech-verb",
  "directive-verb",
  "collective-speaker",
  "pronoun",
  "not-pronoun",
  "narrative-verb",
  "modal",
  "not-modal",
  "imperative",
  "issuer-suffix",
  "issuer-verb",
  "notice-word",
] as const;

export type SpeechCueKind = (typeof SPEECH_CUE_KINDS)[number];

/** The cue words by kind, each list longest first (so that 领导小组办公室 is tried before 办公室). */
export type SpeechCues = Readonly<Record<SpeechCueKind, readonly string[]>>;

/** What the people and directive extractors read: the common context plus the speech cues. */
export interface SpeechContext extends ExtractContext {
  cues: SpeechCues;
}

/**
 * Parse speech-cues.csv. Never throws. A row with an unknown kind, an empty or padded word, a word listed twice
 * for its kind, or no reason is left out with an issue `schema-invalid` at `path:line`; a bad header gives null.
 */
export function parseSpeechCues(csvText: string, path: string): StageResult<SpeechCues> {
  const { records, issues } = parseCsvRecords(csvText, path, { required: ["kind", "word", "reason"] }, "speech cues");
  if (records === null) return { value: null, issues };
  const lists = Object.fromEntries(SPEECH_CUE_KINDS.map((k) => [k, [] as string[]])) as Record<SpeechCueKind, string[]>;
  for (const { line, fields } of records) {
    const kind = fields["kind"]!;
    const word = fields["word"]!;
    const bad = (message: string): void => void issues.push(csvRowIssue(path, line, message));
    if (!(SPEECH_CUE_KINDS as readonly string[]).includes(kind)) {
      bad(`speech cue kind is unknown: expected one of ${SPEECH_CUE_KINDS.join(", ")}, found ${quoteFound(kind)}`);
      continue;
    }
    if (word === "" || word !== word.trim()) {
      bad(`speech cue word is empty or padded: expected a word without surrounding spaces, found ${quoteFound(word)}`);
      continue;
    }
    const list = lists[kind as SpeechCueKind];
    if (list.includes(word)) {
      bad(`speech cue is listed twice: expected each ${kind} word once, found ${quoteFound(word)} again`);
      continue;
    }
    if (fields["reason"]!.trim() === "") {
      bad(`speech cue has no reason: expected why the row exists, found ""`);
      continue;
    }
    list.push(word);
  }
  for (const kind of SPEECH_CUE_KINDS) lists[kind].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return { value: lists, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/** The longest word of `words` (longest first) that starts at `at` in `text`, or undefined. */
export function findWordAt(text: string, at: number, words: readonly string[]): string | undefined {
  return words.find((w) => text.startsWith(w, at));
}
