/**
 * Case counts (病例数) stated in a report's text: daily bulletins (`新增本土确诊病例12例、无症状感染者3例`), their
 * district lists (`其中朝阳区5例`, `丰台区和海淀区各5例`), per-case entries (`确诊病例2、3：现住海淀区`) and the counts
 * quoted in news and meeting reports.
 *
 * The text of each paragraph is read as a stream of tokens (dates and windows, subjects, scopes, kinds of case,
 * counts, zero statements), and a count is attached to a subject (北京市, a district, or a zone), a kind (confirmed,
 * asymptomatic, infections), a scope (本土/境外输入), a measure (新增/累计) and a day. What is not a case count —
 * 疑似病例, 治愈出院, 隔离观察人员, clinical types, national totals, streaks (`连续18天`) — is recognised and skipped.
 */
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { createPositionIndex } from "../clean/offsets.ts";
import type { ParsedDoc } from "../records.ts";
import type { DistrictMention } from "../parse/districts.ts";
import { addDays, formatIsoDate, RELATIVE_DAY_WORDS, resolveMonthDay } from "../parse/date.ts";
import { getGazetteerIndex } from "../parse/gazetteer.ts";
import type { Gazetteer } from "../parse/gazetteer.ts";
import type { ExtractContext } from "./context.ts";
import type { CaseKind, CaseWords } from "./caseWords.ts";
import type { PlaceWords } from "./placeWords.ts";
import { CHINESE_NUMERAL_CHARS, parseCount } from "./chineseNumerals.ts";

/** 本土 (local), 境外输入 (imported), or all where the text does not split. */
export type CaseScope = "local" | "imported" | "all";
/** 新增 (new in the window) or 累计 (cumulative at the cut-off). */
export type CaseMeasure = "new" | "cumulative";
/** The three counted fields of a row. */
export type CaseField = "confirmed" | "asymptomatic" | "infections";
export const CASE_FIELDS: readonly CaseField[] = ["confirmed", "asymptomatic", "infections"];

/** The city-wide subject: counts for all of Beijing. */
export const CITY = "北京市";

/** One count statement of a document, for one subject, day, window, scope and measure. */
export interface CaseRow {
  /** `{doc_id}-case-{n}`, n 1-based in text order */
  id: string;
  doc_id: string;
  /** [start, end) in the document's clean text of the phrase giving the count(s) */
  span: [number, number];
  /** YYYY-MM-DD the counts are for, or null when the text gives no day it can be resolved to (no year known) */
  date: string | null;
  /**
   * hours of the reporting window: `0-24` (0时至24时), `0-15`, `12-24`; `until-24` for a cut-off (`截至…24时`);
   * null when the text states none
   */
  window: string | null;
  scope: CaseScope;
  measure: CaseMeasure;
  /** one of the 16 official district names, 北京市 for the city total, or null for a zone (see district_raw) */
  district: string | null;
  /** the text's name for a subject that is no district (经开区), else null */
  district_raw: string | null;
  /** confirmed cases (确诊病例); null = the text does not say; never a guessed zero */
  confirmed: number | null;
  /** asymptomatic infections (无症状感染者); null = the text does not say */
  asymptomatic: number | null;
  /** positives (感染者) where the text gives no split into confirmed and asymptomatic; else null */
  infections: number | null;
}

/** What case extraction reads besides the document: the bulletin words, and the place words naming zones. */
export interface CaseContext extends ExtractContext {
  caseWords: CaseWords;
  /** `name-no-district` kinds (经开区) are subjects of a district list that are no district */
  placeWords: Pick<PlaceWords, "kinds">;
}

type Kind = CaseKind;

// ---------------------------------------------------------------------------------------------------------------
// Tokens.

interface Day {
  year: number | null;
  month: number | null;
  day: number;
}

type Token = { start: number; end: number } & (
  | { t: "window"; day: Day; window: string }
  | { t: "cutoff"; day: Day | null; window: string }
  /** a day: as written, days from the publication date (昨天: -1), or the day stated before (当日) */
  | { t: "day"; day: Day | { offset: number } | "same" }
  | { t: "city" }
  /** short: a short name (昌平, 向阳) rather than a full one (昌平区, 向阳区) */
  | { t: "district"; name: string; short: boolean }
  | { t: "zone"; raw: string }
  | { t: "own" }
  | { t: "national" }
  | { t: "scope"; scope: CaseScope }
  | { t: "cumulative" }
  | { t: "current" }
  | { t: "new" }
  | { t: "kind"; kind: Kind }
  | { t: "count"; n: number | null }
  | { t: "zero" }
  | { t: "streak" }
  | { t: "each" }
  | { t: "at" }
  | { t: "spread" }
  | { t: "transition" }
  | { t: "approx" }
  | { t: "of" }
  | { t: "open" }
  | { t: "close" }
  | { t: "sep"; strong: boolean }
  | { t: "and" }
);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alt = (words: readonly string[]): string => [...words].sort((x, y) => y.length - x.length).map(escape).join("|");

const NUM = `\\d[\\d,]*|[${CHINESE_NUMERAL_CHARS}]+`;
const DATE = `(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日`;

/** The zone words (经开区) of place-words.csv: `name-no-district` kinds. */
const zoneWords = (ctx: CaseContext): string[] => ctx.placeWords.kinds.filter((k) => k.noDistrict).map((k) => k.suffix);

/**
 * The source of the one pattern for every token but district names (which come from the gazetteer), built from the
 * case words. The grammar stays here: dates, windows, numerals, brackets and punctuation.
 */
function tokenPatternSource(ctx: CaseContext): string {
  const w = ctx.caseWords.words;
  // What may follow the city's name when it is its subject (北京新增, 北京11月30日, 本市无新增), so that 北京 inside
  // another name (北京化工大学) is none: the city-follower words, a digit, a month, punctuation or the end.
  const cityFollowers = `${alt(w["city-follower"])}|\\d|[一二三四五六七八九十]+月|[\\s,，、:：;；。]|$`;
  const relative = [...RELATIVE_DAY_WORDS.map(([word]) => word), ...w["same-day"]];
  return [
    // 9月13日0时至24时, 2月2日12时至24时, 6月30日0-24时, 1月24日17时至20时
    `(?<window>${DATE}\\s*(\\d{1,2})(?:时|点)?\\s*(?:至|-|—|到)\\s*(?:(?:\\d{1,2}月)?\\d{1,2}日)?\\s*(\\d{1,2})(?:时|点))`,
    // 截至2月4日24时, 截至24日20时, 截至5月6日16:00, 截至目前
    `(?<cutoff>截至\\s*(?:${DATE})?\\s*(?:(\\d{1,2})(?:时|点|:00))?)`,
    `(?<day>${DATE})`,
    `(?<rel>${alt(relative)})`,
    `(?<streak>${alt(w.streak)})`,
    `(?<zero>${alt(w.zero)})`,
    `(?<national>${alt(w.national)})`,
    `(?<own>${alt(w["own-district"])})`,
    `(?<zone>${alt(zoneWords(ctx))})`,
    `(?<city>(?:${alt(w.city)})(?=${cityFollowers}))`,
    `(?<scope>${alt(ctx.caseWords.scopes.map((x) => x.word))})`,
    `(?<cumulative>${alt(w.cumulative)})`,
    `(?<current>${alt(w.current)})`,
    `(?<new>${alt(w.new)})`,
    `(?<kind>${alt(ctx.caseWords.kinds.map((x) => x.word))})`,
    `(?<count>(?:${NUM})?\\s*例)`,
    `(?<transition>${alt(w.transition)})`,
    `(?<approx>${alt(w.approx)})`,
    `(?<each>${alt(w.each)})`,
    `(?<at>${alt(w.at)})`,
    `(?<spread>${alt(w.spread)})`,
    `(?<of>的)`,
    `(?<open>[（(])`,
    `(?<close>[）)])`,
    `(?<strong>[。！!？?])`,
    `(?<weak>[，,:：；;]|(?<=[\u4e00-\u9fff])[ \t\u3000\u00a0]+(?=[\u4e00-\u9fff]))`,
    `(?<and>[、和及与])`,
  ]
    // An empty word list would match everywhere: such a group matches nothing instead.
    .map((g) => g.replace(/\(\)/g, "(?!)").replace(/>\)/g, ">(?!))"))
    .join("|");
}

const toInt = (s: string | undefined): number | null => (s === undefined || s === "" ? null : Number(s));

function dayOf(groups: Array<string | undefined>): Day {
  return { year: toInt(groups[0]), month: toInt(groups[1]), day: Number(groups[2]) };
}

/** Whether a district mention is a district's own name or alias (海淀区, 向阳区), not a street or community. */
function isDistrictName(m: DistrictMention, gazetteer: Gazetteer): boolean {
  return getGazetteerIndex(gazetteer).districtByName.has(m.found) || gazetteer.districtAliases.some((a) => a.alias === m.found && a.district !== "");
}

/** Tokens of `text.slice(start, end)`, offsets in `text`. */
function tokenize(text: string, start: number, end: number, districts: Map<number, DistrictMention>, gazetteer: Gazetteer, pattern: RegExp, words: CaseWords): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const mention = districts.get(i);
    if (mention && mention.span[1] <= end && isDistrictName(mention, gazetteer)) {
      tokens.push({ t: "district", name: mention.district, short: !mention.found.endsWith("区"), start: i, end: mention.span[1] });
      i = mention.span[1];
      continue;
    }
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (!m || m[0].length === 0 || m.index + m[0].length > end) {
      i += 1;
      continue;
    }
    const g = m.groups ?? {};
    const span = { start: i, end: i + m[0].length };
    const sub = (from: number, n: number): Array<string | undefined> => m.slice(from, from + n);
    // Group numbers: window 1..6 (y, m, d, h0, h1), cutoff 7..11, day 12..14.
    if (g.window !== undefined) {
      tokens.push({ t: "window", day: dayOf(sub(2, 3)), window: `${Number(m[5])}-${Number(m[6])}`, ...span });
    } else if (g.cutoff !== undefined) {
      const hasDay = m[10] !== undefined;
      const hour = m[11];
      tokens.push({ t: "cutoff", day: hasDay ? dayOf(sub(8, 3)) : null, window: hour === undefined ? "" : `until-${Number(hour)}`, ...span });
    } else if (g.day !== undefined) {
      tokens.push({ t: "day", day: dayOf(sub(13, 3)), ...span });
    } else if (g.rel !== undefined) {
      const offset = RELATIVE_DAY_WORDS.find(([word]) => word === g.rel)?.[1];
      tokens.push({ t: "day", day: offset === undefined ? "same" : { offset }, ...span });
    } else if (g.streak !== undefined) tokens.push({ t: "streak", ...span });
    else if (g.zero !== undefined) tokens.push({ t: "zero", ...span });
    else if (g.national !== undefined) tokens.push({ t: "national", ...span });
    else if (g.own !== undefined) tokens.push({ t: "own", ...span });
    else if (g.zone !== undefined) tokens.push({ t: "zone", raw: g.zone, ...span });
    else if (g.city !== undefined) tokens.push({ t: "city", ...span });
    else if (g.scope !== undefined) tokens.push({ t: "scope", scope: words.scopes.find((x) => x.word === g.scope)?.scope ?? "all", ...span });
    else if (g.cumulative !== undefined) tokens.push({ t: "cumulative", ...span });
    else if (g.current !== undefined) tokens.push({ t: "current", ...span });
    else if (g.new !== undefined) tokens.push({ t: "new", ...span });
    else if (g.kind !== undefined) tokens.push({ t: "kind", kind: words.kinds.find((x) => x.word === g.kind)?.kind ?? "other", ...span });
    else if (g.count !== undefined) {
      const digits = g.count.replace(/\s*例$/, "");
      tokens.push({ t: "count", n: digits === "" ? null : parseCount(digits), ...span });
    } else if (g.transition !== undefined) tokens.push({ t: "transition", ...span });
    else if (g.approx !== undefined) tokens.push({ t: "approx", ...span });
    else if (g.each !== undefined) tokens.push({ t: "each", ...span });
    else if (g.at !== undefined) tokens.push({ t: "at", ...span });
    else if (g.spread !== undefined) tokens.push({ t: "spread", ...span });
    else if (g.of !== undefined) tokens.push({ t: "of", ...span });
    else if (g.open !== undefined) tokens.push({ t: "open", ...span });
    else if (g.close !== undefined) tokens.push({ t: "close", ...span });
    else if (g.strong !== undefined) tokens.push({ t: "sep", strong: true, ...span });
    else if (g.weak !== undefined) tokens.push({ t: "sep", strong: false, ...span });
    else if (g.and !== undefined) tokens.push({ t: "and", ...span });
    i = span.end;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates.

/** Longest gap between the counts' day and the publication day for a month-day without year to be resolved. */
const MAX_DAYS_BEFORE_PUBLICATION = 31;

/**
 * The ISO day of `day`: a stated year wins; otherwise the latest such day on or before the anchor (the
 * publication day, else the event day) — and only when it is at most MAX_DAYS_BEFORE_PUBLICATION before it, since a
 * bulletin reports the last days (a reposting date of years later is no anchor). A day without month takes the
 * month of `context`.
 */
function resolveDay(day: Day, anchor: string | null, context: string | null): string | null {
  const month = day.month ?? (context ? Number(context.slice(5, 7)) : null);
  if (month === null) return null;
  if (day.year !== null) return formatIsoDate(day.year, month, day.day);
  if (anchor === null) return null;
  return resolveMonthDay(month, day.day, anchor, "before", MAX_DAYS_BEFORE_PUBLICATION);
}

// ---------------------------------------------------------------------------------------------------------------
// Extraction.

type Subject = { district: string | null; raw: string | null } | "national";

interface Context {
  date: string | null;
  window: string | null;
  /** false until a window, cut-off or day was stated: then `date` is known to be unknown */
  dated: boolean;
}

/** A count found, before rows are merged. */
interface Finding {
  subject: { district: string | null; raw: string | null };
  date: string | null;
  window: string | null;
  scope: CaseScope;
  measure: CaseMeasure;
  field: CaseField;
  value: number;
  span: [number, number];
  paragraph: number;
}

const STRONG = (t: Token): boolean => t.t === "sep" && t.strong;
const CLAUSE_END = (t: Token): boolean => t.t === "sep";

/** `确诊病例2、3：现住海淀区` / `确诊病例1至18：` / `无症状感染者1：`: the ids of a per-case entry (words: per-case). */
const perCasePattern = (words: CaseWords): RegExp =>
  new RegExp(`^\\s*(${alt(words.perCase.map((x) => x.word))})\\s*(\\d+(?:\\s*(?:、|，|,|至|-|和|及)\\s*\\d+)*)\\s*[:：]`);
const PER_CASE_ADDRESS = /现住(?:址均?位于|址为|址|在)?([^，,。；;]*)/;

function countIds(list: string): number {
  let n = 0;
  for (const part of list.split(/\s*(?:、|，|,|和|及)\s*/)) {
    const range = /^(\d+)\s*(?:至|-)\s*(\d+)$/.exec(part);
    if (range) n += Math.max(0, Number(range[2]) - Number(range[1]) + 1);
    else if (/^\d+$/.test(part)) n += 1;
  }
  return n;
}

/** The district a district's own notice (`我区`) speaks for: the first district in its first paragraph, if any. */
function ownDistrictOf(doc: ParsedDoc, mentions: readonly DistrictMention[], gazetteer: Gazetteer): string | null {
  const first = doc.paragraphs[0];
  const inFirst = first ? mentions.filter((m) => m.span[0] >= first[0] && m.span[1] <= first[1] && isDistrictName(m, gazetteer)) : [];
  if (inFirst[0]) return inFirst[0].district;
  return doc.districts.length === 1 ? (doc.districts[0] ?? null) : null;
}

/**
 * The case counts of one document, one row per subject, day, window, scope and measure in each paragraph, in text
 * order, with deterministic ids. `mentions` are the document's district mentions (findDistricts over `doc.text`),
 * computed once by the caller. Fields the text does not state are null; zeros only where the text rules cases
 * out (`无新增`), or for a district missing from a district list that adds up to the stated total. Issues
 * (warnings, at the line and column of the count): `case-count-missing` for a count whose digits were stripped
 * upstream (`新增本土感染者例`: no value is guessed), `cases-sum-mismatch` for a row whose stated positives differ
 * from its confirmed + asymptomatic. Never throws.
 */
export function extractCases(doc: ParsedDoc, ctx: CaseContext, mentions: readonly DistrictMention[]): { rows: CaseRow[]; issues: Issue[] } {
  const gazetteer = ctx.gazetteer;
  const words = ctx.caseWords;
  // Built per call: a sticky pattern's lastIndex changes as it is used, so it is no module state.
  const pattern = new RegExp(tokenPatternSource(ctx), "y");
  const perCasePatternOfDoc = perCasePattern(words);
  const issues: Issue[] = [];
  // Built at the first issue, once: a bulletin listing many districts may lack many counts.
  let positionOf: ReturnType<typeof createPositionIndex> | undefined;
  const missingCount = (at: number, end: number): void => {
    positionOf ??= createPositionIndex(doc.original);
    const { line, column } = positionOf(doc.toSource[at] ?? 0);
    issues.push({
      code: "case-count-missing",
      severity: "warning",
      path: doc.path,
      line,
      column,
      message: `case count has no number: expected digits or a numeral before 例, found ${quoteFound(doc.text.slice(Math.max(0, at - 12), end))}`,
      hint: "the digits were probably stripped upstream; the count is left out, never guessed",
    });
  };
  const byStart = new Map(mentions.map((m) => [m.span[0], m]));
  const anchor = doc.published_date ?? doc.event_date;
  const own = ownDistrictOf(doc, mentions, gazetteer);
  const findings: Finding[] = [];
  const context: Context = { date: null, window: null, dated: false };
  /** scope of the per-case entries below a heading (本土病例 / 境外输入病例); null before any heading */
  let perCaseScope: CaseScope | null = null;

  const dayIso = (day: Day | { offset: number } | "same"): string | null => {
    if (day === "same") return context.date;
    if ("offset" in day) return doc.published_date ? addDays(doc.published_date, day.offset) : null;
    return resolveDay(day, anchor, context.date);
  };

  doc.paragraphs.forEach(([pStart, pEnd], paragraph) => {
    const text = doc.text.slice(pStart, pEnd);
    const perCase = perCasePatternOfDoc.exec(text);
    if (perCase) {
      readPerCaseEntry(perCase, pStart, pEnd, paragraph);
      return;
    }
    readParagraph(tokenize(doc.text, pStart, pEnd, byStart, gazetteer, pattern, words), paragraph);
  });

  /** A per-case entry counts its ids for the district of the address, in the scope of the latest heading. */
  function readPerCaseEntry(m: RegExpExecArray, pStart: number, pEnd: number, paragraph: number): void {
    const kind = words.perCase.find((x) => x.word === m[1])?.field ?? "infections";
    const n = countIds(m[2] ?? "");
    // The address is read in this paragraph only: `现住…` of the next entry is not this one's.
    const address = PER_CASE_ADDRESS.exec(doc.text.slice(pStart + m[0].length, pEnd));
    if (!address || n === 0) return;
    const aStart = pStart + m[0].length + address.index;
    const aEnd = aStart + address[0].length;
    const found = mentions.find((x) => x.span[0] >= aStart && x.span[1] <= aEnd);
    if (!found) return;
    findings.push({
      subject: { district: found.district, raw: null },
      date: context.date,
      window: context.window,
      scope: perCaseScope ?? findings.find((f) => f.subject.district === CITY && f.measure === "new")?.scope ?? "all",
      measure: "new",
      field: kind,
      value: n,
      span: [pStart + (m.index ?? 0), found.span[1]],
      paragraph,
    });
  }

  function readParagraph(tokens: Token[], paragraph: number): void {
    const explicitlyDated = tokens.some((t) => t.t === "window" || t.t === "cutoff");
    // A heading line (本土病例 / 境外输入病例 / 本土确诊病例) sets the scope of the per-case entries below it.
    const scopes = tokens.filter((t) => t.t === "scope");
    if (tokens.every((t) => t.t === "scope" || t.t === "kind") && scopes.length === 1 && scopes[0]?.t === "scope") perCaseScope = scopes[0].scope;

    let subject: Subject | null = explicitlyDated ? { district: CITY, raw: null } : null;
    let scope: CaseScope = "all";
    let measure: CaseMeasure | "current" = "new";
    let list: { kind: Kind; scope: CaseScope; measure: CaseMeasure | "current" } | null = null;
    let firstInSentence = true;
    let lastFinding = null as Finding | null;
    /** the district subjects of a list entry whose parenthetical split follows */
    let parenSubjects: Array<Finding["subject"]> | null = null;
    let depth = 0;
    const zeroClausesDone = new Set<number>();

    const emit = (subj: Finding["subject"], field: CaseField, value: number, span: [number, number], sc: CaseScope, me: CaseMeasure): Finding => {
      const f: Finding = { subject: subj, date: context.date, window: context.window, scope: sc, measure: me, field, value, span, paragraph };
      findings.push(f);
      return f;
    };
    const fieldsOf = (kind: Kind): CaseField[] =>
      kind === "confirmed" || kind === "cases" ? ["confirmed"] : kind === "asymptomatic" ? ["asymptomatic"] : kind === "infections" ? ["infections"] : [];

    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] as Token;
      const next = tokens[i + 1];
      switch (tok.t) {
        case "window": {
          context.date = dayIso(tok.day);
          context.window = tok.window;
          context.dated = true;
          break;
        }
        case "cutoff": {
          if (tok.day !== null) {
            context.date = dayIso(tok.day);
            context.window = tok.window === "" ? null : tok.window;
            context.dated = true;
          }
          measure = "cumulative";
          break;
        }
        case "day": {
          // A plain day sets the counts' day only when counts follow it in its clause (5月5日全市新增…例).
          const iso = dayIso(tok.day);
          const clause = tokens.slice(i + 1, indexWhere(tokens, i + 1, CLAUSE_END));
          if (clause.some((t) => t.t === "new" || t.t === "count" || t.t === "city" || t.t === "national")) {
            if (iso !== context.date) context.window = null;
            context.date = iso;
            context.dated = true;
          }
          break;
        }
        case "city":
          // 全部在北京 (in a national bulletin): says where the cases are, not whose counts follow.
          if (tokens[i - 1]?.t !== "at") subject = { district: CITY, raw: null };
          break;
        case "national":
          subject = "national";
          break;
        case "own":
          subject = own === null ? null : { district: own, raw: null };
          break;
        case "zone":
        case "district": {
          const chain = districtChain(tokens, i);
          if (chain !== null) {
            readListEntry(chain.subjects, chain.count, i, chain.countIndex);
            i = chain.countIndex;
          } else if (tokens[i - 1]?.t === "at" && lastFinding !== null && tok.t === "district") {
            // 新增确诊病例全部在大兴区 / 新增感染者1例，…，位于东城区: the whole count is the district's.
            emit({ district: tok.name, raw: null }, lastFinding.field, lastFinding.value, [lastFinding.span[0], tok.end], lastFinding.scope, lastFinding.measure);
          } else if (tok.t === "zone" || !tok.short) {
            // 北京化工大学昌平校区报告…1例: a short name inside a name is no subject.
            subject = tok.t === "district" ? { district: tok.name, raw: null } : { district: null, raw: tok.raw };
          }
          break;
        }
        case "scope":
          scope = tok.scope;
          // 本市本土和境外输入病例均无新增: both scopes are ruled out; the zero reader handles it.
          break;
        case "cumulative":
          measure = "cumulative";
          break;
        case "current":
          measure = "current";
          break;
        case "new":
          measure = "new";
          break;
        case "kind": {
          // 确诊病例分布为朝阳区23例: a list of this kind follows.
          if (next?.t === "spread" && tok.kind !== "other") {
            // 社会面筛查察觉的221例新增传染者分布在…: a subgroup's list, not the day's district counts.
            const k = tokens.slice(0, i).map((t) => t.t).lastIndexOf("count");
            const subgroup = k > 0 && tokens[k - 1]?.t === "of" && i - k <= 3;
            list = subgroup ? null : { kind: tok.kind, scope: scope === "all" && list ? list.scope : scope, measure };
          }
          break;
        }
        case "zero": {
          readZero(i);
          break;
        }
        case "count": {
          readCount(i);
          break;
        }
        case "open":
          depth += 1;
          break;
        case "close":
          depth = Math.max(0, depth - 1);
          if (depth === 0) parenSubjects = null;
          break;
        case "sep":
          if (tok.strong && depth === 0) {
            scope = "all";
            measure = "new";
            firstInSentence = true;
          }
          break;
        default:
          break;
      }
    }

    /** Read the count at `i` said of the current subject (not a list entry). */
    function readCount(i: number): void {
      const tok = tokens[i] as Token & { t: "count" };
      const after = tokens[i + 1];
      if (after && (after.t === "transition" || after.t === "approx")) return;
      // 其中1例由无症状感染者转为确诊: a change of status, no new count.
      const clauseEnd = indexWhere(tokens, i + 1, (t) => CLAUSE_END(t) || t.t === "open" || t.t === "and");
      const forward = tokens.slice(i + 1, clauseEnd);
      if (forward.some((t) => t.t === "transition")) return;
      const kindAfter = forward.find((t) => t.t === "kind");
      let kind: Kind | null = null;
      let kindToken: Token | null = null;
      if (kindAfter?.t === "kind" && kindAfter.start - tok.end <= 12) {
        kind = kindAfter.kind;
        kindToken = kindAfter;
        // 另有1例病例治愈出院: 病例 that are counted as discharged.
        const then = tokens[tokens.indexOf(kindAfter) + 1];
        if (then?.t === "kind" && then.kind === "other" && then.start === kindAfter.end) return;
      } else {
        for (let k = i - 1; k >= 0; k--) {
          const t = tokens[k] as Token;
          if (t.t === "sep" || t.t === "and" || t.t === "open" || t.t === "close" || t.t === "count") break;
          if (t.t === "kind") {
            kind = t.kind;
            kindToken = t;
            // 治愈出院病例14例: 病例 of an other kind.
            const before = tokens[k - 1];
            if (before?.t === "kind" && before.kind === "other" && before.end === t.start) return;
            // 与Delta变异株关联的病例37例 / 有湖北接触史的14例: a subgroup, not a count of its own.
            if (tokens[k - 1]?.t === "of" && (tokens[k - 1] as Token).end === t.start) return;
            break;
          }
        }
      }
      if (kind === null || kind === "other") return;
      const sc = (kindToken && scopeNear(kindToken)) ?? scope;
      // 53例本土确诊病例中，…: a header that names the kind of the district list after it.
      if (kindToken && kindToken.start > tok.end && doc.text[kindToken.end] === "中") {
        list = { kind, scope: sc, measure };
        return;
      }
      if (measure === "current") return;
      if (tok.n === null) {
        missingCount(tok.start, tok.end);
        // 新增本土新冠肺炎病毒感染者例 (digits stripped upstream): no value, but the district list after it is of this kind.
        if (subject !== null && subject !== "national" && firstInSentence && depth === 0) {
          list = { kind, scope: sc, measure };
          firstInSentence = false;
        }
        return;
      }
      const n = tok.n;
      const subjects = depth > 0 && parenSubjects ? parenSubjects : subject === null || subject === "national" ? [] : [subject];
      const span: [number, number] = kindToken ? [Math.min(kindToken.start, tok.start), Math.max(kindToken.end, tok.end)] : [tok.start, tok.end];
      for (const subj of subjects) {
        for (const field of fieldsOf(kind)) lastFinding = emit(subj, field, n, span, sc, measure);
      }
      if (subjects.length > 0 && firstInSentence && depth === 0) {
        list = { kind, scope: sc, measure };
        firstInSentence = false;
      }
      if (subject === "national" && firstInSentence) firstInSentence = true;
    }

    /** The scope word right before a kind word (`境外输入确诊病例`, `本土无症状感染者`), if any. */
    function scopeNear(kindToken: Token): CaseScope | null {
      const k = tokens.indexOf(kindToken);
      for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
        const t = tokens[j] as Token;
        if (t.t === "scope") return t.scope;
        if (t.t !== "new" && t.t !== "count") break;
      }
      return null;
    }

    /** A list entry: `朝阳区17例（确诊病例15例、无症状感染者2例）`, `丰台区和海淀区各5例`, `房山区9例（均为确诊病例）`. */
    function readListEntry(subjects: Array<Finding["subject"]>, countTok: Token & { t: "count" }, first: number, countIndex: number): void {
      if (list === null || list.measure === "current") return;
      if (countTok.n === null) {
        missingCount(countTok.start, countTok.end);
        return;
      }
      const startTok = tokens[first] as Token;
      const span: [number, number] = [startTok.start, countTok.end];
      // A parenthetical right after: a split with counts, or the kind of all of them (均为确诊病例).
      const open = tokens[countIndex + 1];
      let kind: Kind = list.kind;
      let other: CaseField | null = null;
      if (open?.t === "open" && open.start === countTok.end) {
        const close = indexWhere(tokens, countIndex + 2, (t) => t.t === "close");
        const inside = tokens.slice(countIndex + 2, close);
        const kinds = inside.filter((t) => t.t === "kind" && t.kind !== "other");
        if (!inside.some((t) => t.t === "count") && kinds.length === 1 && kinds[0]?.t === "kind") {
          kind = kinds[0].kind;
          other = kind === "confirmed" || kind === "cases" ? "asymptomatic" : kind === "asymptomatic" ? "confirmed" : null;
        } else {
          parenSubjects = subjects;
        }
      }
      for (const subj of subjects) {
        for (const field of fieldsOf(kind)) lastFinding = emit(subj, field, countTok.n, span, list.scope, list.measure as CaseMeasure);
        if (other !== null) emit(subj, other, 0, span, list.scope, list.measure as CaseMeasure);
      }
    }

    /** A zero statement (`无新增本土确诊病例、疑似病例和无症状感染者`): each kind of its clause is 0 for the subject. */
    function readZero(i: number): void {
      let from = i;
      while (from > 0 && !CLAUSE_END(tokens[from - 1] as Token)) from--;
      if (zeroClausesDone.has(from)) return;
      zeroClausesDone.add(from);
      const to = indexWhere(tokens, i, CLAUSE_END);
      const clause = tokens.slice(from, to);
      // 连续18天没有新增: a streak, not the day's count; 确诊病例和疑似病例均无新增,无症状感染者新增1例 is split by the comma.
      if (clause.some((t) => t.t === "streak" || (t.t === "count" && t.n !== null))) return;
      const subjects: Array<Finding["subject"]> = [];
      for (const t of clause) {
        if (t.t === "district") subjects.push({ district: t.name, raw: null });
        if (t.t === "city") subjects.push({ district: CITY, raw: null });
      }
      if (subjects.length === 0) {
        if (subject === null || subject === "national") return;
        subjects.push(subject);
      } else subject = subjects[subjects.length - 1] ?? subject;
      const clauseScopes = clause.filter((t) => t.t === "scope").map((t) => (t.t === "scope" ? t.scope : "all"));
      const scopes = clauseScopes.length > 0 ? [...new Set(clauseScopes)] : [scope];
      if (clauseScopes.length > 0) scope = clauseScopes[clauseScopes.length - 1] ?? scope;
      const fields = new Set<CaseField>();
      for (const [k, t] of clause.entries()) {
        if (t.t !== "kind") continue;
        const before = clause[k - 1];
        if (before?.t === "kind" && before.kind === "other" && before.end === t.start) continue;
        // 病例 and 感染者 ruled out: neither confirmed cases nor asymptomatic infections.
        if (t.kind === "confirmed") fields.add("confirmed");
        else if (t.kind === "asymptomatic") fields.add("asymptomatic");
        else if (t.kind === "infections" || t.kind === "cases") {
          fields.add("confirmed");
          fields.add("asymptomatic");
        }
      }
      const first = clause[0] as Token;
      const last = clause[clause.length - 1] as Token;
      for (const subj of subjects) {
        for (const sc of scopes) for (const field of fields) emit(subj, field, 0, [first.start, last.end], sc, measure === "cumulative" ? "cumulative" : "new");
      }
    }
  }

  /**
   * `丰台区和海淀区各5例` / `东城区、海淀区和密云区各2例` / `朝阳区17例` / `经开区91例`: districts (joined by 、和) right before
   * a count, with `各` before it when there are several. Returns null when `i` starts no such chain.
   */
  function districtChain(tokens: Token[], i: number): { subjects: Array<Finding["subject"]>; count: Token & { t: "count" }; countIndex: number } | null {
    const subjects: Array<Finding["subject"]> = [];
    let k = i;
    for (;;) {
      const t = tokens[k];
      if (!t || (t.t !== "district" && t.t !== "zone")) return null;
      subjects.push(t.t === "district" ? { district: t.name, raw: null } : { district: null, raw: t.raw });
      const n = tokens[k + 1];
      const adjacent = (a: Token, b: Token): boolean => doc.text.slice(a.end, b.start).trim() === "";
      if (n && n.t === "and" && adjacent(t, n) && tokens[k + 2] && adjacent(n, tokens[k + 2] as Token)) {
        k += 2;
        continue;
      }
      if (n && n.t === "each" && adjacent(t, n)) {
        const c = tokens[k + 2];
        if (c?.t === "count" && adjacent(n, c)) return { subjects, count: c, countIndex: k + 2 };
        return null;
      }
      if (n && n.t === "count" && adjacent(t, n)) {
        // Several districts without 各 before one count: only the last one is counted.
        return { subjects: subjects.slice(-1), count: n, countIndex: k + 1 };
      }
      return null;
    }
  }

  const built = buildRows(doc, findings);
  return { rows: built.rows, issues: [...issues, ...built.issues] };
}

/** Same district (or zone), scope and measure. */
function sameSubject(a: Omit<CaseRow, "id">, b: Omit<CaseRow, "id">): boolean {
  return a.district === b.district && a.district_raw === b.district_raw && a.measure === b.measure && (a.scope === b.scope || a.scope === "all" || b.scope === "all");
}

function indexWhere(tokens: Token[], from: number, predicate: (t: Token) => boolean): number {
  for (let k = from; k < tokens.length; k++) if (predicate(tokens[k] as Token)) return k;
  return tokens.length;
}

/** Merge findings into rows, fill zeros a complete district list implies, and check sums. */
function buildRows(doc: ParsedDoc, findings: Finding[]): { rows: CaseRow[]; issues: Issue[] } {
  type Draft = Omit<CaseRow, "id">;
  const drafts: Draft[] = [];
  const index = new Map<string, Draft[]>();
  const keyOf = (f: Finding): string => JSON.stringify([f.paragraph, f.subject.district, f.subject.raw, f.date, f.window, f.scope, f.measure]);
  for (const f of findings) {
    const key = keyOf(f);
    const candidates = index.get(key) ?? [];
    let row = candidates.find((r) => r[f.field] === null || r[f.field] === f.value);
    if (!row) {
      row = {
        doc_id: doc.id, span: f.span, date: f.date, window: f.window, scope: f.scope, measure: f.measure,
        district: f.subject.district, district_raw: f.subject.raw, confirmed: null, asymptomatic: null, infections: null,
      };
      drafts.push(row);
      candidates.push(row);
      index.set(key, candidates);
    }
    if (row[f.field] === null) {
      row[f.field] = f.value;
      row.span = [Math.min(row.span[0], f.span[0]), Math.max(row.span[1], f.span[1])];
    }
  }

  // A district list that adds up to the city's total is complete: a district it leaves out, or leaves out of one
  // field, has 0 there (6例本土无症状感染者中，通州区3例，朝阳区2例，丰台区1例 → 房山区 0).
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.measure !== "new") continue;
    const key = JSON.stringify([d.date, d.window, d.scope]);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const rows of groups.values()) {
    const city = rows.filter((r) => r.district === CITY);
    const districts = rows.filter((r) => r.district !== CITY);
    for (const field of ["confirmed", "asymptomatic"] as const) {
      const totals = new Set(city.map((r) => r[field]).filter((v): v is number => v !== null));
      const total = [...totals][0];
      if (totals.size !== 1 || total === undefined) continue;
      const byDistrict = new Map<string, number>();
      for (const r of districts) {
        const v = r[field];
        const name = r.district ?? r.district_raw ?? "";
        if (v !== null) byDistrict.set(name, v);
      }
      const sum = [...byDistrict.values()].reduce((a, b) => a + b, 0);
      if (sum !== total) continue;
      for (const r of districts) if (r[field] === null && !byDistrict.has(r.district ?? r.district_raw ?? "")) r[field] = 0;
    }
  }

  const issues: Issue[] = [];
  // Built at the first mismatch, once, as in extractCases.
  let positionOf: ReturnType<typeof createPositionIndex> | undefined;
  for (const d of drafts) {
    if (d.infections !== null && d.confirmed !== null && d.asymptomatic !== null) {
      if (d.infections !== d.confirmed + d.asymptomatic) {
        positionOf ??= createPositionIndex(doc.original);
        const at = positionOf(doc.toSource[d.span[0]] ?? 0);
        issues.push({
          code: "cases-sum-mismatch",
          severity: "warning",
          path: doc.path,
          line: at.line,
          column: at.column,
          message: `positives do not add up: expected ${d.confirmed} confirmed + ${d.asymptomatic} asymptomatic = ${d.confirmed + d.asymptomatic}, found ${d.infections} in ${quoteFound(doc.text.slice(...d.span))}`,
          hint: "both values are kept; check the source",
        });
      } else {
        d.infections = null;
      }
    }
  }
  // Positives stated apart from their split (title 新增50例…感染者, body 感染者50例（确诊病例42例、无症状感染者8例）).
  for (const d of drafts) {
    if (d.infections === null || d.confirmed !== null || d.asymptomatic !== null) continue;
    const split = drafts.find((o) => sameSubject(o, d) && o.date === d.date && o.confirmed !== null && o.asymptomatic !== null && o.confirmed + o.asymptomatic === d.infections);
    if (split) d.infections = null;
  }
  // A restatement says nothing new: a row (a headline without day, a per-case tally) whose values another row of
  // the same subject already gives, for the same or an unstated day and window, is left out.
  const kept = drafts.filter((d) => d.confirmed !== null || d.asymptomatic !== null || d.infections !== null);
  const subsumed = (a: Draft, b: Draft): boolean =>
    sameSubject(a, b) &&
    (a.date === null || a.date === b.date) &&
    (a.window === null || a.window === b.window) &&
    CASE_FIELDS.every((f) => a[f] === null || a[f] === b[f]);
  const rows = kept
    .filter((a, i) => !kept.some((b, j) => j !== i && subsumed(a, b) && (!subsumed(b, a) || j < i)))
    .sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1])
    .map((d, k): CaseRow => ({ id: `${doc.id}-case-${k + 1}`, ...d }));
  return { rows, issues };
}
