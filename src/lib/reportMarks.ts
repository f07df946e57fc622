/**
 * The marks of one report page: every directive, place, person mention and case count read from the report,
 * located in its clean text and linked to its entry in the page's lists.
 */
import type { CaseRecord } from "../pipeline/validate/caseSchema.ts";
import type { DirectiveRecord } from "../pipeline/validate/directiveSchema.ts";
import type { PersonMentionRecord } from "../pipeline/validate/personSchema.ts";
import type { PlaceRow } from "../pipeline/validate/placeSchema.ts";
import type { TextMark } from "./markedText.ts";

/** The rows of one report, each dataset filtered to the report's `doc_id`. */
export interface ReportRows {
  directives: readonly DirectiveRecord[];
  places: readonly PlaceRow[];
  mentions: readonly PersonMentionRecord[];
  cases: readonly CaseRecord[];
}

/** `#about-004-d001`: the anchor of a record's entry in the report page's lists. */
export function aboutHref(id: string): string {
  return `#about-${id}`;
}

/** `about-004-d001`: the id of a record's entry in the report page's lists. */
export function aboutId(id: string): string {
  return `about-${id}`;
}

/**
 * The marks of `rows` in text order. Titles are Chinese glosses: `指示：会议；核酸检测、流调溯源`, `地点：友谊社区（海淀区海淀街道）`,
 * `人物：市委书记 蔡奇`, `病例数：北京市 2020年…`. `labels` maps category keys to Chinese labels; a key without one is
 * shown as it is. Never throws.
 */
export function getReportMarks(rows: ReportRows, labels: ReadonlyMap<string, string>): TextMark[] {
  const marks: TextMark[] = [];
  for (const d of rows.directives) {
    const categories = d.categories.map((key) => labels.get(key) ?? key).join("、");
    marks.push({ id: d.id, kind: "directive", start: d.span[0], end: d.span[1], href: aboutHref(d.id), title: `指示：${d.speaker}${categories ? `；${categories}` : ""}` });
  }
  for (const p of rows.places) {
    const where = [p.district, p.street].filter((s) => s !== null).join("");
    marks.push({ id: p.id, kind: "place", start: p.span[0], end: p.span[1], href: aboutHref(p.id), title: `地点：${p.name}${where ? `（${where}）` : ""}${p.status ? `，${p.status}` : ""}` });
  }
  for (const m of rows.mentions) {
    marks.push({ id: m.id, kind: "person", start: m.span[0], end: m.span[1], href: aboutHref(m.id), title: `人物：${m.role} ${m.name}` });
  }
  for (const c of rows.cases) {
    marks.push({ id: c.id, kind: "case", start: c.span[0], end: c.span[1], href: aboutHref(c.id), title: `病例数：${c.district ?? c.district_raw ?? ""}` });
  }
  return marks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The note number of a directive: `004-d012` → 12, the number shown as `[12]` after the directive in the text.
 * NaN when the id has no `-d` number (not a directive id).
 */
export function getNoteNumber(id: string): number {
  const match = /-d(\d+)$/.exec(id);
  return match === null ? Number.NaN : Number(match[1]);
}

/** The number a case count row is shown by in its report's table: `030-case-2` → `2`; the whole id when it has no `-`. */
export function getCaseNumber(id: string): string {
  return id.slice(id.lastIndexOf("-") + 1);
}

/** 本土 / 境外输入 / 合计: the Chinese label of a case count's scope. */
export const CASE_SCOPE_LABELS: Readonly<Record<CaseRecord["scope"], string>> = Object.freeze({ local: "本土", imported: "境外输入", all: "合计" });
