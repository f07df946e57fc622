/**
 * The weekly briefing's text, from the model and the editor's templates (templates.ts), like the daily prose
 * (briefingProse.ts): every number placed in a sentence is listed with it.
 */
import { isKnown, valueOf } from "./figure.ts";
import { getMonthDay, makeSentence, type BriefingSentence } from "./briefingProse.ts";
import { splitIsoWeek } from "./isoWeeks.ts";
import type { BriefingTemplates } from "./templates.ts";
import type { WeeklyBriefing } from "./weeklyBriefing.ts";

/** The weekly briefing's paragraphs. */
export interface WeeklyProse {
  cases: BriefingSentence[];
  risk: BriefingSentence[];
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
  const risk = [makeSentence(templates, "week-risk", { scope: "", added: briefing.risk.added.length, lifted: briefing.risk.lifted.length })];
  const directives =
    briefing.directives.count === 0
      ? [makeSentence(templates, "week-directives-none", { scope: "" })]
      : [makeSentence(templates, "week-directives", { scope: "", count: briefing.directives.count, reports: briefing.directives.docIds.length })];
  return { cases, risk, directives };
}
