/**
 * The daily briefing's text, generated in Chinese from the model with the editor's templates (templates.ts), in
 * the register of an official briefing: `4月13日0时至24时，全市新增本土确诊病例1例、本土无症状感染者0例。`. Every
 * number in it comes from the model; each sentence lists the numbers it used, so a test can check that the text
 * holds no number without a source. Missing data is said to be missing (`本日无海淀区通报。`), never written as 0.
 */
import type { ScopeCases } from "./caseFigures.ts";
import type { DailyBriefing } from "./dailyBriefing.ts";
import { isKnown, isLowerBound, valueOf } from "./figure.ts";
import { fillTemplate, getKindNameKey, type BriefingTemplates, type TemplateValues } from "./templates.ts";

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

/** The sentence key of a count of areas added and lifted (`prefix` risk-changes or week-risk): zero counts are said in words. */
export function getRiskChangeKey(prefix: string, added: number, lifted: number): string {
  if (added > 0 && lifted > 0) return prefix;
  if (added > 0) return `${prefix}-added`;
  if (lifted > 0) return `${prefix}-lifted`;
  return prefix === "risk-changes" ? "risk-none" : `${prefix}-none`;
}

/** `高风险区5个、中风险区19个`: the kinds in force as risk-kind-item sentences, with the kinds' display names. */
export function makeKindItems(templates: BriefingTemplates, inForce: ReadonlyArray<{ kind: string; count: number }>): BriefingSentence[] {
  return inForce.map((k) => makeSentence(templates, "risk-kind-item", { kind: fillTemplate(templates, getKindNameKey(k.kind)), count: k.count }));
}

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
  const { added, lifted, byDistrict, inForce, covered } = briefing.risk;
  if (!covered) {
    // Outside the listings: no count of what was added or lifted (never 0); what reports announce is still listed.
    risk.push(makeSentence(templates, "risk-missing", { scope }));
    if (added.length + lifted.length > 0) risk.push(makeSentence(templates, "risk-announced", { scope, count: added.length + lifted.length }));
  } else {
    const key = getRiskChangeKey("risk-changes", added.length, lifted.length);
    risk.push(makeSentence(templates, key, { scope, ...(added.length > 0 ? { added: added.length } : {}), ...(lifted.length > 0 ? { lifted: lifted.length } : {}) }));
    if (briefing.district === null && byDistrict.length > 0) {
      const items = byDistrict.map((g) => {
        const itemKey = getRiskChangeKey("risk-district-item", g.added.length, g.lifted.length);
        return makeSentence(templates, itemKey, { district: g.label, ...(g.added.length > 0 ? { added: g.added.length } : {}), ...(g.lifted.length > 0 ? { lifted: g.lifted.length } : {}) });
      });
      // Items may hold 、 themselves (朝阳区新增1个、移出2个): districts are set apart with ；.
      risk.push(listSentence(templates, "risk-by-district", {}, items, "；"));
    }
  }
  if (inForce.length > 0) risk.push(listSentence(templates, "risk-in-force", { scope: scope === "" ? "全市" : scope }, makeKindItems(templates, inForce)));

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
  if (isLowerBound(confirmed) && isLowerBound(asymptomatic)) {
    // coverage=partial: a lower bound, said as such; no change or trend is computed from it.
    return [makeSentence(templates, "cases-partial", { ...base, confirmed: confirmed.value, asymptomatic: asymptomatic.value })];
  }
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
  const total = cases.today.total.value;
  const change = valueOf(cases.change);
  if (change !== null) out.push(makeSentence(templates, change > 0 ? "change-up" : change < 0 ? "change-down" : "change-same", change === 0 ? { total } : { total, change: Math.abs(change) }));
  else out.push(makeSentence(templates, isLowerBound(cases.yesterday.total) ? "change-partial" : "change-missing", { total }));
  if (isKnown(cases.last7) && isKnown(cases.previous7) && isKnown(cases.trend)) {
    const from = getMonthDay(cases.days[7]?.date ?? date);
    out.push(makeSentence(templates, "trend-7day", { from_month: from.month, from_day: from.day, month, day, last7: cases.last7.value, previous7: cases.previous7.value, trend: cases.trend.value }));
  } else out.push(makeSentence(templates, "trend-missing", { month, day }));
  return out;
}

/** City briefing: which districts had new cases, or that none did, or that the districts' data is missing. */
function writeDistrictSentences(districts: readonly ScopeCases[], templates: BriefingTemplates): BriefingSentence[] {
  const exact = districts.filter((d) => isKnown(d.today.total));
  const partial = districts.filter((d) => isLowerBound(d.today.total));
  if (exact.length + partial.length === 0) return [makeSentence(templates, "districts-missing", {})];
  const out: BriefingSentence[] = [];
  // A partial count of 0 says nothing of the district: it is neither "no new cases" nor listed with a number.
  if (exact.length === districts.length && exact.every((d) => valueOf(d.today.total) === 0)) out.push(makeSentence(templates, "districts-zero", {}));
  const items = districts.flatMap((d) => {
    const total = d.today.total;
    if (total.state === "missing" || total.value === 0) return [];
    const values = { district: d.label, total: total.value, confirmed: (d.today.confirmed as { value: number }).value, asymptomatic: (d.today.asymptomatic as { value: number }).value };
    return [makeSentence(templates, total.state === "lower_bound" ? "district-item-partial" : "district-item", values)];
  });
  if (items.length > 0) out.push(listSentence(templates, "districts-with-cases", {}, items));
  if (partial.length === districts.length) out.push(makeSentence(templates, "districts-all-partial", {}));
  else if (partial.length > 0) out.push(makeSentence(templates, "districts-partial", { list: partial.map((d) => d.label).join(LIST_SEPARATOR) }));
  const missing = districts.filter((d) => d.today.total.state === "missing");
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
