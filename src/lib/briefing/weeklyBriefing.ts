/**
 * The weekly briefing (每周简报) of one ISO week (`2022-W15`, Monday to Sunday): the week's new local cases against
 * the week before, per district, risk areas added and lifted over the week and in force at its start and end, the
 * most frequent measure categories per district, directives and reports. The week's totals are the sums of its
 * days' figures (caseFigures.ts), over the days that are known; the days that are not are listed, never counted as 0.
 */
import type { DocumentRow } from "../../pipeline/validate/schemas.ts";
import { CITY, getRiskInForce, isRiskDataDay, type BriefingIndex } from "./briefingData.ts";
import { getCaseDay, type CaseDay } from "./caseFigures.ts";
import { NO_DISTRICT_LABEL } from "./dailyBriefing.ts";
import { isKnown, isLowerBound, known, MISSING, type Figure } from "./figure.ts";
import { getPreviousWeek, getWeekDays } from "./isoWeeks.ts";
import type { RiskAreaEvent } from "./riskAreaChanges.ts";
import { compareText } from "../compareText.ts";

/** One scope's cases over one week. */
export interface WeekCases {
  scope: string;
  label: string;
  week: string;
  days: CaseDay[];
  /** sums over the days whose total is known; missing when no day is */
  confirmed: Figure;
  asymptomatic: Figure;
  total: Figure;
  /** days whose total is known exactly */
  knownDays: string[];
  /** days whose total is a lower bound (case_csv coverage partial): not summed */
  partialDays: string[];
  /** days whose total is missing or a lower bound: not summed */
  missingDays: string[];
}

/** A district's (or the city's, key null) most frequent measure categories in the week. */
export interface WeekCategories {
  district: string | null;
  label: string;
  /** category, label and number of directives, most first (then the categories file's order); at most 3 */
  top: Array<{ key: string; label: string; directives: number }>;
  /** the measures rows counted */
  measureIds: string[];
}

/** The weekly briefing model. */
export interface WeeklyBriefing {
  /** `2022-W15` */
  week: string;
  /** the seven days, Monday first */
  days: string[];
  previousWeek: string;
  cases: WeekCases;
  previousCases: WeekCases;
  /** this week's total less last week's; missing unless both weeks have all 7 days known */
  change: Figure;
  /** every district in code order */
  districtCases: WeekCases[];
  risk: {
    /** true when the risk-area listings cover all 7 days; else added/lifted hold only what reports announce */
    covered: boolean;
    added: RiskAreaEvent[];
    lifted: RiskAreaEvent[];
    /** per district with an event: added and lifted counts */
    byDistrict: Array<{ district: string | null; label: string; added: number; lifted: number }>;
    /** in force on Monday and on Sunday, per kind; null when the listings do not cover that day */
    atStart: Array<{ kind: string; count: number }> | null;
    atEnd: Array<{ kind: string; count: number }> | null;
  };
  categories: WeekCategories[];
  directives: { count: number; docIds: string[] };
  reports: DocumentRow[];
}

/** The cases of `scope` over the days of `week`. */
export function getWeekCases(index: BriefingIndex, scope: string, label: string, week: string): WeekCases {
  const days = getWeekDays(week).map((day) => getCaseDay(index, scope, day));
  const knownDays = days.filter((d) => isKnown(d.total));
  const sum = (pick: (d: CaseDay) => Figure): Figure => {
    if (knownDays.length === 0) return MISSING;
    let total = 0;
    for (const day of knownDays) {
      const figure = pick(day);
      if (isKnown(figure)) total += figure.value;
    }
    return known(total, { dataset: "derived", from: knownDays.map((d) => d.date) });
  };
  return {
    scope,
    label,
    week,
    days,
    confirmed: sum((d) => d.confirmed),
    asymptomatic: sum((d) => d.asymptomatic),
    total: sum((d) => d.total),
    knownDays: knownDays.map((d) => d.date),
    partialDays: days.filter((d) => isLowerBound(d.total)).map((d) => d.date),
    missingDays: days.filter((d) => !isKnown(d.total)).map((d) => d.date),
  };
}

/** The weekly briefing of `week` (`YYYY-Www`). Throws for a week that does not exist (getWeekDays). */
export function getWeeklyBriefing(index: BriefingIndex, week: string): WeeklyBriefing {
  const days = getWeekDays(week);
  const previousWeek = getPreviousWeek(week);
  const cases = getWeekCases(index, CITY, "全市", week);
  const previousCases = getWeekCases(index, CITY, "全市", previousWeek);
  const complete = cases.missingDays.length === 0 && previousCases.missingDays.length === 0;
  const change =
    complete && isKnown(cases.total) && isKnown(previousCases.total)
      ? known(cases.total.value - previousCases.total.value, { dataset: "derived", from: [...previousCases.knownDays, ...cases.knownDays] })
      : MISSING;

  const events = days.flatMap((day) => index.riskEvents.get(day) ?? []);
  const added = events.filter((e) => e.change === "added");
  const lifted = events.filter((e) => e.change === "lifted");
  const districtNames = index.districts.map((d) => d.name);
  const eventDistricts = [...new Set(events.map((e) => e.district))].sort((a, b) => order(districtNames, a) - order(districtNames, b) || compareText(a ?? "", b ?? ""));

  const directives = days.flatMap((day) => index.directives.get(day) ?? []);
  return {
    week,
    days,
    previousWeek,
    cases,
    previousCases,
    change,
    districtCases: index.districts.map((d) => getWeekCases(index, d.name, d.name, week)),
    risk: {
      covered: days.every((day) => isRiskDataDay(index, day)),
      added,
      lifted,
      byDistrict: eventDistricts.map((district) => ({
        district,
        label: district ?? NO_DISTRICT_LABEL,
        added: added.filter((e) => e.district === district).length,
        lifted: lifted.filter((e) => e.district === district).length,
      })),
      atStart: isRiskDataDay(index, days[0] as string) ? getRiskInForce(index, CITY, days[0] as string) : null,
      atEnd: isRiskDataDay(index, days[6] as string) ? getRiskInForce(index, CITY, days[6] as string) : null,
    },
    categories: getWeekCategories(index, days),
    directives: { count: directives.length, docIds: [...new Set(directives.map((d) => d.doc_id))].sort() },
    reports: days.flatMap((day) => index.documents.get(day) ?? []),
  };
}

/** The weeks that hold a briefing day, oldest first. */
export function listBriefingWeeks(dates: readonly string[], weekOf: (day: string) => string): string[] {
  return [...new Set(dates.map(weekOf))].sort();
}

function getWeekCategories(index: BriefingIndex, days: readonly string[]): WeekCategories[] {
  const rows = days.flatMap((day) => index.measures.get(day) ?? []);
  const categoryOrder = index.categoryOrder;
  const districtNames = index.districts.map((d) => d.name);
  const districts = [...new Set(rows.map((r) => r.district))].sort((a, b) => order(districtNames, a) - order(districtNames, b) || compareText(a ?? "", b ?? ""));
  return districts.map((district) => {
    const mine = rows.filter((r) => r.district === district);
    const counts = new Map<string, number>();
    for (const row of mine) counts.set(row.category, (counts.get(row.category) ?? 0) + row.directives);
    const top = [...counts]
      // Most directives first; ties in the order of data/reference/measure-categories.csv, then by key: never arrival order.
      .sort((a, b) => b[1] - a[1] || rank(categoryOrder, a[0]) - rank(categoryOrder, b[0]) || compareText(a[0], b[0]))
      .slice(0, 3)
      .map(([key, directives]) => ({ key, label: index.categoryLabels.get(key) ?? key, directives }));
    return { district, label: district ?? NO_DISTRICT_LABEL, top, measureIds: mine.map((r) => r.id).sort() };
  });
}

/** City (null) first, then districts in code order, then other names. */
function order(names: readonly string[], name: string | null): number {
  if (name === null) return -1;
  const at = names.indexOf(name);
  return at === -1 ? names.length : at;
}

function rank(order: readonly string[], key: string): number {
  const at = order.indexOf(key);
  return at === -1 ? order.length : at;
}
