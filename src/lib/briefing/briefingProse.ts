/**
 * The daily briefing's text, generated in Chinese from the model with the editor's templates (templates.ts), in
 * the register of an official briefing: `4月13日0时至24时，全市新增本土确诊病例1例、本土无症状感染者0例。`. Every
 * number in it comes from the model; each sentence lists the numbers it used, so a test can check that the text
 * holds no number without a source. Missing data is said to be missing (`本日无海淀区通报。`), never written as 0.
 */
import type { ScopeCases } from "./caseFigures.ts";
import type { DailyBriefing } from "./dailyBriefing.ts";
import { isKnown, valueOf } from "./figure.ts";
import { fillTemplate, type BriefingTemplates, type TemplateValues } from "./templates.ts";

/** One generated sentence: its template key, its text, and every number placed in it (in order). */
export interface BriefingSentence {
  key: string;
  text: string;
  numbers: number[];
}

/** The daily briefing's paragraphs. */
export interface DailyProse {
  cases: BriefingSentence[];
  risk: BriefingSentence[];
  directives: BriefingSentence[];
  reports: BriefingSentence[];
}

/** Joins list items, as official text does: 朝阳区5例、海淀区3例. */
const LIST_SEPARATOR = "、";

/** A sentence of `key` filled with `values`; `extra` are numbers placed through a list placeholder. */
export function makeSentence(templates: BriefingTemplates, key: string, values: TemplateValues, extra: readonly number[] = []): BriefingSentence {
  const numbers = [...Object.values(values).filter((v): v is number => typeof v === "number"), ...extra];
  return { key, text: fillTemplate(templates, key, values), numbers };
}

/** The month and day of `YYYY-MM-DD` as numbers: `2022-04-13` → { month: 4, day: 13 }. */
export function getMonthDay(date: string): { month: number; day: number } {
  return { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** District sentences that break the day's city figure down, as opposed to those saying what is missing. */
const BREAKDOWN_KEYS: ReadonlySet<string> = new Set(["districts-with-cases", "districts-zero"]);

/** The prose of `briefing`. Never throws on data; throws only when a template is missing (checked at load). */
export function writeDailyProse(briefing: DailyBriefing, templates: BriefingTemplates): DailyProse {
  const scope = briefing.district?.name ?? "";
  const daySentences = writeCaseSentences(briefing.cases, briefing.date, templates);
  const districtSentences = briefing.district === null ? writeDistrictSentences(briefing.districtCases, templates) : [];
  // The districts' figures break down the day's figure (其中，朝阳区9例…), so they follow its sentence, before the
  // change from the day before and the 7-day trend, where 其中 would read as a part of the week; what is missing
  // is said last.
  const breakdown = districtSentences.filter((s) => BREAKDOWN_KEYS.has(s.key));
  const missing = districtSentences.filter((s) => !BREAKDOWN_KEYS.has(s.key));
  const cases = [...daySentences.slice(0, 1), ...breakdown, ...daySentences.slice(1), ...missing];

  const risk: BriefingSentence[] = [];
  const { added, lifted, byDistrict, inForce } = briefing.risk;
  if (added.length + lifted.length === 0) risk.push(makeSentence(templates, "risk-none", { scope }));
  else {
    risk.push(makeSentence(templates, "risk-changes", { scope, added: added.length, lifted: lifted.length }));
    if (briefing.district === null && byDistrict.length > 0) {
      const items = byDistrict.map((g) => makeSentence(templates, "risk-district-item", { district: g.label, added: g.added.length, lifted: g.lifted.length }));
      // Items hold 、 themselves (朝阳区新增1个、移出0个): districts are set apart with ；.
      risk.push(listSentence(templates, "risk-by-district", {}, items, "；"));
    }
  }
  if (inForce.length > 0) {
    const items = inForce.map((k) => makeSentence(templates, "risk-kind-item", { kind: k.kind, count: k.count }));
    risk.push(listSentence(templates, "risk-in-force", { scope: scope === "" ? "全市" : scope }, items));
  }

  const directives = briefing.directives.all.length === 0
    ? [makeSentence(templates, "directives-none", { scope })]
    : [makeSentence(templates, "directives-intro", { scope, count: briefing.directives.all.length, reports: briefing.directives.docIds.length })];
  const reports = briefing.reports.length === 0
    ? [makeSentence(templates, "reports-none", { scope })]
    : [makeSentence(templates, "reports-intro", { scope, count: briefing.reports.length })];
  return { cases, risk, directives, reports };
}

/** The cases sentence of one scope and day, then the change from the day before and the 7-day trend. */
export function writeCaseSentences(cases: ScopeCases, date: string, templates: BriefingTemplates): BriefingSentence[] {
  const { month, day } = getMonthDay(date);
  const { confirmed, asymptomatic } = cases.today;
  const base = { month, day, scope: cases.label };
  if (!isKnown(confirmed) && !isKnown(asymptomatic)) return [makeSentence(templates, "cases-missing", base)];
  const out: BriefingSentence[] = [];
  if (isKnown(confirmed) && isKnown(asymptomatic)) {
    out.push(
      confirmed.value === 0 && asymptomatic.value === 0
        ? makeSentence(templates, "cases-zero", base)
        : makeSentence(templates, "cases-with-data", { ...base, confirmed: confirmed.value, asymptomatic: asymptomatic.value }),
    );
  } else if (isKnown(confirmed)) out.push(makeSentence(templates, "cases-confirmed-only", { ...base, confirmed: confirmed.value }));
  else if (isKnown(asymptomatic)) out.push(makeSentence(templates, "cases-asymptomatic-only", { ...base, asymptomatic: asymptomatic.value }));
  if (!isKnown(cases.today.total)) return out;
  const change = valueOf(cases.change);
  if (change === null) out.push(makeSentence(templates, "change-missing", {}));
  else if (change > 0) out.push(makeSentence(templates, "change-up", { change }));
  else if (change < 0) out.push(makeSentence(templates, "change-down", { change: -change }));
  else out.push(makeSentence(templates, "change-same", {}));
  if (isKnown(cases.last7) && isKnown(cases.previous7) && isKnown(cases.trend)) {
    const from = getMonthDay(cases.days[7]?.date ?? date);
    out.push(makeSentence(templates, "trend-7day", { from_month: from.month, from_day: from.day, month, day, last7: cases.last7.value, previous7: cases.previous7.value, trend: cases.trend.value }));
  } else out.push(makeSentence(templates, "trend-missing", { month, day }));
  return out;
}

/** City briefing: which districts had new cases, or that none did, or that the districts' data is missing. */
function writeDistrictSentences(districts: readonly ScopeCases[], templates: BriefingTemplates): BriefingSentence[] {
  const knownOnes = districts.filter((d) => isKnown(d.today.total));
  if (knownOnes.length === 0) return [makeSentence(templates, "districts-missing", {})];
  const out: BriefingSentence[] = [];
  const withCases = knownOnes.filter((d) => (valueOf(d.today.total) ?? 0) > 0);
  if (withCases.length === 0 && knownOnes.length === districts.length) out.push(makeSentence(templates, "districts-zero", {}));
  if (withCases.length > 0) {
    const items = withCases.map((d) =>
      makeSentence(templates, "district-item", {
        district: d.label,
        total: valueOf(d.today.total) as number,
        confirmed: valueOf(d.today.confirmed) as number,
        asymptomatic: valueOf(d.today.asymptomatic) as number,
      }),
    );
    out.push(listSentence(templates, "districts-with-cases", {}, items));
  }
  const missing = districts.filter((d) => !isKnown(d.today.total));
  if (missing.length > 0) out.push(makeSentence(templates, "districts-some-missing", { list: missing.map((d) => d.label).join(LIST_SEPARATOR) }));
  return out;
}

function listSentence(templates: BriefingTemplates, key: string, values: TemplateValues, items: readonly BriefingSentence[], separator = LIST_SEPARATOR): BriefingSentence {
  const list = items.map((i) => i.text).join(separator);
  const sentence = makeSentence(templates, key, { ...values, list }, items.flatMap((i) => i.numbers));
  return sentence;
}

/** All sentences of `prose` in reading order, for the Markdown, the WeChat fragment and the number check. */
export function listSentences(prose: object): BriefingSentence[] {
  return (Object.values(prose) as BriefingSentence[][]).flat();
}
