/**
 * Find named places in a parsed report, with the district, street, control status and change the text gives them.
 * Shared by places.ts (one row per place) and riskAreas.ts (one row per announced area).
 *
 * Two readings, both driven by data/reference/place-words.csv and the gazetteer:
 * - list items: in a sentence that gives a status (`…,以上区域划定为封控区`) or a paragraph under a status heading
 *   (`?高风险地区` / `中风险地区共有37个,…具体如下:`), each item between 、,;: that starts with a district or street
 *   (`建外街道光辉南里小区`) or holds a place word is one area: `窦店镇于庄村(由中风险调为高风险)`;
 * - names in running text: a place word (社区, 小区, 村, 大学, …) ends a name that starts after a boundary word or
 *   punctuation (`蔡奇首先来到北京理工大学`), gazetteer names first (`和平里街道` is not split at 和).
 * District: the gazetteer entry (narrowed by a district or street written before it and by the report's districts),
 * else a district written before it (`房山区长阳镇…`) or heading its list line (`朝阳区:`), else the last district
 * named earlier in the sentence, else the report's district when it names exactly one. A report that names no
 * Beijing district (another city's 东城区) gets no district.
 */
import type { ParsedDoc } from "../records.ts";
import type { Gazetteer, GazetteerEntry } from "../parse/gazetteer.ts";
import { findDistrict, getGazetteerIndex } from "../parse/gazetteer.ts";
import { findDistricts, type DistrictMention } from "../parse/districts.ts";
import type { PlaceStatus, PlaceWords } from "./placeWords.ts";
import { stripAreaEnding } from "./placeWords.ts";

/** A place named in the text. */
export interface PlaceMention {
  /** the name as written, without district/street prefix, tails (3号楼) and notes ((新)) */
  name: string;
  /** [start, end) of `name` in the clean text */
  span: [number, number];
  /** kind from the place word that ends the name, or 其他 for a list item without one */
  kind: string;
  district: string | null;
  street: string | null;
  status: PlaceStatus | null;
  change: "added" | "lifted" | null;
  /** [start, end) of the area as listed: the name with its building tail and continuations (光华里1号楼、乙1号楼) */
  areaSpan: [number, number];
  /** whether it was read as an item of a status list (the area is announced) */
  listed: boolean;
}

/** A list item read as a place and left out, with why: a reader cannot trust it as a Beijing place. */
export interface DroppedPlace {
  /** the item as written */
  name: string;
  /** [start, end) of `name` in the clean text */
  span: [number, number];
  /** other-city: another city's place (`高碑店市乡方家园林`); garbled: a spun copy's garble of a gazetteer name */
  reason: "other-city" | "garbled";
  /** garbled: the gazetteer name it differs from by one character (武圣东里 for 武胜东里); else null */
  likely: string | null;
}

/** What findPlaceMentions reads in one document. */
export interface PlaceMentions {
  /** sorted by position */
  mentions: PlaceMention[];
  /** items left out, in text order */
  dropped: DroppedPlace[];
}

const NAME_CHAR = /[\p{Script=Han}0-9A-Za-z()（）\-]/u;
const ITEM_SEPARATORS = new Set(["、", "，", ",", "；", ";", "：", ":", "。", "！", "？", "\n", " ", "\u3000", "|", "【", "】", "“", "”", "《", "》", "?"]);
const NUMBER_CHAR = /[0-9一二三四五六七八九十甲乙丙丁东西南北-]/u;
/** Longest name a place word may end when nothing else bounds it (characters before the place word). */
const MAX_STEM = 12;
/** Longest list item read as one area. */
const MAX_ITEM = 30;
const KIND_OTHER = "其他";
const HAN = /\p{Script=Han}/u;
/** Buildings without their estate: 乙1号楼, 7-14号楼, 264单元, 21排. */
const BUILDINGS = /^[0-9A-Za-z甲乙丙丁一二三四五六七八九十\-]+(?:号楼|单元|排)$/u;
/** What readListItem gives for an item it read and rejects: no place, and no name for the reading of running text. */
const DROPPED = Symbol("dropped");
/** Whether every ( or （ in `s` is closed. */
function bracketsBalanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === "(" || c === "（") depth++;
    else if (c === ")" || c === "）") depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
const hanCount = (s: string): number => Array.from(s).filter((c) => HAN.test(c)).length;

interface Resolved {
  district: string | null;
  street: string | null;
}

/** Context of one paragraph that heads or continues a list of areas. */
interface ListState {
  status: PlaceStatus | null;
  change: "added" | "lifted" | null;
  district: string | null;
  street: string | null;
}

/**
 * Find the places named in `doc`, sorted by position, and the list items left out as another city's or garbled
 * (`dropped`, for the caller to report). `allDistrictMentions` is `findDistricts(doc.text, gazetteer).mentions` when
 * the caller has it already (extractDocument does: finding them is the costliest step for a long report); absent,
 * they are found here. Never throws; both lists are empty when the report names no place.
 */
export function findPlaceMentions(doc: ParsedDoc, gazetteer: Gazetteer, words: PlaceWords, allDistrictMentions?: readonly DistrictMention[]): PlaceMentions {
  const text = doc.text;
  const index = getGazetteerIndex(gazetteer);
  const beijing = new Set(doc.districts);
  const districtMentions = doc.districts.length === 0 ? [] : (allDistrictMentions ?? findDistricts(text, gazetteer).mentions).filter((m) => beijing.has(m.district));
  const out: PlaceMention[] = [];
  const dropped: DroppedPlace[] = [];
  const isStreetKind = (kind: string): boolean => words.streetKinds.has(kind);
  /** `半截河街道办事处` → `半截河街道`: the office word is no part of the street's name. */
  const stripOffice = (s: string): string => {
    const office = words.offices.find((w) => s.endsWith(w) && s.length > w.length);
    return office ? s.slice(0, -office.length) : s;
  };
  /**
   * Length of a road written at the start of `s` (南海街 in 南海街瑞贝卡兴天下小区, 八一路 in 八一路祥瑞小区): one to four
   * Han characters, fewest first, then a road word that does not begin a longer place word (街 in 街道). 0 when none.
   */
  const roadPrefixLength = (s: string): number => {
    for (let n = 1; n <= 4 && HAN.test(s[n - 1] ?? ""); n++) {
      const road = words.roads.find((r) => s.startsWith(r, n));
      if (road && !words.kinds.some((k) => k.suffix.length > road.length && s.startsWith(k.suffix, n))) return n + road.length;
    }
    return 0;
  };
  /** `高碑店市乡方家园林`: two to four Han characters, a city ending and a division start another city's place. */
  const isOtherCity = (name: string): boolean => {
    if (words.capitals.some((c) => name.startsWith(c))) return false;
    for (let n = 2; n <= 4 && HAN.test(name[n - 1] ?? ""); n++) {
      const city = words.citySuffixes.find((c) => name.startsWith(c, n));
      if (city && words.divisions.some((d) => name.startsWith(d, n + city.length))) return true;
    }
    return false;
  };
  let list: ListState | null = null;

  // Most characters begin no status word, and every character is looked at twice (its paragraph, its sentence).
  const statusStarts = new Set(words.statuses.map((s) => s.word[0]));
  const statusAt = (start: number, end: number): Array<{ at: number; status: PlaceStatus }> => {
    const found: Array<{ at: number; status: PlaceStatus }> = [];
    let depth = 0;
    for (let i = start; i < end; i++) {
      const c = text[i]!;
      if (c === "(" || c === "（") depth++;
      else if (c === ")" || c === "）") depth = Math.max(0, depth - 1);
      if (depth > 0 || !statusStarts.has(c)) continue;
      const hit = words.statuses.find((s) => text.startsWith(s.word, i));
      if (hit && i + hit.word.length <= end) {
        found.push({ at: i, status: hit.status });
        i += hit.word.length - 1;
      }
    }
    return found;
  };
  const changeIn = (s: string): "added" | "lifted" | null =>
    words.lifted.some((w) => s.includes(w)) ? "lifted" : words.added.some((w) => w.length >= 2 && s.includes(w)) ? "added" : null;

  /** District and street of a name, from gazetteer entries and what was written before it. */
  const resolve = (entries: readonly GazetteerEntry[], prefix: Resolved & { streetOfficial: string | null }, name: [number, number], sentence: [number, number], heading: ListState | null): Resolved => {
    const [at, nameEnd] = name;
    if (doc.districts.length === 0) return { district: null, street: prefix.street ?? heading?.street ?? null };
    let pool = entries.filter((e) => beijing.has(e.district));
    if (prefix.district) pool = pool.filter((e) => e.district === prefix.district);
    if (prefix.streetOfficial) pool = pool.filter((e) => e.street === prefix.streetOfficial || e.name === prefix.streetOfficial);
    const districts = [...new Set(pool.map((e) => e.district))];
    if (districts.length === 0 && prefix.streetOfficial) districts.push(...new Set(entriesOfStreet(prefix.streetOfficial)));
    if (districts.length === 1) {
      const streets = [...new Set(pool.map((e) => (e.level === "community" ? e.street : e.level === "street" ? e.name : null)))];
      return { district: districts[0]!, street: prefix.street ?? (streets.length === 1 ? streets[0]! : null) };
    }
    // A district inside the name counts as written before it: 北京化工大学昌平校区 is in 昌平区.
    const paraStart = doc.paragraphs.find(([a, b]) => a <= at && at < b)?.[0] ?? sentence[0];
    const district =
      prefix.district ??
      heading?.district ??
      districtMentions.filter((m) => m.span[0] >= sentence[0] && m.span[0] < nameEnd).at(-1)?.district ??
      (doc.districts.length === 1 ? doc.districts[0]! : null) ??
      // `北京化工大学东校区地处朝阳区`, `首都机场及周边…,顺义都已完成核酸检测`: the sentence names it after.
      districtMentions.find((m) => m.span[0] >= nameEnd && m.span[0] < sentence[1])?.district ??
      // `…莲竹花园小区正在接受专家评估` in a paragraph about 顺义.
      districtMentions.filter((m) => m.span[0] >= paraStart && m.span[0] < at).at(-1)?.district ??
      null;
    return { district, street: prefix.street ?? heading?.street ?? null };
  };

  const entriesOfStreet = (official: string): string[] => (index.byName.get(official) ?? []).filter((e) => e.level === "street" && beijing.has(e.district)).map((e) => e.district);

  /** Read district/street prefixes from `start`: 北京市朝阳区十八里店乡…; returns where the name starts. */
  // `whole`: the prefix may run up to `limit` (running text, where `limit` is where a gazetteer name starts); a list
  // item keeps at least one character for its name.
  const readPrefix = (start: number, limit: number, whole = false): { at: number; streetOfficial: string | null } & Resolved => {
    let at = start;
    let district: string | null = null;
    let street: string | null = null;
    let streetOfficial: string | null = null;
    for (let guard = 0; guard < 4 && at < limit; guard++) {
      let moved = false;
      for (const len of [4, 3, 2]) {
        const d = at + len <= limit ? findDistrict(text.slice(at, at + len), gazetteer) : undefined;
        // 海淀街道 is a street, not the district 海淀 and then 街道.
        const streetHere = (index.byName.get(text.slice(at, at + len + 2)) ?? []).some((e) => e.level === "street");
        if (d && district === null && !streetHere) {
          district = d.name;
          at += len;
          moved = true;
          break;
        }
      }
      if (!moved && street === null) {
        for (let len = Math.min(12, limit - at - (whole ? 0 : 1)); len >= 2; len--) {
          const hits = (index.byName.get(text.slice(at, at + len)) ?? []).filter((e) => e.level === "street" && (district === null || e.district === district));
          if (hits.length > 0) {
            // The street as written (花乡(地区)乡, 窦店镇), without 办事处: what a reader would look for.
            street = stripOffice(text.slice(at, at + len));
            streetOfficial = hits[0]!.name;
            district ??= hits.length === 1 || new Set(hits.map((h) => h.district)).size === 1 ? hits[0]!.district : null;
            at += len;
            // `八里庄街道办红庙北里`: the office word after a street the gazetteer has no 街道办 alias for.
            const office = words.offices.find((w) => street === stripOffice(street!) && text.startsWith(w, at) && at + w.length < limit);
            if (office) at += office.length;
            moved = true;
            break;
          }
        }
      }
      const capital = moved ? undefined : words.capitals.find((c) => text.startsWith(c, at));
      if (capital !== undefined) {
        const len = capital.length;
        const next = text.slice(at + len, at + len + 4);
        if ([4, 3, 2].some((l) => findDistrict(next.slice(0, l), gazetteer))) {
          at += len;
          moved = true;
        }
      }
      if (!moved) break;
    }
    return { at, district, street, streetOfficial };
  };

  /** End of building tails after `at` (3号楼262单元, 、乙1号楼); returns `at` when there are none. */
  const readTails = (at: number, end: number): number => {
    let pos = at;
    for (;;) {
      let p = pos;
      if (p > at && text[p] === "、") p++;
      const numStart = p;
      while (p < end && NUMBER_CHAR.test(text[p]!)) p++;
      if (p === numStart) return pos;
      const tail = words.tails.find((t) => text.startsWith(t, p));
      if (!tail || p + tail.length > end) return pos;
      pos = p + tail.length;
    }
  };

  /** Kind word ending exactly at `end`. */
  const kindEndingAt = (end: number, start: number) => words.kinds.find((k) => end - k.suffix.length >= start && text.startsWith(k.suffix, end - k.suffix.length));
  const spun = words.kinds.some((k) => k.strength === "spun" && text.includes(k.suffix));
  // Communities of each street, names without their endings (社区, 小区), built on first use.
  let byStreet: Map<string, string[]> | null = null;
  /**
   * In a spun copy (a report that writes a `kind-spun` word: synonym-substitution tools rewrite 社区 as 居住区 and
   * swap characters of names too), the gazetteer community of `street` that `name` differs from in exactly one
   * character, of the same length (3 or more), when the gazetteer lacks `name` itself and the text never writes the
   * community: the name is then most likely a garble of it. undefined otherwise. A community the text also names
   * is a real neighbour with a similar name, not the original of a garble.
   */
  const findGarbledOriginal = (name: string, street: string): string | undefined => {
    if (byStreet === null) {
      byStreet = new Map();
      for (const e of gazetteer.entries) {
        if (e.level !== "community" || e.street === null || !beijing.has(e.district)) continue;
        const list = byStreet.get(e.street) ?? [];
        list.push(stripAreaEnding(e.name, words), ...e.aliases.map((a) => stripAreaEnding(a, words)));
        byStreet.set(e.street, list);
      }
    }
    const bare = stripAreaEnding(name, words);
    const known = byStreet.get(street) ?? [];
    if (bare.length < 3 || known.includes(bare)) return undefined;
    return known.find((g) => g.length === bare.length && Array.from(g).filter((c, k) => c !== bare[k]).length === 1 && !text.includes(g));
  };
  /** Whether a gazetteer street or community name of 3 or more characters starts at `at` (before `limit`). */
  const startsWithGazetteerName = (at: number, limit: number): boolean => {
    for (let len = Math.min(12, limit - at); len >= 3; len--) if ((index.byName.get(text.slice(at, at + len)) ?? []).length > 0) return true;
    return false;
  };
  const isGeneric = (stem: string): boolean => words.generics.some((g) => stem.endsWith(g));
  const isStop = (stem: string): boolean => stem.length < 2 || words.stops.has(stem) || [...words.stops].some((s) => stem.startsWith(s) && s.length >= 2 && stem.length <= s.length + 1);

  // The sentences are in text order, so each paragraph's are the run after the previous paragraph's (filtering all
  // of them for every paragraph was most of this function's time on a notice of a thousand lines).
  let nextSentence = 0;
  doc.paragraphs.forEach(([pStart, pEnd]) => {
    const para = text.slice(pStart, pEnd);
    // A heading of a list: `?高风险地区`, `中风险地区共有37个,…具体如下:`; list lines have no full stop.
    const paraStatuses = statusAt(pStart, pEnd);
    const isHeading = paraStatuses.length > 0 && (/[:：]\s*$/.test(para) || para.length <= 15);
    // `朝阳区:3个`, `东城区:天坛街道、…`, `半截河街道办事处:一品蓝湾小区…`: the district or street of the lines after it.
    const head = /^([^\s:：,，、]{2,12})[:：]/u.exec(para);
    // A list ends at a paragraph of prose; a line under a heading (`半截河街道办事处:…小区6号楼。`) continues it.
    if (list && ((!head && para.includes("。")) || para.length > 400)) list = null;
    let headDistrict: string | null = null;
    let headStreet: string | null = null;
    if (head) {
      const d = findDistrict(head[1]!, gazetteer);
      if (d) headDistrict = d.name;
      else if (words.kinds.some((k) => isStreetKind(k.kind) && head[1]!.endsWith(k.suffix))) {
        headStreet = stripOffice(head[1]!);
      }
    }
    if (head && list) list = { ...list, district: headDistrict ?? list.district, street: headStreet };
    const listHere: ListState | null = isHeading
      ? null
      : list ?? (headDistrict || headStreet ? { status: null, change: null, district: headDistrict, street: headStreet } : null);

    while (nextSentence < doc.sentences.length && doc.sentences[nextSentence]!.span[0] < pStart) nextSentence++;
    const sentences: typeof doc.sentences = [];
    for (let k = nextSentence; k < doc.sentences.length && doc.sentences[k]!.span[0] <= pEnd; k++) {
      if (doc.sentences[k]!.span[1] <= pEnd) sentences.push(doc.sentences[k]!);
    }
    for (const sentence of sentences) {
      const [sStart, sEnd] = sentence.span;
      const statuses = statusAt(sStart, sEnd);
      const sentenceChange = changeIn(text.slice(sStart, sEnd));
      const covered: Array<[number, number]> = [];
      /**
       * The status of a name at [at, end): the first status after it in its clause (`…,以上区域划定为封控区`,
       * `6号楼解除封控;`), else the last before it (`高风险地区共有4个,即…`), else the sentence's or list's; the
       * change is read between the name and a status after it, else in the whole sentence.
       */
      const statusFor = (at: number, end: number): { status: PlaceStatus | null; change: "added" | "lifted" | null } => {
        let clauseEnd = sEnd;
        for (const stop of ["。", "；", ";"]) {
          const k = text.indexOf(stop, end);
          if (k >= 0 && k < clauseEnd) clauseEnd = k;
        }
        // `由中风险调整为高风险`: the status after 由 is the one it leaves.
        // A status after the name is its own when a verb ties them (划定为, 解除, 作为) or nothing stands between
        // (`西冉村管控区解封`); `…熙典华庭社区在发现病例后已迅速落实封(管)控措施,…人员管控` is no status.
        const after = statuses.find((s) => s.at >= end && s.at < clauseEnd && text[s.at - 1] !== "由");
        const gap = after ? text.slice(end, after.at) : "";
        if (after && (gap.length <= 1 || gap.includes("为") || changeIn(gap) !== null)) {
          return { status: after.status, change: changeIn(text.slice(end, after.at + 5)) ?? sentenceChange };
        }
        const status = statuses.filter((s) => s.at < at).at(-1)?.status ?? listHere?.status ?? null;
        return { status, change: sentenceChange };
      };
      const inList = statuses.length > 0 || (listHere !== null && listHere.status !== null) || (listHere !== null && doc.districts.length === 0 && listHere.street !== null);

      // List items.
      let lastPrefix: ({ streetOfficial: string | null } & Resolved) | null = null;
      if (inList) {
        let itemStart = sStart;
        for (let i = sStart; i <= sEnd; i++) {
          const c = i < sEnd ? text[i]! : "。";
          // `右安门街道和长辛店街道`: 和 between a place word and a gazetteer name parts two items.
          const joins = (c === "及" && i > itemStart) || (c === "和" && kindEndingAt(i, itemStart) !== undefined && startsWithGazetteerName(i + 1, sEnd));
          if (!ITEM_SEPARATORS.has(c) && !joins) continue;
          // `美利新世界小区6号楼解除封控`: the item ends where what is done to it begins.
          let itemEnd = i;
          for (let k = itemStart + 2, depth = 0; k < i; k++) {
            if (text[k] === "(" || text[k] === "（") depth++;
            else if (text[k] === ")" || text[k] === "）") depth--;
            if (depth > 0) continue;
            // A status word starting at k (one startsWith test per word, not a scan to i).
            const statusHere = words.statuses.some((st) => text.startsWith(st.word, k) && k + st.word.length <= i);
            if ([...words.lifted, ...words.added].some((w) => w.length >= 2 && text.startsWith(w, k)) || (statusHere && text[k - 1] !== "由")) {
              itemEnd = k;
              break;
            }
          }
          const item = readListItem(itemStart, itemEnd);
          const previous = out.at(-1);
          // `光华里1号楼、乙1号楼、…`, `3号楼263单元、264单元`: a bare building continues the area listed before it.
          if (item === null && previous?.listed && previous.areaSpan[1] === itemStart - 1 && BUILDINGS.test(text.slice(itemStart, itemEnd))) {
            previous.areaSpan = [previous.areaSpan[0], itemEnd];
            covered.push([itemStart, i]);
          } else if (item === DROPPED) covered.push([itemStart, i]);
          else if (item) {
            out.push(item);
            covered.push([itemStart, i]);
          }
          itemStart = i + 1;
        }
      }

      function readListItem(start: number, end: number): PlaceMention | typeof DROPPED | null {
        if (end - start < 2 || end - start > MAX_ITEM) return null;
        let s = start;
        // Cut after the last boundary word: `即丰台区花乡(地区)乡`, `以及房山区长阳镇…`.
        for (let i = end - 1; i >= s; i--) {
          const b = words.boundaries.find((w) => w.length >= 1 && text.startsWith(w, i - w.length + 1) && i - w.length + 1 >= s);
          if (b && !/[和及与的]/u.test(b)) {
            s = i + 1;
            break;
          }
        }
        // `右安门街道和长辛店街道`: 和/与 joins two items unless the gazetteer has a name with it (和平里街道).
        if ((text[s] === "和" || text[s] === "与") && end - s > 3 && (index.byName.get(text.slice(s, end)) ?? []).length === 0 && !(index.byName.get(text.slice(s, s + 3)) ?? []).length) s++;
        const own = readPrefix(s, end);
        // An item without its own street takes the one of the item before it: `建外街道光华里1号楼、…、金茂公寓`.
        const inherit = own.district === null && own.street === null && lastPrefix !== null && kindEndingAt(end, own.at) !== undefined;
        const prefix = inherit ? { ...lastPrefix!, at: own.at } : own;
        const raw = text.slice(prefix.at, end);
        if (statusAt(prefix.at, end).length > 0 || changeIn(raw.replace(/[(（][^)）]*[)）]/gu, "")) !== null) return null;
        // Notes in brackets: `(新)`, `(由中风险调为高风险)` are no part of the name; `(除封控区外)` is part of the area.
        let nameEnd = end;
        let areaEnd = end;
        let change: "added" | "lifted" | null = null;
        const note = /[(（]([^()（）]*)[)）]$/u.exec(raw);
        if (note) {
          const inner = note[1]!;
          // `(新)`: a one-word note that is an added word marks a newly listed area.
          const noteChange = words.added.includes(inner) ? "added" : changeIn(inner);
          if (noteChange !== null || words.notes.some((w) => inner.includes(w))) {
            change = noteChange;
            nameEnd = areaEnd = end - note[0].length;
          } else nameEnd = end - note[0].length;
        }
        // Strip building tails off the name: 光华里1号楼 → 光华里.
        let cut = nameEnd;
        for (let i = prefix.at + 1; i < nameEnd; i++) {
          if (readTails(i, nameEnd) === nameEnd && NUMBER_CHAR.test(text[i]!) && !NUMBER_CHAR.test(text[i - 1]!)) {
            cut = i;
            break;
          }
        }
        // A heading (`半截河街道办事处:`) gives the street of the items after it; it is no item.
        if (text[end] === ":" || text[end] === "：") return null;
        // `光辉里小区各楼宇`, `月季园小区其他区域`: a place word followed by 各/全/其他 ends the name.
        for (let k = prefix.at + 2; k < cut; k++) {
          const kw = words.kinds.find((w) => w.strength === "strong" && text.startsWith(w.suffix, k) && k + w.suffix.length < cut);
          const stop = kw ? [...words.stops].find((w) => text.startsWith(w, k + kw.suffix.length)) : undefined;
          if (kw && stop) {
            cut = k + kw.suffix.length;
            // 各楼宇/全部 cover the whole estate; 其他区域 is a part of it and stays in the area.
            if (words.wholeStops.has(stop)) areaEnd = cut;
            break;
          }
        }
        let nameStart = prefix.at;
        // `南海街瑞贝卡兴天下小区`, `八一路祥瑞小区`: a road before an estate is its address, no part of its name.
        const road = roadPrefixLength(text.slice(nameStart, cut));
        if (road > 0 && (index.byName.get(text.slice(nameStart, cut)) ?? []).length === 0 && kindEndingAt(cut, nameStart + road) && hanCount(text.slice(nameStart + road, cut)) >= 4) {
          nameStart += road;
        }
        const name = text.slice(nameStart, cut);
        if (hanCount(name) < 2 || !Array.from(name).every((ch) => NAME_CHAR.test(ch)) || name.includes("的")) return null;
        // `高碑店市乡方家园林`: a city other than Beijing before a township is another city's place, or a garbled one.
        if (isOtherCity(name)) {
          dropped.push({ name, span: [nameStart, cut], reason: "other-city", likely: null });
          return DROPPED;
        }
        const kindWord = kindEndingAt(cut, nameStart);
        const hasPrefix = prefix.district !== null || prefix.street !== null;
        const gaz = index.byName.get(name) ?? [];
        // Without a district/street before it or a gazetteer name, an item is left to the reading of running text.
        // Under a district heading (`丰台区:…、长辛店镇、…`) an item ending in a place word is a place.
        const underDistrict = (listHere?.district != null || listHere?.street != null) && kindWord !== undefined && kindWord.strength === "strong";
        if (!hasPrefix && gaz.length === 0 && !underDistrict) return null;
        if (name.length > MAX_STEM + 4 || words.boundaries.some((b) => b.length >= 2 && name.includes(b))) return null;
        if (kindWord && isStop(name.slice(0, name.length - kindWord.suffix.length))) return null;
        if (prefix.district !== null && prefix.street === null && !kindWord && gaz.length === 0 && !listHere) return null;
        // `大兴西红门镇先后(升为…)`: two characters after a street, without a place word, are no name.
        if (!kindWord && gaz.length === 0 && hanCount(name) <= 2) return null;
        let nameOut = name;
        let kind = kindWord?.kind ?? KIND_OTHER;
        if (kindWord?.strength === "spun") nameOut = name.slice(0, name.length - kindWord.suffix.length);
        // `潘家园街道办武胜东里` beside the gazetteer's 武圣东里 of that street: a garbled (spun) name a reader cannot trust.
        // Only in a spun copy (one that writes a spun place word such as 居住区): real neighbours differ so too
        // (美利新世界 / 美丽新世界, 022).
        const likely = spun && gaz.length === 0 && prefix.streetOfficial !== null ? findGarbledOriginal(nameOut, prefix.streetOfficial) : undefined;
        if (likely !== undefined) {
          dropped.push({ name: nameOut, span: [nameStart, nameStart + nameOut.length], reason: "garbled", likely });
          return DROPPED;
        }
        lastPrefix = { district: prefix.district, street: prefix.street, streetOfficial: prefix.streetOfficial };
        const resolved = resolve(gaz, prefix, [nameStart, cut], [sStart, sEnd], listHere);
        const streetSelf = kindWord && isStreetKind(kind) && !prefix.street ? { street: gaz.find((e) => e.level === "street")?.name ?? nameOut } : {};
        return {
          name: nameOut,
          span: [nameStart, nameStart + nameOut.length],
          kind,
          ...resolved,
          ...streetSelf,
          status: statusFor(nameStart, end).status,
          change: change ?? statusFor(nameStart, end).change ?? listHere?.change ?? null,
          // The area leaves out the street before it (labels give it apart) and a spun 居住区 after it.
          areaSpan: [nameStart, kindWord?.strength === "spun" && areaEnd === cut ? nameStart + nameOut.length : areaEnd],
          listed: true,
        };
      }

      // Names in running text.
      for (let i = sStart; i < sEnd; i++) {
        let kindWord = words.kinds.find((k) => text.startsWith(k.suffix, i) && i + k.suffix.length <= sEnd);
        if (!kindWord) continue;
        let end = i + kindWord.suffix.length;
        // `莲竹花园小区`: a kind word right after another ends the name, and tells the kind.
        const next = kindWord.strength === "name" ? undefined : words.kinds.find((k) => k.strength === "strong" && text.startsWith(k.suffix, end) && end + k.suffix.length <= sEnd);
        if (next) {
          i = end;
          end += next.suffix.length;
          kindWord = next;
        }
        if (covered.some(([a, b]) => i >= a && end <= b)) continue;
        // A name on its own (经开区, 首都机场), with 北京 when written before it.
        if (kindWord.strength === "name") {
          const nameStart = text.startsWith("北京", i - 2) && i - 2 >= sStart ? i - 2 : i;
          const nameSpan: [number, number] = [nameStart, end];
          const none = { district: null, street: null, streetOfficial: null };
          out.push({
            name: text.slice(nameStart, end),
            span: nameSpan,
            kind: kindWord.kind,
            ...(kindWord.noDistrict || doc.districts.length === 0 ? { district: null, street: null } : resolve([], none, nameSpan, [sStart, sEnd], listHere)),
            status: null,
            change: null,
            areaSpan: nameSpan,
            listed: false,
          });
          i = end - 1;
          continue;
        }
        let left = i;
        while (left > sStart && i - left < MAX_STEM + 8 && NAME_CHAR.test(text[left - 1]!)) left--;
        // Gazetteer name ending here, longest first.
        let gazStart = -1;
        for (let k = left; k < i; k++) {
          if ((index.byName.get(text.slice(k, end)) ?? []).length > 0 && end - k >= 3) {
            gazStart = k;
            break;
          }
        }
        let cutAt = left;
        const searchEnd = gazStart >= 0 ? gazStart : i;
        for (let k = searchEnd; k >= left; k--) {
          const b = words.boundaries.find((w) => k - w.length >= left && text.startsWith(w, k - w.length));
          if (b) {
            cutAt = k;
            break;
          }
        }
        const prefix = readPrefix(cutAt, gazStart >= 0 ? gazStart : i, gazStart >= 0);
        let nameStart = prefix.at;
        let entries: readonly GazetteerEntry[] = [];
        if (gazStart >= 0 && prefix.at === gazStart) entries = index.byName.get(text.slice(gazStart, end)) ?? [];
        else if (gazStart >= 0 && prefix.at < gazStart) nameStart = prefix.at;
        // A street, town or township is named only as the gazetteer has it: `过天宫院街道` is 天宫院街道, `听取该镇` none.
        if (isStreetKind(kindWord.kind) && !entries.some((e) => e.level === "street")) {
          let found = -1;
          for (let k = nameStart; k <= i - 2 && found < 0; k++) {
            if ((index.byName.get(text.slice(k, end)) ?? []).some((e) => e.level === "street" && beijing.has(e.district))) found = k;
          }
          if (found < 0) continue;
          nameStart = found;
          entries = index.byName.get(text.slice(found, end)) ?? [];
        }
        const stem = text.slice(nameStart, i);
        if (entries.length === 0) {
          // A weak kind word ends a name only right after a district: `来到昌平区回天地区`.
          if (kindWord.strength === "weak" && !(prefix.district !== null && prefix.street === null && prefix.at === nameStart && hanCount(stem) >= 2 && statusAt(nameStart, end).length === 0)) continue;
          if (isStop(stem) || isGeneric(stem) || stem.length > MAX_STEM || /^[0-9]/u.test(stem)) continue;
          // `社区村`: a kind word is no name; `其居住地(以小区或自然村`: a bracket left open is no name.
          if (words.kinds.some((k) => k.strength !== "name" && stem.endsWith(k.suffix) && hanCount(stem.slice(0, -k.suffix.length)) < 2) || !bracketsBalanced(stem)) continue;
        }
        // A street heading a list (`半截河街道办事处:`) is no place of its own.
        if (text[end] === ":" || text[end] === "：") continue;
        const nameEnd = kindWord.strength === "spun" ? i : end;
        const name = text.slice(nameStart, nameEnd);
        const resolved = resolve(entries, prefix, [nameStart, nameEnd], [sStart, sEnd], listHere);
        const ownStreet =
          isStreetKind(kindWord.kind)
            ? { street: entries.find((e) => e.level === "street")?.name ?? (doc.districts.length === 0 ? null : stripOffice(name)) }
            : {};
        const mention: PlaceMention = {
          name,
          span: [nameStart, nameEnd],
          kind: kindWord.kind,
          ...resolved,
          ...ownStreet,
          status: statuses.length > 0 ? statusFor(nameStart, end).status : null,
          change: statuses.length > 0 ? statusFor(nameStart, end).change : null,
          areaSpan: [nameStart, readTails(end, sEnd) === end ? nameEnd : readTails(end, sEnd)],
          listed: false,
        };
        // A longer name that starts at or before an earlier one ending inside it replaces it (海淀街道 | 友谊社区).
        while (out.length > 0) {
          const last = out[out.length - 1]!;
          if (!last.listed && last.span[1] > cutAt && last.span[0] >= cutAt && last.span[1] <= end) out.pop();
          else break;
        }
        out.push(mention);
        i = end - 1;
      }
    }
    if (isHeading) {
      list = { status: paraStatuses.at(-1)!.status, change: changeIn(para), district: null, street: null };
    }
  });
  return { mentions: out.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]), dropped };
}
