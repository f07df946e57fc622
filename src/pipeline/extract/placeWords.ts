/**
 * The words place and risk-area extraction reads: data/reference/place-words.csv (`word,role,value,reason`),
 * parsed into lookups. Editors add a word there, never in code.
 */
import Papa from "papaparse";
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import type { StageResult } from "../records.ts";

/** 封控区/管控区/防范区 (regimes) and 高/中/低风险 (levels): the control status a text gives a place. */
export type PlaceStatus = "封控区" | "管控区" | "防范区" | "高风险" | "中风险" | "低风险";

export const PLACE_STATUSES: readonly PlaceStatus[] = ["封控区", "管控区", "防范区", "高风险", "中风险", "低风险"];

/** Roles of a row of place-words.csv. */
export type PlaceWordRole =
  | "kind" | "kind-weak" | "kind-spun" | "name" | "name-no-district" | "status" | "added" | "lifted" | "boundary" | "stop" | "generic" | "tail";

const ROLES: readonly PlaceWordRole[] = [
  "kind", "kind-weak", "kind-spun", "name", "name-no-district", "status", "added", "lifted", "boundary", "stop", "generic", "tail",
];

/** A name ending that tells the kind of place. */
export interface PlaceKindWord {
  /** the ending as written, e.g. 社区 */
  suffix: string;
  /** the kind recorded, e.g. 社区, 高校 */
  kind: string;
  /**
   * strong: any name with it is a place; weak: only a gazetteer name or an item of a list of areas (里, 地区);
   * spun: a spun copy's word for the kind, left out of the name (居住区 for 社区);
   * name: a place name on its own (首都机场), optionally after 北京 (北京首都机场)
   */
  strength: "strong" | "weak" | "spun" | "name";
  /** a `name-no-district` row: the place is run by no district (经开区), so it never gets one */
  noDistrict: boolean;
}

/** place-words.csv parsed. Lists are sorted longest word first, so the first match is the longest. */
export interface PlaceWords {
  kinds: PlaceKindWord[];
  /** status word → status, e.g. 高危区域 → 高风险 */
  statuses: Array<{ word: string; status: PlaceStatus }>;
  /** words that say an area was designated or raised (划定为, 升为) */
  added: string[];
  /** words that say an area was lifted or lowered (解除, 解封, 降为) */
  lifted: string[];
  /** words after which a place name starts (来到, 检查) */
  boundaries: string[];
  /** stems that are no name (各, 全 in 各村, 全镇) */
  stops: ReadonlySet<string>;
  /** endings of a stem that make the whole a common noun, whatever comes before (农 in 全区农村, 自然 in 自然村) */
  generics: string[];
  /** building designations after a place, part of a risk area (号楼, 单元) */
  tails: string[];
}

export const PLACE_WORDS_HEADER = ["word", "role", "value", "reason"] as const;

const byLengthDesc = (a: { length: number }, b: { length: number }): number => b.length - a.length;

/**
 * Parse data/reference/place-words.csv. Never throws. A row with the wrong number of columns, an unknown role, an
 * empty word or reason, a status that is not one of PLACE_STATUSES, a kind or name row without a kind, or a word listed twice
 * for one role is left out with an issue `place-words-invalid` at `path:line`. A bad header gives a null value.
 */
export function parsePlaceWords(csvText: string, path: string): StageResult<PlaceWords> {
  const parsed = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const issues: Issue[] = [];
  const bad = (line: number, message: string): void =>
    void issues.push({ code: "place-words-invalid", severity: "error", path, line, column: null, message });
  const rows = parsed.data;
  const header = (rows[0] ?? []).join(",");
  if (header !== PLACE_WORDS_HEADER.join(",")) {
    bad(1, `place words header is not the expected one: expected "${PLACE_WORDS_HEADER.join(",")}", found ${quoteFound(header, 80)}`);
    return { value: null, issues };
  }
  const words: PlaceWords = { kinds: [], statuses: [], added: [], lifted: [], boundaries: [], stops: new Set(), generics: [], tails: [] };
  const stops = new Set<string>();
  const seen = new Set<string>();
  rows.slice(1).forEach((fields, index) => {
    const line = index + 2;
    if (fields.length === 1 && fields[0] === "") return;
    if (fields.length !== PLACE_WORDS_HEADER.length) {
      bad(line, `place words row has the wrong number of columns: expected 4 (word,role,value,reason), found ${fields.length} in ${quoteFound(fields.join(","), 60)}`);
      return;
    }
    const [word, role, value, reason] = fields as [string, string, string, string];
    if (word.trim() === "" || word !== word.trim()) return bad(line, `place word is empty or padded: expected a word, found ${quoteFound(word)}`);
    if (!(ROLES as readonly string[]).includes(role)) return bad(line, `place word role is unknown: expected one of ${ROLES.join(", ")}, found ${quoteFound(role)}`);
    if (reason.trim() === "") return bad(line, `place word has no reason: expected why the row exists, found ${quoteFound(reason)}`);
    if (seen.has(`${role}\u0000${word}`)) return bad(line, `place word is listed twice: expected each word once per role, found ${quoteFound(word)} again`);
    seen.add(`${role}\u0000${word}`);
    switch (role as PlaceWordRole) {
      case "kind":
      case "kind-weak":
      case "kind-spun":
      case "name":
      case "name-no-district": {
        if (value === "") return bad(line, `place kind word has no kind: expected the kind it names, found ${quoteFound(value)}`);
        const strength = role === "kind" ? "strong" : role === "kind-weak" ? "weak" : role === "kind-spun" ? "spun" : "name";
        words.kinds.push({ suffix: word, kind: value, strength, noDistrict: role === "name-no-district" });
        return;
      }
      case "generic":
        words.generics.push(word);
        return;
      case "status":
        if (!(PLACE_STATUSES as readonly string[]).includes(value)) {
          return bad(line, `place status word names an unknown status: expected one of ${PLACE_STATUSES.join(", ")}, found ${quoteFound(value)}`);
        }
        words.statuses.push({ word, status: value as PlaceStatus });
        return;
      case "added":
        words.added.push(word);
        return;
      case "lifted":
        words.lifted.push(word);
        return;
      case "boundary":
        words.boundaries.push(word);
        return;
      case "stop":
        stops.add(word);
        return;
      case "tail":
        words.tails.push(word);
        return;
    }
  });
  words.kinds.sort((a, b) => b.suffix.length - a.suffix.length);
  words.statuses.sort((a, b) => b.word.length - a.word.length);
  words.added.sort(byLengthDesc);
  words.lifted.sort(byLengthDesc);
  words.boundaries.sort(byLengthDesc);
  words.tails.sort(byLengthDesc);
  words.generics.sort(byLengthDesc);
  return { value: { ...words, stops }, issues };
}
