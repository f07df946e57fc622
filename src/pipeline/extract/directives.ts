/**
 * Directives (指示): sentences in which a leader, a meeting or a notice's issuing body asks for action. A speech opens
 * at a speech verb after its speaker (`余卫国强调,要…`, `会议指出`, `他要求:`), carries over the following sentences and
 * paragraphs that continue it (`要…`), and stops at a sentence that narrates (`余卫国来到古北口御道,检查…`). The cue
 * words are data (data/reference/speech-cues.csv), the categories too (measure-categories.csv).
 */
import type { Issue } from "../issues.ts";
import { createPositionIndex } from "../clean/offsets.ts";
import type { ParsedDoc } from "../records.ts";
import { findDistricts } from "../parse/districts.ts";
import { findCategories } from "./measureCategories.ts";
import type { PersonMention } from "./people.ts";
import type { SpeechContext, SpeechCues } from "./speechCues.ts";
import { findWordAt } from "./speechCues.ts";

/** One directive sentence. */
export interface DirectiveRow {
  /** `{doc_id}-d{nnn}`, numbered in text order */
  id: string;
  doc_id: string;
  /** the person (as named), 会议 for a meeting, or a notice's issuing body */
  speaker: string;
  /** the speaker's role as the people extraction read it, or null (meetings, bodies, people named without a role) */
  speaker_role: string | null;
  /** the Beijing district the directive applies to, or null for the whole city */
  district: string | null;
  /** YYYY-MM-DD: the document's event date, else its publication date, else null */
  date: string | null;
  /** the directive: `doc.text.slice(span[0], span[1])` */
  text: string;
  /** keys of the measure categories whose keywords occur in `text`, in CSV order */
  categories: string[];
  /** [start, end) in the document's clean text: the sentence, or from the speech verb on when the sentence opens narrating */
  span: [number, number];
}

/** A speaker found in the text, with the span of the words that name it. */
interface Subject {
  speaker: string;
  role: string | null;
  start: number;
  end: number;
}

/** A speech act: a subject and its speech verb, in one sentence. */
interface SpeechAct {
  subject: Subject;
  verbStart: number;
  verbEnd: number;
  /** 要求/叮嘱/提醒: what follows is a directive even without a modal word */
  directive: boolean;
  /** the subject and the verb are in different clauses (`余卫国来到…,检查…,要求…`) */
  crossClause: boolean;
}

const CLAUSE_PUNCT = /[，,；;：:]/;
const QUOTE_OPEN = /^[“"「]/;

/** True when `text` in [from, to) has a modal word (要, 必须) that is not part of a not-modal word (重要, 要求). */
function hasModal(text: string, from: number, to: number, cues: SpeechCues): boolean {
  let i = from;
  while (i < to) {
    const not = findWordAt(text, i, cues["not-modal"]);
    if (not !== undefined) {
      i += not.length;
      continue;
    }
    // A not-modal word may start before `i` and cover it: 需要 when the range starts at 要 (`…需要`, from = 要).
    if (i > 0 && findWordAt(text, i - 1, cues["not-modal"]) !== undefined) {
      i++;
      continue;
    }
    if (findWordAt(text, i, cues.modal) !== undefined) return true;
    i++;
  }
  return false;
}

function hasWord(text: string, from: number, to: number, words: readonly string[]): boolean {
  for (let i = from; i < to; i++) if (findWordAt(text, i, words) !== undefined) return true;
  return false;
}

/** The issuing body of a notice: its signature above a closing date, else `经X研究决定/批准`; null when none. */
function findIssuer(doc: ParsedDoc, cues: SpeechCues): string | null {
  const text = doc.text;
  if (!hasWord(text, 0, text.length, cues["notice-word"])) return null;
  const paras = doc.paragraphs.map(([s, e]) => text.slice(s, e));
  const last = paras.length - 1;
  if (last > 0 && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(paras[last]!)) {
    // `大兴区新型冠状病毒肺炎疫情` / `防控工作领导小组` / `2022年2月7日`: a signature broken over lines.
    let joined = "";
    for (let k = last - 1; k >= Math.max(0, last - 3); k--) {
      if (/[，,。；;：:！？!?]/.test(paras[k]!) || paras[k]!.length > 30) break;
      joined = paras[k]! + joined;
    }
    if (cues["issuer-suffix"].some((s) => joined.endsWith(s))) return joined;
  }
  const alt = (words: readonly string[]): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const m = new RegExp(`经([^，,。；;：:]{2,30}?(?:${alt(cues["issuer-suffix"])}))(?:${alt(cues["issuer-verb"])})`).exec(text);
  return m ? m[1]! : null;
}

/**
 * The directives of one document. Speakers: a person the people extraction found (by name, by `surname + title`
 * such as 梁主任, or by 他/她 for the last person named), 会议 (`会议强调`), or the issuing body of a notice. A
 * sentence is a directive when it holds a speech verb after its speaker and a modal word after the verb (or the verb
 * is one that asks: 要求, 叮嘱), or when it continues a speech (same paragraph, or the next one opening with a modal
 * word) and holds a modal or imperative word. Issues: `directive-speaker-unresolved` (warning) for 他强调 with no one
 * named before. `people` are the document's person mentions (extractPeople's rows), computed once by the caller.
 * Never throws; a document without speech gives no rows.
 */
export function extractDirectives(doc: ParsedDoc, ctx: SpeechContext, people: readonly PersonMention[]): { rows: DirectiveRow[]; issues: Issue[] } {
  const { cues } = ctx;
  const text = doc.text;
  const issues: Issue[] = [];
  // Built at the first issue, once: a report of many unnamed speeches would rescan the file per speech.
  let positionOf: ReturnType<typeof createPositionIndex> | undefined;
  const roleOf = new Map<string, string>();
  for (const p of people) if (!roleOf.has(p.name)) roleOf.set(p.name, p.role);

  // Every place a speaker is named: full names, `surname + role word` (梁主任), pronouns, 会议.
  const subjects: Array<Subject & { pronoun: boolean }> = [];
  // (pronouns are subjects of speech; a sentence naming a person in full is what ends a speech)
  const aliases = new Map<string, string>();
  for (const [name, role] of roleOf) {
    aliases.set(name, name);
    for (const w of cues.role) if (role.includes(w)) aliases.set(name[0] + w, name);
  }
  const aliasList = [...aliases.keys()].sort((a, b) => b.length - a.length);
  for (let i = 0; i < text.length; i++) {
    const alias = findWordAt(text, i, aliasList);
    if (alias !== undefined) {
      const name = aliases.get(alias)!;
      subjects.push({ speaker: name, role: roleOf.get(name) ?? null, start: i, end: i + alias.length, pronoun: false });
      i += alias.length - 1;
      continue;
    }
    const pronoun = findWordAt(text, i, cues.pronoun);
    // `其他`, `他们`: the character is part of another word.
    const inWord = findWordAt(text, i, cues["not-pronoun"]) ?? (i > 0 ? findWordAt(text, i - 1, cues["not-pronoun"]) : undefined);
    if (pronoun !== undefined && inWord === undefined) {
      subjects.push({ speaker: "", role: null, start: i, end: i + pronoun.length, pronoun: true });
      continue;
    }
    const collective = findWordAt(text, i, cues["collective-speaker"]);
    if (collective !== undefined) {
      subjects.push({ speaker: collective, role: null, start: i, end: i + collective.length, pronoun: false });
      i += collective.length - 1;
    }
  }
  // 他/她 stands for the last person named before it.
  let lastPerson: Subject | null = null;
  for (const s of subjects) {
    if (s.pronoun) {
      if (lastPerson !== null) {
        s.speaker = lastPerson.speaker;
        s.role = lastPerson.role;
      }
    } else if (roleOf.has(s.speaker)) lastPerson = s;
  }

  const districtOf = (role: string | null): string | null => {
    if (role !== null && role.includes("区")) {
      const found = findDistricts(role, ctx.gazetteer).districts;
      if (found.length === 1) return found[0]!;
    }
    return doc.districts.length === 1 ? doc.districts[0]! : null;
  };
  const date = doc.event_date ?? doc.published_date;
  const rows: DirectiveRow[] = [];
  const spans = new Set<string>();
  const emit = (speaker: string, role: string | null, start: number, end: number): void => {
    // One row per span: a sentence is one directive however many cues it holds (`一是…;二是…` stays one row).
    if (spans.has(`${start}:${end}`)) return;
    spans.add(`${start}:${end}`);
    const t = text.slice(start, end);
    rows.push({
      id: `${doc.id}-d${String(rows.length + 1).padStart(3, "0")}`,
      doc_id: doc.id,
      speaker,
      speaker_role: role,
      district: districtOf(role),
      date,
      text: t,
      categories: findCategories(t, ctx.categories),
      span: [start, end],
    });
  };

  const actsIn = (start: number, end: number): SpeechAct[] => {
    const acts: SpeechAct[] = [];
    for (let i = start; i < end; i++) {
      const speech = findWordAt(text, i, cues["speech-verb"]);
      const asks = findWordAt(text, i, cues["directive-verb"]);
      const verb = asks ?? speech;
      if (verb === undefined) continue;
      // The last subject of the sentence before the verb (no copy of the list per verb: a long report has thousands).
      let subject: (typeof subjects)[number] | undefined;
      for (let k = subjects.length - 1; k >= 0; k--) {
        const s = subjects[k]!;
        if (s.end <= i && s.start >= start) {
          subject = s;
          break;
        }
      }
      if (subject === undefined) continue;
      const gap = text.slice(subject.end, i);
      const near = gap.length <= 8 && !CLAUSE_PUNCT.test(gap);
      const after = text[i + verb.length];
      // Across clauses only when the verb opens its clause: `…落实情况,要求属地…`, `…,并要求学校…`.
      const opens = /[，,]并?$/.test(gap) && (asks !== undefined || after === undefined || /[，,：:]/.test(after));
      if (!near && !opens) continue;
      if (subject.speaker === "") {
        positionOf ??= createPositionIndex(doc.original);
        const { line, column } = positionOf(doc.toSource[subject.start] ?? 0);
        issues.push({
          code: "directive-speaker-unresolved",
          severity: "warning",
          path: doc.path,
          line,
          column,
          message: `a speech has no speaker: expected a person named before ${JSON.stringify(text.slice(subject.start, subject.end))}, found none`,
        });
        continue;
      }
      acts.push({ subject, verbStart: i, verbEnd: i + verb.length, directive: asks !== undefined, crossClause: !near });
      i += verb.length - 1;
    }
    return acts;
  };

  const issuer = findIssuer(doc, cues);
  let speaker: Subject | null = null;
  let inScope = false;
  let asked = false;
  let wholeNext = false;
  doc.paragraphs.forEach((_, paragraph) => {
    const sentences = doc.sentences.filter((s) => s.paragraph === paragraph);
    const carried = wholeNext;
    wholeNext = false;
    sentences.forEach((sentence, k) => {
      const [ss, se] = sentence.span;
      const acts = actsIn(ss, se);
      if (acts.length > 0) {
        const act = acts.find((a) => a.directive || hasModal(text, a.verbEnd, se, cues)) ?? acts[0]!;
        speaker = act.subject;
        inScope = true;
        asked = act.directive || hasModal(text, act.verbEnd, se, cues);
        const rest = text.slice(act.verbEnd, se).replace(/[，,：:\s]/g, "");
        if (rest === "" && k === sentences.length - 1) wholeNext = true;
        if (act.directive || hasModal(text, act.verbEnd, se, cues)) {
          const narrated = hasWord(text, ss, act.subject.start, cues["narrative-verb"]) || act.crossClause;
          emit(act.subject.speaker, act.subject.role, narrated ? (act.crossClause ? act.verbStart : act.subject.start) : ss, se);
        }
        return;
      }
      const named = subjects.some((s) => s.start >= ss && s.end <= se && !s.pronoun && roleOf.has(s.speaker));
      // `来到广外街道养老大厦疫苗接种点,区领导仔细了解…`: a visit narrated without a name.
      const opensNarrating = findWordAt(text, ss, cues["narrative-verb"]) !== undefined;
      // A quotation after a person's words: `“希望各位居民非必要不出门…”`.
      if (!inScope && QUOTE_OPEN.test(text.slice(ss, se)) && lastNamedBefore(ss) !== null && (hasModal(text, ss, se, cues) || hasWord(text, ss, se, cues["directive-verb"]))) {
        const s = lastNamedBefore(ss)!;
        emit(s.speaker, s.role, ss, se);
        return;
      }
      if (inScope && speaker !== null) {
        // A new paragraph continues the speech only when its first clause asks for action: `地区核酸检测要开展得更广泛,`.
        const firstClause = text.slice(ss, se).search(/[，,；;：:]/);
        if (k === 0 && !carried && !hasModal(text, ss, firstClause === -1 ? se : ss + firstClause, cues)) inScope = false;
        else if (named || opensNarrating) inScope = false;
        else {
          const modal = hasModal(text, ss, se, cues);
          // Orders without 要 (`区域内单位全面实行居家办公`) count only in a speech that has already asked for action.
          if (modal || (asked && hasWord(text, ss, se, cues.imperative))) {
            asked = true;
            emit(speaker.speaker, speaker.role, ss, se);
          }
          return;
        }
      }
      // `经东城区疫情防控指挥部办公室研究决定,…`: the sentence that names the issuer introduces, it does not order.
      if (issuer !== null && !named && !text.slice(ss, se).includes(issuer) && (hasModal(text, ss, se, cues) || hasWord(text, ss, se, cues["directive-verb"]))) {
        emit(issuer, null, ss, se);
      }
    });
  });
  return { rows, issues };

  function lastNamedBefore(at: number): Subject | null {
    let found: Subject | null = null;
    for (const s of subjects) if (s.end <= at && s.speaker !== "" && roleOf.has(s.speaker)) found = s;
    return found;
  }
}
