/**
 * Page chrome rules (页面杂项: breadcrumbs, copyright notices, related links, widgets, bylines and
 * metadata lines), read from data/reference/page-chrome.csv so that editors can add one without code.
 */
import Papa from "papaparse";
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import type { MetadataKey, StageResult } from "../records.ts";

/** What a rule does with a line its pattern matches. */
export type ChromeAction =
  /** drop the line */
  | "drop-line"
  /** drop the line and every line after it (related links, comment widgets, `上一条:`) */
  | "drop-rest"
  /** drop the line only when every line after it is dropped too (a trailing `- ` link list, lone counts) */
  | "drop-tail"
  /** lift the named groups into metadata; `keep…` groups stay as lines of their own, the rest is dropped */
  | "lift";

/** Kinds of chrome, for the reader of the CSV and for counting. */
export type ChromeKind = "breadcrumb" | "copyright" | "related-links" | "widget" | "byline" | "metadata";

/** One normalised row of page-chrome.csv. */
export interface ChromeRule {
  kind: ChromeKind;
  action: ChromeAction;
  /** metadata keys the rule lifts, in column order (empty for drop actions) */
  keys: MetadataKey[];
  /**
   * Whole-line pattern (`^…$`), compiled with flags `du`. Named groups: a MetadataKey, optionally with a
   * digit suffix to use a key twice (`reporter1`, `reporter2`); `keep`, `keep1`…: text that stays.
   */
  pattern: RegExp;
  /** a line the pattern matches (checked when the rules are parsed) */
  example: string;
  reason: string;
  /** 1-based line of the row in the CSV */
  line: number;
}

/** Rules in CSV order: the first rule whose pattern matches a line decides. */
export interface ChromeRules {
  path: string;
  rules: ChromeRule[];
}

const KINDS: readonly string[] = ["breadcrumb", "copyright", "related-links", "widget", "byline", "metadata"];
const ACTIONS: readonly string[] = ["drop-line", "drop-rest", "drop-tail", "lift"];
const METADATA_KEYS: readonly string[] = ["source", "time", "edited", "editor", "reporter", "author", "dateline"];
const COLUMNS = ["kind", "action", "key", "pattern", "example", "reason"] as const;

/** The metadata key a named group lifts (`reporter2` → `reporter`), "keep" for kept text, or null when neither. */
export function findGroupKey(name: string): MetadataKey | "keep" | null {
  const base = name.replace(/\d+$/u, "");
  if (base === "keep") return "keep";
  return METADATA_KEYS.includes(base) ? (base as MetadataKey) : null;
}

// Named groups of a pattern source: `(?<name>`.
function groupNames(source: string): string[] {
  return Array.from(source.matchAll(/\(\?<([A-Za-z][A-Za-z0-9]*)>/gu), (m) => m[1]!);
}

/**
 * Parse page-chrome.csv (`kind,action,key,pattern,example,reason`, header first) with papaparse.
 * A bad row (unknown kind or action, a pattern that does not compile or is not anchored `^…$`, an
 * example its pattern does not match, groups that do not fit the `key` column) becomes a
 * `chrome-rule-invalid` error at `path:line` and is left out; the other rows are returned.
 * Value is null only when the header is wrong. Never throws.
 */
export function parseChromeRules(csvText: string, path: string): StageResult<ChromeRules> {
  const issues: Issue[] = [];
  const problem = (line: number | null, message: string): void => {
    issues.push({ code: "chrome-rule-invalid", severity: "error", path, line, column: null, message });
  };
  const parsed = Papa.parse<string[]>(csvText, { skipEmptyLines: false });
  const rows = parsed.data;
  const header = rows[0] ?? [];
  if (COLUMNS.some((name, i) => header[i]?.trim() !== name)) {
    problem(1, `the header is not the rule columns: expected "${COLUMNS.join(",")}", found ${quoteFound(header.join(","), 80)}`);
    return { value: null, issues };
  }
  // Rows may hold quoted line breaks: count the lines each row spans.
  const lineOfRow: number[] = [];
  let line = 1;
  for (const row of rows) {
    lineOfRow.push(line);
    line += 1 + row.join(",").split(/\r\n|\r|\n/u).length - 1;
  }
  const rules: ChromeRule[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const at = lineOfRow[r]!;
    if (row.length === 1 && row[0]!.trim() === "") continue;
    const [kind = "", action = "", key = "", source = "", example = "", reason = ""] = row.map((cell) => cell.trim());
    if (!KINDS.includes(kind)) {
      problem(at, `unknown chrome kind: expected one of ${KINDS.join(", ")}, found ${quoteFound(kind)}`);
      continue;
    }
    if (!ACTIONS.includes(action)) {
      problem(at, `unknown chrome action: expected one of ${ACTIONS.join(", ")}, found ${quoteFound(action)}`);
      continue;
    }
    if (!source.startsWith("^") || !source.endsWith("$")) {
      problem(at, `pattern is not anchored to a whole line: expected ^…$, found ${quoteFound(source, 60)}`);
      continue;
    }
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, "du");
    } catch (error) {
      problem(at, `pattern is not a regular expression (${(error as Error).message}): expected a JavaScript pattern, found ${quoteFound(source, 60)}`);
      continue;
    }
    const keys = key.split(/\s+/u).filter((k) => k !== "");
    const unknownKey = keys.find((k) => !METADATA_KEYS.includes(k));
    if (unknownKey !== undefined) {
      problem(at, `unknown metadata key: expected one of ${METADATA_KEYS.join(", ")}, found ${quoteFound(unknownKey)}`);
      continue;
    }
    const names = groupNames(source);
    const badGroup = names.find((name) => findGroupKey(name) === null);
    if (badGroup !== undefined) {
      problem(at, `named group is neither a metadata key nor keep: expected ${METADATA_KEYS.join(", ")} or keep, found ${quoteFound(badGroup)}`);
      continue;
    }
    const lifted = [...new Set(names.map(findGroupKey).filter((k): k is MetadataKey => k !== null && k !== "keep"))];
    if (action === "lift" ? lifted.sort().join(" ") !== [...keys].sort().join(" ") : keys.length > 0 || names.length > 0) {
      problem(at, `the key column does not list the pattern's groups: expected ${quoteFound(lifted.join(" "))}, found ${quoteFound(key)}`);
      continue;
    }
    if (action === "lift" && names.length === 0) {
      problem(at, `a lift rule lifts nothing: expected named groups, found ${quoteFound(source, 60)}`);
      continue;
    }
    if (!pattern.test(example)) {
      problem(at, `the example does not match its pattern: expected a line the pattern matches, found ${quoteFound(example)}`);
      continue;
    }
    rules.push({ kind: kind as ChromeKind, action: action as ChromeAction, keys: keys as MetadataKey[], pattern, example, reason, line: at });
  }
  return { value: { path, rules }, issues };
}
