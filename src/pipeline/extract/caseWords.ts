/**
 * The words case-count extraction reads: data/reference/case-words.csv (`word,role,value,reason`), parsed into
 * lists by role. An editor adds a word there (a new way bulletins name a kind of case, a subject, a scope), never in
 * code.
 */
import type { StageResult } from "../records.ts";
import { quoteFound } from "../issues.ts";
import { csvRowIssue, isOneOf, parseCsvRecords } from "../parse/csvRows.ts";

/** Kinds of count a `kind` word announces; `other` words (疑似病例, 治愈出院, 人员) make a count no case count. */
export type CaseKind = "confirmed" | "asymptomatic" | "infections" | "cases" | "other";

const KINDS: readonly CaseKind[] = ["confirmed", "asymptomatic", "infections", "cases", "other"];
const SCOPES = ["local", "imported"] as const;
const PER_CASE_KINDS = ["confirmed", "asymptomatic", "infections"] as const;

/** Roles of a row, documented in data/reference/README.md. Roles without a value list plain words. */
const ROLES = [
  "kind", "city", "city-follower", "national", "own-district", "scope", "zero", "at", "spread", "per-case",
  "same-day", "new", "cumulative", "current", "streak", "transition", "approx", "each",
] as const;
type CaseWordRole = (typeof ROLES)[number];
type PlainRole = Exclude<CaseWordRole, "kind" | "scope" | "per-case">;

/** case-words.csv parsed. Every list is sorted longest word first (so 无症状感染者 is tried before 感染者). */
export interface CaseWords {
  /** kind words with the kind they announce: 确诊病例 → confirmed, 疑似病例 → other */
  kinds: ReadonlyArray<{ word: string; kind: CaseKind }>;
  /** scope words: 境外输入 → imported, 本土 → local */
  scopes: ReadonlyArray<{ word: string; scope: "local" | "imported" }>;
  /** the words that open a per-case entry (`确诊病例2、3：`) and the field they count */
  perCase: ReadonlyArray<{ word: string; field: "confirmed" | "asymptomatic" | "infections" }>;
  /** plain word lists by role: city (北京市), city-follower (新增 after 北京), zero (无新增), … */
  words: Readonly<Record<PlainRole, readonly string[]>>;
}

const byLength = (a: { word: string }, b: { word: string }): number => b.word.length - a.word.length || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);

/**
 * Parse case-words.csv. Never throws. A row with an unknown role, an empty or padded word, a value its role does
 * not take (kind: confirmed|asymptomatic|infections|cases|other; scope: local|imported; per-case:
 * confirmed|asymptomatic|infections; other roles: empty), a word listed twice for its role, or no reason is left
 * out with an issue `schema-invalid` at `path:line`; a bad header gives a null value.
 */
export function parseCaseWords(csvText: string, path: string): StageResult<CaseWords> {
  const { records, issues } = parseCsvRecords(csvText, path, { required: ["word", "role", "value", "reason"] }, "case words");
  if (records === null) return { value: null, issues };
  const kinds: Array<{ word: string; kind: CaseKind }> = [];
  const scopes: Array<{ word: string; scope: "local" | "imported" }> = [];
  const perCase: Array<{ word: string; field: "confirmed" | "asymptomatic" | "infections" }> = [];
  const plain = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const { line, fields } of records) {
    const word = fields["word"]!;
    const role = fields["role"]!;
    const value = fields["value"]!;
    const bad = (message: string): void => void issues.push(csvRowIssue(path, line, message));
    if (!isOneOf(ROLES, role)) {
      bad(`case word role is unknown: expected one of ${ROLES.join(", ")}, found ${quoteFound(role)}`);
      continue;
    }
    if (word === "" || word !== word.trim()) {
      bad(`case word is empty or padded: expected a word without surrounding spaces, found ${quoteFound(word)}`);
      continue;
    }
    if (seen.has(`${role}\u0000${word}`)) {
      bad(`case word is listed twice: expected each ${role} word once, found ${quoteFound(word)} again`);
      continue;
    }
    if (fields["reason"]!.trim() === "") {
      bad(`case word has no reason: expected why the row exists, found ""`);
      continue;
    }
    if (role === "kind") {
      if (!isOneOf(KINDS, value)) {
        bad(`case word value is not a kind: expected one of ${KINDS.join(", ")}, found ${quoteFound(value)}`);
        continue;
      }
      kinds.push({ word, kind: value });
    } else if (role === "scope") {
      if (!isOneOf(SCOPES, value)) {
        bad(`case word value is not a scope: expected local or imported, found ${quoteFound(value)}`);
        continue;
      }
      scopes.push({ word, scope: value });
    } else if (role === "per-case") {
      if (!isOneOf(PER_CASE_KINDS, value)) {
        bad(`case word value is not a counted field: expected ${PER_CASE_KINDS.join(", ")}, found ${quoteFound(value)}`);
        continue;
      }
      perCase.push({ word, field: value });
    } else {
      if (value !== "") {
        bad(`case word value is not empty: expected no value for role ${role}, found ${quoteFound(value)}`);
        continue;
      }
      plain.set(role, [...(plain.get(role) ?? []), word]);
    }
    seen.add(`${role}\u0000${word}`);
  }
  const words = Object.fromEntries(
    ROLES.filter((r): r is PlainRole => r !== "kind" && r !== "scope" && r !== "per-case").map((r) => [
      r,
      (plain.get(r) ?? []).map((word) => ({ word })).sort(byLength).map((w) => w.word),
    ]),
  ) as Record<PlainRole, string[]>;
  return {
    value: { kinds: kinds.sort(byLength), scopes: scopes.sort(byLength), perCase: perCase.sort(byLength), words },
    issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}
