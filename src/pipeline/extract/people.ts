/**
 * People (人物): names with their roles, from role phrases before a name (`市委书记、防控工作领导小组组长蔡奇`), attendee
 * lists sharing one role (`区领导马新明、席成坡、任武军出席会议`, `市领导夏林茂、卢彦参加`) and lists before `等` + role
 * (`张立新、缪剑虹、宋玫等区领导`). Role words, the words that may follow a name and the lead-ins before a role come
 * from data/reference/speech-cues.csv.
 */
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { createPositionIndex } from "../clean/offsets.ts";
import type { ParsedDoc } from "../records.ts";
import type { SpeechContext, SpeechCues } from "./speechCues.ts";
import { findWordAt } from "./speechCues.ts";

/** One person named in a document, with the role the text gives. */
export interface PersonMention {
  /** `{doc_id}-p{nnn}`, numbered in text order */
  id: string;
  doc_id: string;
  /** the name as the clean text has it, 2 or 3 characters */
  name: string;
  /** the role phrase as written before the name (roles joined by 、), e.g. 市委书记、防控工作领导小组组长 */
  role: string;
  /** the body named in the first role, e.g. 市委 for 市委书记, or null when the role names none (区领导 → 区 is none) */
  organisation: string | null;
  /** [start, end) of the name in the clean text */
  span: [number, number];
}

/** One person of the corpus: every role seen, in order of first appearance. */
export interface PersonRow {
  name: string;
  /** distinct role phrases, in the order first seen (documents by id, then text order) */
  roles: string[];
  /** distinct organisations, in the order first seen */
  organisations: string[];
  /** ids of the documents that name the person, sorted */
  doc_ids: string[];
  /** the mentions merged: per document, the first mention of the name in each of its roles (extractPeople's rows) */
  sources: Array<{ doc_id: string; span: [number, number] }>;
}

// Characters that end a clause: a role and its name never cross one. 、 is kept: it joins roles and names.
const CLAUSE_BREAK = /[，,。；;：:！？!?（）()“”"「」《》\s|·]/;
const HAN = /^\p{Script=Han}$/u;

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** [start, end) of the clauses of `text` between `from` and `to`. */
function clauses(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || CLAUSE_BREAK.test(text[i]!)) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

/** True when a role word starts anywhere in [from, to). */
function roleStartsWithin(text: string, from: number, to: number, cues: SpeechCues): boolean {
  for (let i = from; i < to; i++) if (findWordAt(text, i, cues.role) !== undefined) return true;
  return false;
}

/**
 * The end of a person name starting at `at` inside a clause ending at `end`: 2 or 3 Han characters followed by the
 * clause end, 、, a non-Han character or a `name-end` word (主持, 强调, 于…). A third character that itself starts a
 * name-end word is not taken (`蔡奇于2月` → 蔡奇). Returns -1 when there is no name.
 */
function findNameEnd(text: string, at: number, end: number, cues: SpeechCues): number {
  const boundary = (p: number): boolean =>
    p === end || text[p] === "、" || !isHan(text[p]) || findWordAt(text, p, cues["name-end"]) !== undefined;
  for (const length of [3, 2]) {
    const stop = at + length;
    if (stop > end) continue;
    let ok = true;
    for (let p = at; p < stop; p++) if (!isHan(text[p])) ok = false;
    if (!ok) continue;
    if (length === 3 && findWordAt(text, at + 2, cues["name-end"]) !== undefined) continue;
    // `区长要留区`, `区领导一同参加`, `领导小组`: words that cannot begin a name.
    // One-character name-end words (于, 向) are also surnames: `区长于波主持`.
    if ((findWordAt(text, at, cues["name-end"])?.length ?? 0) > 1 || findWordAt(text, at, cues["not-name"]) !== undefined) continue;
    if (findWordAt(text, at, cues.modal) !== undefined || findWordAt(text, at, cues.pronoun) !== undefined) continue;
    if (roleStartsWithin(text, at, stop, cues)) continue;
    if (boundary(stop)) return stop;
  }
  return -1;
}

/** The organisation of a role phrase: its first role, less the role word and a `role-prefix` rank (副, 代) before it; null when ≤ 1 char. */
function organisationOf(role: string, cues: SpeechCues): string | null {
  const first = role.split("、")[0]!;
  for (let i = 0; i < first.length; i++) {
    const w = findWordAt(first, i, cues.role);
    if (w !== undefined && i + w.length === first.length) {
      // 常务副区长, 代区长: the rank before the role word is no part of the body.
      let org = first.slice(0, i);
      const rank = cues["role-prefix"].find((p) => org.endsWith(p));
      if (rank !== undefined) org = org.slice(0, org.length - rank.length);
      return org.length > 1 ? org : null;
    }
  }
  return null;
}

/**
 * Where a role may start in the clause [cs, ce): after the last lead-in (会议由, 会上, 包括, 还有) that comes before the
 * clause's first role word, else at the clause start. `陪同检查的还有北京市委…副主任张俊` → 北京市委….
 */
function afterLeadIn(text: string, cs: number, ce: number, cues: SpeechCues): number {
  let firstRole = ce;
  for (let i = cs; i < ce; i++) if (findWordAt(text, i, cues.role) !== undefined) { firstRole = i; break; }
  let start = cs;
  for (let i = cs; i < firstRole; i++) {
    const w = findWordAt(text, i, cues["role-lead-in"]);
    if (w !== undefined && i + w.length <= firstRole) start = i + w.length;
  }
  return start;
}

/** The first `list-role-marker` word (等) after the clause start in [cs, ce), or null. */
function findListMarker(text: string, cs: number, ce: number, cues: SpeechCues): { at: number; word: string } | null {
  for (let i = cs + 1; i < ce; i++) {
    const word = findWordAt(text, i, cues["list-role-marker"]);
    if (word !== undefined) return { at: i, word };
  }
  return null;
}

interface RawMention {
  name: string;
  role: string;
  span: [number, number];
}

/**
 * Every person mention in `text` between `from` and `to`, with the role the text gives: role phrase + name,
 * list members after it, and lists before 等 + role. One-character list members (a dropped character: `杨、`) are
 * not persons: each gives an issue through `onShort`.
 */
function findPersonMentions(
  text: string,
  from: number,
  to: number,
  cues: SpeechCues,
  onShort: (span: [number, number]) => void = () => {},
): RawMention[] {
  const out: RawMention[] = [];
  for (const [cs, ce] of clauses(text, from, to)) {
    let roleStart = afterLeadIn(text, cs, ce, cues);
    let i = roleStart;
    while (i < ce) {
      const word = findWordAt(text, i, cues.role);
      if (word === undefined) {
        i++;
        continue;
      }
      const nameStart = i + word.length;
      const nameEnd = findNameEnd(text, nameStart, ce, cues);
      if (nameEnd === -1) {
        i++;
        continue;
      }
      const role = text.slice(roleStart, nameStart);
      out.push({ name: text.slice(nameStart, nameEnd), role, span: [nameStart, nameEnd] });
      // `区领导马新明、杨、席成坡、任武军出席会议`: list members share the role.
      let p = nameEnd;
      while (text[p] === "、" && p + 1 < ce) {
        const itemEnd = findNameEnd(text, p + 1, ce, cues);
        if (itemEnd === -1) {
          if (isHan(text[p + 1]) && (text[p + 2] === "、" || p + 2 === ce)) {
            onShort([p + 1, p + 2]);
            p += 2;
            continue;
          }
          break;
        }
        out.push({ name: text.slice(p + 1, itemEnd), role, span: [p + 1, itemEnd] });
        p = itemEnd;
      }
      roleStart = text[p] === "、" ? p + 1 : p;
      i = roleStart;
    }
    // `张立新、缪剑虹、宋玫等区领导一同参加`: the role follows the list.
    const marker = findListMarker(text, cs, ce, cues);
    if (marker !== null) {
      const deng = marker.at;
      for (let e = deng + marker.word.length + 1; e <= Math.min(ce, deng + marker.word.length + 6); e++) {
        const roleText = text.slice(deng + marker.word.length, e);
        const w = cues.role.find((r) => roleText.endsWith(r));
        if (w === undefined || !(e === ce || findWordAt(text, e, cues["name-end"]) !== undefined)) continue;
        const items = text.slice(cs, deng).split("、");
        let at = cs;
        const found: RawMention[] = [];
        let ok = true;
        for (const item of items) {
          if (item.length >= 2 && item.length <= 3 && Array.from(item).every((c) => isHan(c)) && !roleStartsWithin(text, at, at + item.length, cues)) {
            found.push({ name: item, role: roleText, span: [at, at + item.length] });
          } else if (!(item.length === 1 && isHan(item))) ok = false;
          at += item.length + 1;
        }
        if (ok && found.length > 0 && !out.some((m) => m.span[0] >= cs && m.span[1] <= deng)) out.push(...found);
        break;
      }
    }
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * The people a document names with a role, one mention per distinct (name, role) in text order, with the span of
 * the name's first occurrence in that role. Issues: `person-name-incomplete` (warning) for a one-character member of
 * a list of names (`区领导马新明、杨、席成坡`: a character lost upstream), at its line and column. Never throws.
 */
export function extractPeople(doc: ParsedDoc, ctx: SpeechContext): { rows: PersonMention[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const raw: RawMention[] = [];
  // Built at the first issue, once: a list of many short names would rescan the file per name.
  let positionOf: ReturnType<typeof createPositionIndex> | undefined;
  for (const [start, end] of doc.paragraphs) {
    raw.push(
      ...findPersonMentions(doc.text, start, end, ctx.cues, (span) => {
        positionOf ??= createPositionIndex(doc.original);
        const { line, column } = positionOf(doc.toSource[span[0]] ?? 0);
        issues.push({
          code: "person-name-incomplete",
          severity: "warning",
          path: doc.path,
          line,
          column,
          message: `a name in a list of people is too short: expected 2 or 3 characters, found ${quoteFound(doc.text.slice(span[0], span[1]))}`,
          hint: "the name probably lost characters upstream; check the original page",
        });
      }),
    );
  }
  const seen = new Set<string>();
  const rows: PersonMention[] = [];
  for (const m of raw) {
    const key = `${m.name}\u0000${m.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      id: `${doc.id}-p${String(rows.length + 1).padStart(3, "0")}`,
      doc_id: doc.id,
      name: m.name,
      role: m.role,
      organisation: organisationOf(m.role, ctx.cues),
      span: m.span,
    });
  }
  return { rows, issues };
}

/**
 * One row per person (the name is the key), sorted by name (code-unit order): every distinct role and organisation in
 * the order first seen (mentions taken by doc_id, then span), the documents, and as sources the mentions given
 * (extractPeople gives the first mention of each name and role per document, so a repeat in the same role is no source). Gives no issues (two
 * people with one name cannot be told apart here: they share a row). Never throws; [] for no mentions.
 */
export function mergePeople(mentions: readonly PersonMention[]): { rows: PersonRow[]; issues: Issue[] } {
  const sorted = [...mentions].sort(
    (a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0) || a.span[0] - b.span[0] || a.span[1] - b.span[1],
  );
  const byName = new Map<string, PersonRow>();
  for (const m of sorted) {
    let row = byName.get(m.name);
    if (row === undefined) {
      row = { name: m.name, roles: [], organisations: [], doc_ids: [], sources: [] };
      byName.set(m.name, row);
    }
    if (!row.roles.includes(m.role)) row.roles.push(m.role);
    if (m.organisation !== null && !row.organisations.includes(m.organisation)) row.organisations.push(m.organisation);
    if (!row.doc_ids.includes(m.doc_id)) row.doc_ids.push(m.doc_id);
    row.sources.push({ doc_id: m.doc_id, span: [m.span[0], m.span[1]] });
  }
  const rows = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { rows, issues: [] };
}
