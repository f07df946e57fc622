/**
 * Genre (体裁) of a report: a meeting (会议), an inspection (检查调研), a case bulletin (疫情通报), a risk-area
 * announcement (风险区域) or a notice (通告), decided from weighted keywords of the title, the lead and the body
 * listed in the editable data/reference/genres.csv. Null when no genre has enough evidence, or two tie: never a guess.
 */
import { quoteFound } from "../issues.ts";
import type { StageResult } from "../records.ts";
import { csvRowIssue, isOneOf, parseCsvRecords } from "./csvRows.ts";

/**
 * The genres, in the order the site lists them:
 * - `meeting`: a meeting was held (召开…会议, 调度会, 领导小组会议);
 * - `inspection`: officials inspected or visited (检查, 调研, 察看, 督导, 走访);
 * - `case_bulletin`: counts of new cases or infections over a window (新增…病例, 0时至24时);
 * - `risk_area`: areas sealed, controlled, lifted or ranked by risk (封控区, 管控区, 中风险地区, 解封, 划定);
 * - `notice`: a notice or announcement signed by a body (通告, 公告).
 */
export const GENRES = ["meeting", "inspection", "case_bulletin", "risk_area", "notice"] as const;

/** One of `GENRES`. */
export type Genre = (typeof GENRES)[number];

/** Where a keyword of genres.csv counts: in the title, the lead (the body's first paragraphs) or anywhere in the body. */
export const GENRE_PLACES = ["title", "lead", "body"] as const;

/** One of `GENRE_PLACES`. */
export type GenrePlace = (typeof GENRE_PLACES)[number];

/** Columns of genres.csv. */
export const GENRES_COLUMNS = ["genre", "keyword", "where", "weight", "reason"] as const;

/**
 * The gap a `…` of a keyword stands for: up to this many characters, none of them ending a sentence or a line
 * (`召开…会议` matches 召开第91次会议 and 接连召开专题会议, not 召开。…会议).
 */
export const KEYWORD_GAP = 16;

/** The least total weight a genre needs to be decided; below it the genre is null. */
export const GENRE_MIN_SCORE = 3;

/** One row of data/reference/genres.csv. */
export interface GenreRule {
  genre: Genre;
  /** clean Simplified text; `…` stands for a gap of up to `KEYWORD_GAP` characters within a sentence */
  keyword: string;
  where: GenrePlace;
  /** added to the genre's score once per place where the keyword occurs; negative weights count against it */
  weight: number;
  reason: string;
  /** 1-based line the row starts on in the CSV */
  line: number;
}

/** The rules of genres.csv, in file order. Patterns are built once per object: do not mutate it. */
export interface GenreRules {
  rules: GenreRule[];
}

/**
 * Parse data/reference/genres.csv (`genre,keyword,where,weight,reason`, header first). Never throws. A row with an
 * unknown genre or place, an empty or padded keyword, a keyword listed twice for one genre and place, a weight that
 * is not a non-zero number or an empty reason is left out with an issue `schema-invalid` at `path:line`. A bad
 * header gives a null value.
 */
export function parseGenreRules(csvText: string, path: string): StageResult<GenreRules> {
  const { records, issues } = parseCsvRecords(csvText, path, { required: GENRES_COLUMNS }, "genres");
  if (records === null) return { value: null, issues };
  const rules: GenreRule[] = [];
  for (const { line, fields } of records) {
    const bad = (message: string): void => void issues.push(csvRowIssue(path, line, message));
    const { genre = "", keyword = "", where = "", weight = "", reason = "" } = fields;
    if (!isOneOf(GENRES, genre)) {
      bad(`genre is unknown: expected one of ${GENRES.join(", ")}, found ${quoteFound(genre)}`);
      continue;
    }
    if (!isOneOf(GENRE_PLACES, where)) {
      bad(`genre keyword place is unknown: expected one of ${GENRE_PLACES.join(", ")}, found ${quoteFound(where)}`);
      continue;
    }
    if (keyword.trim() === "" || keyword !== keyword.trim() || keyword.replaceAll("…", "") === "") {
      bad(`genre keyword is empty or padded: expected a word without surrounding spaces, found ${quoteFound(keyword)}`);
      continue;
    }
    const value = Number(weight);
    if (weight.trim() === "" || !Number.isFinite(value) || value === 0) {
      bad(`genre keyword weight is not a number: expected a non-zero number such as 2 or -1, found ${quoteFound(weight)}`);
      continue;
    }
    const before = rules.find((r) => r.genre === genre && r.keyword === keyword && r.where === where);
    if (before !== undefined) {
      bad(`genre keyword is listed twice: expected each keyword once per genre and place, found ${quoteFound(keyword)} again (line ${before.line})`);
      continue;
    }
    if (reason.trim() === "") {
      bad(`genre row has no reason: expected why the keyword marks the genre, found ${quoteFound(reason)}`);
      continue;
    }
    rules.push({ genre, keyword, where, weight: value, reason, line });
  }
  return { value: { rules }, issues };
}

/** A part of a report the classifier reads: its text, and where it starts in the clean text (null when it is not there). */
export interface GenreText {
  text: string;
  /** offset of `text` in the clean text, or null (a supplied title, a title read from the HTML `<title>`) */
  start: number | null;
}

/** What the genre is decided from. */
export interface GenreInput {
  /** the headlines: the title, with the pre-title and subtitle around it when there are any */
  title: GenreText | null;
  /** the first paragraphs of the body (without a repeat of the title) */
  lead: GenreText | null;
  /** the whole body */
  body: GenreText | null;
}

/** A decided genre. */
export interface GenreDecision {
  genre: Genre;
  /**
   * [start, end) in the clean text of the heaviest keyword of the genre that was found (the first one on a tie, title
   * before lead before body); null when that keyword is in a title that is not part of the clean text
   */
  span: [number, number] | null;
}

/**
 * The genre of a report: each genre scores the weights of its rules whose keyword occurs in their place (once per
 * rule, however often it occurs); the genre with the highest score wins when that score is at least
 * `GENRE_MIN_SCORE` and no other genre has the same score. Null when nothing decides: no text, no keyword, too little
 * weight or a tie. Never throws.
 */
export function classifyGenre(input: GenreInput, rules: GenreRules): GenreDecision | null {
  const matches = matchRules(input, rules);
  const ranked = Object.entries(sumWeights(matches)).sort((a, b) => b[1] - a[1]) as Array<[Genre, number]>;
  const [first, second] = ranked;
  if (first === undefined || first[1] < GENRE_MIN_SCORE || (second !== undefined && second[1] === first[1])) return null;
  // The heaviest keyword of the winner; on equal weights the first in reading order (title, lead, body), then in the file.
  let best: RuleMatch | undefined;
  for (const m of matches) {
    if (m.rule.genre !== first[0] || m.rule.weight <= 0) continue;
    if (best === undefined || m.rule.weight > best.rule.weight || (m.rule.weight === best.rule.weight && GENRE_PLACES.indexOf(m.rule.where) < GENRE_PLACES.indexOf(best.rule.where))) best = m;
  }
  return { genre: first[0], span: best?.span ?? null };
}

/** The score of every genre with a matching keyword in `input` (see classifyGenre), for editors tuning genres.csv. Never throws. */
export function scoreGenres(input: GenreInput, rules: GenreRules): Partial<Record<Genre, number>> {
  return sumWeights(matchRules(input, rules));
}

interface RuleMatch {
  rule: GenreRule;
  /** [start, end) in the clean text, or null when the part is not in it */
  span: [number, number] | null;
}

/** Each rule whose keyword occurs in its place, once, with the span of its first occurrence. */
function matchRules(input: GenreInput, rules: GenreRules): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const { rule, pattern } of getPatterns(rules)) {
    const part = input[rule.where];
    if (part === null) continue;
    const found = pattern.exec(part.text);
    if (found === null) continue;
    const span: [number, number] | null = part.start === null ? null : [part.start + found.index, part.start + found.index + found[0].length];
    matches.push({ rule, span });
  }
  return matches;
}

function sumWeights(matches: readonly RuleMatch[]): Partial<Record<Genre, number>> {
  const scores: Partial<Record<Genre, number>> = {};
  for (const { rule } of matches) scores[rule.genre] = (scores[rule.genre] ?? 0) + rule.weight;
  return scores;
}

// Patterns are derived from an immutable GenreRules and cached per object; they never change what a call returns.
const patternCache = new WeakMap<GenreRules, Array<{ rule: GenreRule; pattern: RegExp }>>();

function getPatterns(rules: GenreRules): Array<{ rule: GenreRule; pattern: RegExp }> {
  const cached = patternCache.get(rules);
  if (cached) return cached;
  // 召开…会议: the literal parts, with a short gap inside one sentence between them.
  const gap = `[^。！？!?；;\\n]{0,${KEYWORD_GAP}}?`;
  const patterns = rules.rules.map((rule) => ({
    rule,
    pattern: new RegExp(rule.keyword.split("…").map(escapeRegExp).join(gap), "u"),
  }));
  patternCache.set(rules, patterns);
  return patterns;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
