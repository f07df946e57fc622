/**
 * The words place and risk-area extraction reads: data/reference/place-words.csv (`word,role,value,reason`),
 * parsed into lookups. Editors add a word there, never in code.
 */
import { quoteFound } from "../issues.ts";
import { csvRowIssue, isOneOf, parseCsvRecords } from "../parse/csvRows.ts";
import type { StageResult } from "../records.ts";
import { placeStatus, type PlaceStatus } from "../validate/placeSchema.ts";

export type { PlaceStatus } from "../validate/placeSchema.ts";

/** Roles of a row of place-words.csv, documented in data/reference/README.md. */
const ROLES = [
  "kind", "kind-street", "kind-weak", "kind-spun", "name", "name-no-district", "status", "added", "lifted", "boundary",
  "stop", "generic", "tail", "area-ending", "road", "city-suffix", "division", "office", "capital", "note",
] as const;

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
  /** kinds of the street level (`kind-street` rows: 街道, 镇, 乡), which the gazetteer lists completely */
  streetKinds: ReadonlySet<string>;
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
  /** the stops that, after a place word, cover the whole place (`光辉里小区各楼宇`): value `whole` */
  wholeStops: ReadonlySet<string>;
  /** endings of a stem that make the whole a common noun, whatever comes before (农 in 全区农村, 自然 in 自然村) */
  generics: string[];
  /** building designations after a place, part of a risk area (号楼, 单元) */
  tails: string[];
  /** endings a name is written with or without (武圣东里社区 / 武圣东里), left out when names are compared */
  areaEndings: string[];
  /** road endings: a road written before an estate is its address (南海街瑞贝卡…小区, 八一路祥瑞小区) */
  roads: string[];
  /** endings of another city's name (市 in 高碑店市) */
  citySuffixes: string[];
  /** divisions written after a city (乡, 区, 县 in 高碑店市乡): the place is that city's */
  divisions: string[];
  /** office words after a street (办事处 in 半截河街道办事处): no part of the street's name */
  offices: string[];
  /** the capital's own name (北京市, 北京), written before a district or a place */
  capitals: string[];
  /** words of a bracketed note after an area that make the note no part of the area (病例 in `(涉及病例)`) */
  notes: string[];
}

const byLengthDesc = (a: { length: number }, b: { length: number }): number => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
const PLACE_STATUSES = placeStatus.options;
const KIND_ROLES = ["kind", "kind-street", "kind-weak", "kind-spun", "name", "name-no-district"] as const;
const STRENGTH: Record<(typeof KIND_ROLES)[number], PlaceKindWord["strength"]> = {
  kind: "strong", "kind-street": "strong", "kind-weak": "weak", "kind-spun": "spun", name: "name", "name-no-district": "name",
};
/** Roles whose rows are plain words (the value column stays empty). */
type ListRole = "added" | "lifted" | "boundary" | "generic" | "tail" | "area-ending" | "road" | "city-suffix" | "division" | "office" | "capital" | "note";
const LIST_FIELD: Record<ListRole, keyof PlaceWords> = {
  added: "added", lifted: "lifted", boundary: "boundaries", generic: "generics", tail: "tails", "area-ending": "areaEndings",
  road: "roads", "city-suffix": "citySuffixes", division: "divisions", office: "offices", capital: "capitals", note: "notes",
};

/**
 * Parse data/reference/place-words.csv. Never throws. A row with the wrong number of columns, an unknown role, an
 * empty or padded word, no reason, a status that is not 封控区/管控区/防范区/高风险/中风险/低风险, a kind or name
 * row without a kind, a stop whose value is neither empty nor `whole`, or a word listed twice for one role is left
 * out with an issue `schema-invalid` at `path:line` (the line the row starts on). A bad header gives a null value.
 */
export function parsePlaceWords(csvText: string, path: string): StageResult<PlaceWords> {
  const { records, issues } = parseCsvRecords(csvText, path, { required: ["word", "role", "value", "reason"] }, "place words");
  if (records === null) return { value: null, issues };
  const kinds: PlaceKindWord[] = [];
  const streetKinds = new Set<string>();
  const statuses: Array<{ word: string; status: PlaceStatus }> = [];
  const stops = new Set<string>();
  const wholeStops = new Set<string>();
  const lists = new Map<keyof PlaceWords, string[]>();
  const seen = new Set<string>();
  for (const { line, fields } of records) {
    const word = fields["word"]!;
    const role = fields["role"]!;
    const value = fields["value"]!;
    const reason = fields["reason"]!;
    const bad = (message: string): void => void issues.push(csvRowIssue(path, line, message));
    if (word.trim() === "" || word !== word.trim()) {
      bad(`place word is empty or padded: expected a word, found ${quoteFound(word)}`);
      continue;
    }
    if (!isOneOf(ROLES, role)) {
      bad(`place word role is unknown: expected one of ${ROLES.join(", ")}, found ${quoteFound(role)}`);
      continue;
    }
    if (reason.trim() === "") {
      bad(`place word has no reason: expected why the row exists, found ${quoteFound(reason)}`);
      continue;
    }
    if (seen.has(`${role}\u0000${word}`)) {
      bad(`place word is listed twice: expected each word once per role, found ${quoteFound(word)} again`);
      continue;
    }
    seen.add(`${role}\u0000${word}`);
    if (isOneOf(KIND_ROLES, role)) {
      if (value === "") {
        bad(`place kind word has no kind: expected the kind it names, found ${quoteFound(value)}`);
        continue;
      }
      kinds.push({ suffix: word, kind: value, strength: STRENGTH[role], noDistrict: role === "name-no-district" });
      if (role === "kind-street") streetKinds.add(value);
    } else if (role === "status") {
      if (!isOneOf(PLACE_STATUSES, value)) {
        bad(`place status word names an unknown status: expected one of ${PLACE_STATUSES.join(", ")}, found ${quoteFound(value)}`);
        continue;
      }
      statuses.push({ word, status: value });
    } else if (role === "stop") {
      if (value !== "" && value !== "whole") {
        bad(`place stop word has an unknown value: expected "" or "whole", found ${quoteFound(value)}`);
        continue;
      }
      stops.add(word);
      if (value === "whole") wholeStops.add(word);
    } else {
      const field = LIST_FIELD[role];
      lists.set(field, [...(lists.get(field) ?? []), word]);
    }
  }
  const list = (field: keyof PlaceWords): string[] => [...(lists.get(field) ?? [])].sort(byLengthDesc);
  return {
    value: {
      kinds: kinds.sort((a, b) => b.suffix.length - a.suffix.length),
      streetKinds,
      statuses: statuses.sort((a, b) => b.word.length - a.word.length),
      added: list("added"),
      lifted: list("lifted"),
      boundaries: list("boundaries"),
      stops,
      wholeStops,
      generics: list("generics"),
      tails: list("tails"),
      areaEndings: list("areaEndings"),
      roads: list("roads"),
      citySuffixes: list("citySuffixes"),
      divisions: list("divisions"),
      offices: list("offices"),
      capitals: list("capitals"),
      notes: list("notes"),
    },
    issues,
  };
}

/**
 * `name` without one area ending it is written with or without (`areaEndings`: 武圣东里社区 → 武圣东里); the name
 * itself when it has none or is nothing but the ending.
 */
export function stripAreaEnding(name: string, words: Pick<PlaceWords, "areaEndings">): string {
  const ending = words.areaEndings.find((w) => name.endsWith(w) && name.length > w.length);
  return ending ? name.slice(0, -ending.length) : name;
}

/**
 * The key risk-area names are matched by, never shown: full-width brackets and spaces to half-width, no white
 * space, a street's office word left out (朝外街道办事处 → 朝外街道, with `words.offices`), and one area ending left
 * out (艺水芳园社区 → 艺水芳园, with `words.areaEndings`). Without `words` only the brackets and spaces are
 * normalised. `光华里（除封控区外）` and `光华里(除封控区外)` match; names that differ otherwise never do.
 */
export function normalizeAreaName(name: string, words?: Pick<PlaceWords, "areaEndings" | "offices" | "streetKinds" | "kinds">): string {
  let out = name.replace(/（/gu, "(").replace(/）/gu, ")").replace(/[\s\u3000]+/gu, "");
  if (words === undefined) return out;
  // `X街道办事处` / `X街道办` → `X街道`: an office word after a street-level place word, wherever it stands.
  for (const k of words.kinds) {
    if (!words.streetKinds.has(k.kind)) continue;
    for (const office of words.offices) out = out.split(k.suffix + office).join(k.suffix);
  }
  return stripAreaEnding(out, words);
}
