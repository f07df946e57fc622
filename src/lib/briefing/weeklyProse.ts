/**
 * The weekly briefing's text, from the model and the editor's templates (templates.ts), like the daily prose
 * (briefingProse.ts): every number placed in a sentence is listed with it.
 */
import { isKnown, valueOf } from "./figure.ts";
import { getMonthDay, getRiskChangeKey, makeKindItems, makeSentence, type BriefingSentence } from "./briefingProse.ts";
import { splitIsoWeek } from "./isoWeeks.ts";
import type { BriefingTemplates } from "./templates.ts";
import type { WeeklyBriefing } from "./weeklyBriefing.ts";

/** The weekly briefing's paragraphs. */
export interface WeeklyProse {
  cases: BriefingSentence[];
  risk: BriefingSentence[];
  /** the listings in force on Monday and on Sunday (those days the listings cover) */
  riskInForce: BriefingSentence[];
  directives: BriefingSentence[];
}

/** The prose of `briefing`. Never throws on data. */
export function writeWeeklyProse(briefing: WeeklyBriefing, templates: BriefingTemplates): WeeklyProse {
  const { year, week } = splitIsoWeek(briefing.week);
  const from = getMonthDay(briefing.days[0] as string);
  const to = getMonthDay(briefing.days[6] as string);
  const dates = { year, week, from_month: from.month, from_day: from.day, to_month: to.month, to_day: to.day, scope: "全市" };
  const cases: BriefingSentence[] = [];
  const { confirmed, asymptomatic } = briefing.cases;
  if (!isKnown(confirmed) || !isKnown(asymptomatic)) cases.push(makeSentence(templates, "week-cases-missing", dates));
  else {
    cases.push(makeSentence(templates, "week-cases", { ...dates, confirmed: confirmed.value, asymptomatic: asymptomatic.value }));
    if (briefing.cases.missingDays.length > 0) {
      cases.push(makeSentence(templates, "week-cases-partial", { scope: "全市", missing_days: briefing.cases.missingDays.length, known_days: briefing.cases.knownDays.length }));
    }
    const change = valueOf(briefing.change);
    if (change === null) cases.push(makeSentence(templates, "week-change-missing", {}));
    else if (change > 0) cases.push(makeSentence(templates, "week-change-up", { change }));
    else if (change < 0) cases.push(makeSentence(templates, "week-change-down", { change: -change }));
    else cases.push(makeSentence(templates, "week-change-same", {}));
  }
  const { added, lifted, covered } = briefing.risk;
  const risk = covered
    ? [makeSentence(templates, getRiskChangeKey("week-risk", added.length, lifted.length), { scope: "", ...(added.length > 0 ? { added: added.length } : {}), ...(lifted.length > 0 ? { lifted: lifted.length } : {}) })]
    : [makeSentence(templates, "week-risk-missing", { scope: "" })];
  const riskInForce: BriefingSentence[] = [];
  for (const [key, day, list] of [["week-risk-start", briefing.days[0], briefing.risk.atStart], ["week-risk-end", briefing.days[6], briefing.risk.atEnd]] as const) {
    if (list === null) continue;
    const { month, day: dayOfMonth } = getMonthDay(day as string);
    if (list.length === 0) riskInForce.push(makeSentence(templates, `${key}-none`, { month, day: dayOfMonth }));
    else {
      const items = makeKindItems(templates, list);
      riskInForce.push(makeSentence(templates, key, { month, day: dayOfMonth, list: items.map((i) => i.text).join("、") }, items.flatMap((i) => i.numbers)));
    }
  }
  const directives =
    briefing.directives.count === 0
      ? [makeSentence(templates, "week-directives-none", { scope: "" })]
      : [makeSentence(templates, "week-directives", { scope: "", count: briefing.directives.count, reports: briefing.directives.docIds.length })];
  return { cases, risk, riskInForce, directives };
}
