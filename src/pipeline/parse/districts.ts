/**
 * Find the Beijing districts a clean Simplified report is about, from the place names in it.
 *
 * Names are matched longest-first, left to right, against the gazetteer: full district names (海淀区), short
 * names (海淀), hand-written aliases (向阳区 in spun copies), words that tie a text to Beijing (北京, 进京), and
 * streets/towns/communities with their generated aliases (黄村(地区)镇). A name then counts by its context:
 * - a full district name counts unless the text shows it is another city's (郑州市东城区; or, with nothing tying
 *   the text to Beijing, streets that Beijing does not have, as in a notice of 东城区's 半截河街道);
 * - a short name counts after 北京/北京市 (北京朝阳) or right before a place of that district (房山窦店镇);
 * - a street or community counts for its district right after that district's name (海淀四季青镇), or alone when
 *   the name is unambiguous in Beijing and the text is tied to Beijing (北京, 进京, …) or names that district;
 * - a zone (北京经济技术开发区, 经开区) is no district and counts for none.
 */
import type { DistrictAlias, Gazetteer, GazetteerEntry } from "./gazetteer.ts";
import { getGazetteerIndex, getPlaces } from "./gazetteer.ts";

/** A place name found in the text. */
export interface DistrictMention {
  /** official district name the mention counts for */
  district: string;
  /** the text as found, e.g. 海淀区, 海淀, 四季青镇 */
  found: string;
  /** [start, end) in the text searched, code units */
  span: [number, number];
}

export interface DistrictFindings {
  /** official names, in administrative-code order, no duplicates */
  districts: string[];
  /** the mentions that counted, in text order */
  mentions: DistrictMention[];
  /** set when the district names in the text belong to another city: what gave it away, and where */
  otherCity: { reason: string; span: [number, number] } | null;
}

/** What a matched name is. */
type Lexeme =
  | { kind: "district"; district: GazetteerEntry; short: boolean }
  | { kind: "alias"; district: GazetteerEntry; alias: DistrictAlias }
  | { kind: "tie"; alias: DistrictAlias }
  /** a name that tells no district (冬奥村, 亦庄镇): matched only so that no place is read into it */
  | { kind: "other"; alias: DistrictAlias }
  | { kind: "place"; entries: readonly GazetteerEntry[] };

type Token = Lexeme & { span: [number, number]; found: string };

/** A node of the name trie: the names that go on from here by one code unit, and the name that ends here. */
interface TrieNode {
  next: Map<number, TrieNode>;
  lexeme: Lexeme | null;
}

/** The longest-match dictionary of one gazetteer. */
interface Matcher {
  /**
   * the names as a trie of code units: most characters of a report start no name, and slicing out every name length
   * at each of them to look it up was a fifth of the pipeline's time
   */
  trie: TrieNode;
  /** endings of street names (街道, 地区, 镇, 乡), derived from the gazetteer, to spot streets it lacks */
  streetSuffixes: string[];
}

/**
 * Community names shorter than this are not matched alone: 2-character village names (高井, 平房, 清河, 温泉) are
 * ordinary words too.
 */
const MIN_COMMUNITY_NAME_LENGTH = 3;
/** A street ending is one that at least this many Beijing street names share (see streetSuffixesOf). */
const MIN_SUFFIX_STREETS = 10;
/** Longest stem of a street name the text may hold that the gazetteer lacks: 半截河 (街道). */
const MAX_UNKNOWN_STEM = 5;
const HAN = /\p{Script=Han}/u;

// Built once per Gazetteer object and never changed: same input, same answer.
const matchers = new WeakMap<Gazetteer, Matcher>();

/**
 * Endings that mark a street/town name, read off the gazetteer itself: group street names by their last character,
 * keep groups of at least MIN_SUFFIX_STREETS, and use the two-character ending when nearly all of a group share it
 * (街道, 地区), else the last character alone (镇, 乡).
 */
function streetSuffixesOf(gazetteer: Gazetteer): string[] {
  const byLast = new Map<string, string[]>();
  for (const e of gazetteer.entries) {
    if (e.level !== "street") continue;
    const last = e.name.slice(-1);
    byLast.set(last, [...(byLast.get(last) ?? []), e.name]);
  }
  const out: string[] = [];
  for (const [last, names] of byLast) {
    if (names.length < MIN_SUFFIX_STREETS) continue;
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n.slice(-2), (counts.get(n.slice(-2)) ?? 0) + 1);
    const [top, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    out.push(count >= names.length * 0.9 ? top : last);
  }
  return out.sort();
}

function getMatcher(gazetteer: Gazetteer): Matcher {
  const cached = matchers.get(gazetteer);
  if (cached) return cached;
  const lexemes = new Map<string, Lexeme>();
  // Lower ranks win a name two kinds share: 朝阳 is 朝阳区's short name before it is a village of 密云区.
  const rank = (l: Lexeme): number =>
    l.kind === "district" ? (l.short ? 2 : 0) : l.kind === "place" ? 3 : 1;
  const put = (key: string, lexeme: Lexeme): void => {
    const old = lexemes.get(key);
    if (!old || rank(lexeme) < rank(old)) lexemes.set(key, lexeme);
  };
  for (const [name, entries] of getGazetteerIndex(gazetteer).byName) {
    const places = entries.filter((e) => e.level !== "district" && (e.level !== "community" || name.length >= MIN_COMMUNITY_NAME_LENGTH));
    if (places.length > 0) put(name, { kind: "place", entries: places });
  }
  for (const d of gazetteer.districts) {
    put(d.name, { kind: "district", district: d, short: false });
    for (const alias of d.aliases) put(alias, { kind: "district", district: d, short: true });
  }
  const districtByName = new Map(gazetteer.districts.map((d) => [d.name, d]));
  for (const alias of gazetteer.districtAliases) {
    const district = districtByName.get(alias.district);
    if (alias.condition === "beijing-tie") put(alias.alias, { kind: "tie", alias });
    else if (alias.condition === "no-district") put(alias.alias, { kind: "other", alias });
    else if (district) put(alias.alias, { kind: "alias", district, alias });
  }
  const trie: TrieNode = { next: new Map(), lexeme: null };
  for (const [key, lexeme] of lexemes) {
    let node = trie;
    for (let k = 0; k < key.length; k += 1) {
      const code = key.charCodeAt(k);
      let child = node.next.get(code);
      if (child === undefined) node.next.set(code, (child = { next: new Map(), lexeme: null }));
      node = child;
    }
    node.lexeme = lexeme;
  }
  const matcher: Matcher = { trie, streetSuffixes: streetSuffixesOf(gazetteer) };
  matchers.set(gazetteer, matcher);
  return matcher;
}

/** Full-width parentheses as ASCII, one code unit for one, so spans stay valid: 黄村（地区）镇 → 黄村(地区)镇. */
function foldParentheses(text: string): string {
  return text.replace(/（/g, "(").replace(/）/g, ")");
}

/** Every dictionary name in `text`, longest match first, left to right, not overlapping. */
function tokenize(text: string, matcher: Matcher): Token[] {
  const folded = foldParentheses(text);
  const tokens: Token[] = [];
  let i = 0;
  while (i < folded.length) {
    // The longest name starting at i: walk the trie as far as the text goes, remembering the last name passed.
    let node: TrieNode | undefined = matcher.trie;
    let best: Lexeme | null = null;
    let bestEnd = i;
    for (let j = i; j < folded.length; j += 1) {
      node = node.next.get(folded.charCodeAt(j));
      if (node === undefined) break;
      if (node.lexeme !== null) {
        best = node.lexeme;
        bestEnd = j + 1;
      }
    }
    if (best !== null) {
      tokens.push({ ...best, span: [i, bestEnd], found: text.slice(i, bestEnd) });
      i = bestEnd;
    } else {
      i += 1;
    }
  }
  return tokens;
}

/** Whether `token` ties the text to Beijing: a tie word, or a zone (北京经济技术开发区 holds 北京). */
function isTie(token: Token): boolean {
  return token.kind === "tie" || (token.kind === "place" && token.entries.every((e) => e.level === "zone"));
}

/**
 * When the characters right before a full district name end with 市 and are not a Beijing tie, the name is another
 * city's: 郑州市东城区. Returns the evidence, or null.
 */
function otherCityBefore(text: string, token: Token, previous: Token | undefined): DistrictFindings["otherCity"] {
  const [start, end] = token.span;
  if (previous && previous.span[1] === start && isTie(previous)) return null;
  const before = /(\p{Script=Han}{1,4})市$/u.exec(text.slice(Math.max(0, start - 5), start));
  if (!before) return null;
  const from = start - before[0].length;
  return { reason: `${JSON.stringify(text.slice(from, end))} names ${token.found} of a city other than Beijing`, span: [from, end] };
}

/**
 * Street names the gazetteer does not have: a run of 2–MAX_UNKNOWN_STEM Han characters standing alone (after a line
 * start or punctuation) and ending in a street suffix, e.g. `半截河街道办事处:` at the start of a line.
 */
function unknownStreets(text: string, tokens: Token[], matcher: Matcher, gazetteer: Gazetteer): Array<{ name: string; span: [number, number] }> {
  const out: Array<{ name: string; span: [number, number] }> = [];
  for (const suffix of matcher.streetSuffixes) {
    let at = text.indexOf(suffix);
    while (at !== -1) {
      let from = at;
      while (from > 0 && HAN.test(text[from - 1] ?? "")) from -= 1;
      // 东城区天宝路街道: the street starts after a district or tie word. A village name inside the stem does not
      // count (半截河 is a village of 通州区; 半截河街道 is no street of Beijing).
      for (const t of tokens) {
        if (t.kind !== "place" && t.span[1] > from && t.span[1] <= at) from = t.span[1];
      }
      const end = at + suffix.length;
      const name = text.slice(from, end);
      // 在位于军庄镇: the run reaches back over words before a known town; the town is known, so no unknown street.
      const inToken = tokens.some((t) => (t.span[0] <= from && end <= t.span[1]) || (t.span[1] === end && t.span[0] > from));
      // Only a name that heads a line (`半截河街道办事处:` in a notice's list) or follows a district name
      // (东城区天宝路街道) is taken for a street: mid-sentence runs (`听取该镇`) are ordinary words.
      const heads = from === 0 || text[from - 1] === "\n" || tokens.some((t) => t.kind === "district" && t.span[1] === from);
      if (heads && at - from >= 2 && at - from <= MAX_UNKNOWN_STEM && getPlaces(name, gazetteer).length === 0 && !inToken) {
        out.push({ name, span: [from, end] });
      }
      at = text.indexOf(suffix, end);
    }
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * Find the Beijing districts `text` (clean, Simplified) is about, with the mentions that counted and, when the
 * district names belong to another city, why. Never throws; a text without Beijing district names gives
 * `{ districts: [], mentions: [], otherCity: null }`.
 */
export function findDistricts(text: string, gazetteer: Gazetteer): DistrictFindings {
  const matcher = getMatcher(gazetteer);
  const tokens = tokenize(text, matcher);
  const tied = tokens.some(isTie);
  const codeOf = new Map(gazetteer.districts.map((d, i) => [d.name, i]));

  const full: Token[] = [];
  const mentions: DistrictMention[] = [];
  const aliasTokens: Array<Token & { kind: "alias" }> = [];
  /** places that did not follow their district's name, and whether one is a street/town (else a community) */
  const lonePlaces: Array<{ mention: DistrictMention; street: boolean }> = [];
  let foreignPrefix: DistrictFindings["otherCity"] = null;

  tokens.forEach((token, k) => {
    const previous = tokens[k - 1];
    const next = tokens[k + 1];
    const mention = (district: string): DistrictMention => ({ district, found: token.found, span: token.span });
    if (token.kind === "district" && !token.short) {
      const foreign = otherCityBefore(text, token, previous);
      if (foreign) foreignPrefix ??= foreign;
      else full.push(token);
    } else if (token.kind === "district" || token.kind === "alias") {
      // 北京朝阳 / 北京市朝阳, or 房山窦店镇: a short name is a district in such company (大兴 also means
      // "to promote widely", 朝阳 "the morning sun").
      const afterTie = previous !== undefined && previous.span[1] === token.span[0] && isTie(previous);
      const beforePlace =
        next !== undefined &&
        next.span[0] === token.span[1] &&
        next.kind === "place" &&
        next.entries.some((e) => e.district === token.district.name);
      if (afterTie || beforePlace || (token.kind === "alias" && token.alias.condition === "with-beijing-tie" && tied)) {
        mentions.push(mention(token.district.name));
      } else if (token.kind === "alias" && token.alias.condition === "with-other-districts") {
        aliasTokens.push(token);
      }
    } else if (token.kind === "place") {
      // 半截河街道: a village name (半截河, 通州区) that is the stem of a street Beijing lacks names no place here.
      if (matcher.streetSuffixes.some((suffix) => text.startsWith(suffix, token.span[1]))) return;
      const places = token.entries.filter((e) => e.level !== "zone");
      const districtBefore =
        previous !== undefined && previous.span[1] === token.span[0] && (previous.kind === "district" || previous.kind === "alias")
          ? previous.district.name
          : null;
      const inDistrictBefore = places.filter((e) => e.district === districtBefore);
      const districts = new Set(places.map((e) => e.district));
      if (districtBefore !== null && inDistrictBefore.length > 0) mentions.push(mention(districtBefore));
      else if (districts.size === 1) {
        lonePlaces.push({ mention: mention([...districts][0] ?? ""), street: places.some((e) => e.level === "street") });
      }
    }
  });

  // Nothing ties the text to Beijing: streets Beijing lacks, or 郑州市东城区, make its district names another city's.
  const supported = new Set(mentions.map((m) => m.district));
  const unknown = tied ? [] : unknownStreets(text, tokens, matcher, gazetteer);
  const firstUnknown = unknown[0];
  const otherCity: DistrictFindings["otherCity"] =
    foreignPrefix ??
    (firstUnknown
      ? {
          reason: `${JSON.stringify(firstUnknown.name)} is not a street of ${full.map((t) => t.found).filter((v, i, a) => a.indexOf(v) === i).join("、") || "Beijing"} in Beijing, and nothing in the text ties it to Beijing`,
          span: firstUnknown.span,
        }
      : null);
  const foreign = !tied && otherCity !== null;
  for (const token of full) {
    if (token.kind !== "district") continue;
    if (!foreign || supported.has(token.district.name)) mentions.push({ district: token.district.name, found: token.found, span: token.span });
  }
  const named = new Set(mentions.map((m) => m.district));
  // 古北口镇 alone is 密云区's unless the text turned out to be another city's; a community alone (松榆西里) needs the
  // text tied to Beijing, or its district named, since village names repeat across the country.
  for (const { mention, street } of lonePlaces) {
    const known = named.has(mention.district);
    if (known || tied || (street && !foreign)) mentions.push(mention);
  }
  // 向阳区 counts for 朝阳区 only beside other Beijing districts.
  for (const token of aliasTokens) {
    if ([...named].some((d) => d !== token.district.name)) mentions.push({ district: token.district.name, found: token.found, span: token.span });
  }

  mentions.sort((a, b) => a.span[0] - b.span[0]);
  const districts = [...new Set(mentions.map((m) => m.district))].sort((a, b) => (codeOf.get(a) ?? 0) - (codeOf.get(b) ?? 0));
  return { districts, mentions, otherCity: districts.length === 0 ? otherCity : null };
}
