/**
 * The daily briefing (每日简报) of one day, for the whole city or one district: the day's new local cases (with the
 * change from the day before and the 7-day trend), risk areas added and lifted, directives grouped by district and
 * measure category, and the reports of the day. Pure: a function of the index and the day.
 */
import type { DirectiveRecord } from "../../pipeline/validate/directiveSchema.ts";
import type { DistrictRecord } from "../../pipeline/validate/districtSchema.ts";
import type { DocumentRow } from "../../pipeline/validate/schemas.ts";
import { CITY, getRiskInForce, isRiskDataDay, type BriefingIndex } from "./briefingData.ts";
import { getScopeCases, type ScopeCases } from "./caseFigures.ts";
import type { RiskAreaEvent } from "./riskAreaChanges.ts";

/** The label of directives and risk areas that name no district. */
export const NO_DISTRICT_LABEL = "全市及未注明区";

/** Directives of one measure category (the first category a directive has; `null`: none). */
export interface DirectiveCategoryGroup {
  key: string | null;
  /** 核酸检测 …, or 其他 for directives without a category */
  label: string;
  directives: DirectiveRecord[];
}

/** Directives of one district (null: the whole city or no district named). */
export interface DirectiveDistrictGroup {
  district: string | null;
  label: string;
  count: number;
  categories: DirectiveCategoryGroup[];
}

/** Risk-area events of one district. */
export interface RiskDistrictGroup {
  district: string | null;
  label: string;
  added: RiskAreaEvent[];
  lifted: RiskAreaEvent[];
}

/** The daily briefing model. */
export interface DailyBriefing {
  /** YYYY-MM-DD */
  date: string;
  /** the district of a district briefing; null for the city briefing */
  district: DistrictRecord | null;
  /** the scope's own cases: the city's (北京市) or the district's */
  cases: ScopeCases;
  /** city briefing: every district's cases in code order; district briefing: [] */
  districtCases: ScopeCases[];
  risk: {
    /**
     * true when the risk-area listings cover the day (isRiskDataDay): added, lifted and in force are complete. false
     * outside them: the figures are missing, and `added`/`lifted` hold only what the day's reports announce
     */
    covered: boolean;
    added: RiskAreaEvent[];
    lifted: RiskAreaEvent[];
    /** per district with an event, in code order, unknown district last */
    byDistrict: RiskDistrictGroup[];
    /** listings in force on the day, per kind (getRiskInForce: the site's one counting rule) */
    inForce: Array<{ kind: string; count: number }>;
  };
  directives: {
    all: DirectiveRecord[];
    /** the city (district null) first, then districts in code order */
    groups: DirectiveDistrictGroup[];
    /** the ids of the reports the directives come from, sorted */
    docIds: string[];
  };
  /** reports of the day (getDocumentDay), by id; a district briefing: those about the district */
  reports: DocumentRow[];
  /** report id → title (null: none) of every report, so links and sources name reports by title */
  documentTitles: ReadonlyMap<string, string | null>;
}

/**
 * The briefing of `date` for the city, or for the district whose slug is `districtSlug`. Throws an Error naming the
 * slug when no district has it (a route's bug). A day with no data gives a briefing whose figures are all missing
 * and whose lists are empty: the prose says so.
 */
export function getDailyBriefing(index: BriefingIndex, date: string, districtSlug?: string): DailyBriefing {
  const district = districtSlug === undefined ? null : (index.districts.find((d) => d.slug === districtSlug) ?? null);
  if (districtSlug !== undefined && district === null) throw new Error(`district is not known: expected a slug of the districts dataset, found ${JSON.stringify(districtSlug)}`);
  const name = district?.name ?? null;
  const cases = name === null ? getScopeCases(index, CITY, "全市", date) : getScopeCases(index, name, name, date);
  const districtCases = name === null ? index.districts.map((d) => getScopeCases(index, d.name, d.name, date)) : [];

  const events = (index.riskEvents.get(date) ?? []).filter((e) => name === null || e.district === name);
  const directives = (index.directives.get(date) ?? []).filter((d) => name === null || d.district === name);
  const reports = (index.documents.get(date) ?? []).filter((doc) => name === null || doc.districts.includes(name));
  return {
    date,
    district,
    cases,
    districtCases,
    risk: {
      covered: isRiskDataDay(index, date),
      added: events.filter((e) => e.change === "added"),
      lifted: events.filter((e) => e.change === "lifted"),
      byDistrict: groupRiskEvents(index, events),
      inForce: getRiskInForce(index, name ?? CITY, date),
    },
    directives: {
      all: directives,
      groups: groupDirectives(index, directives),
      docIds: [...new Set(directives.map((d) => d.doc_id))].sort(),
    },
    reports,
    documentTitles: index.documentTitles,
  };
}

/** True when the briefing has any data of its own: a known case figure, a risk-area event, a directive or a report. */
export function hasBriefingData(briefing: DailyBriefing): boolean {
  const anyCases = [briefing.cases, ...briefing.districtCases].some((c) => c.today.confirmed.state !== "missing" || c.today.asymptomatic.state !== "missing");
  return anyCases || briefing.risk.added.length + briefing.risk.lifted.length + briefing.directives.all.length + briefing.reports.length > 0;
}

/** The district keys in briefing order: null (city, unknown) placement decided by `nullFirst`. */
function orderDistricts(index: BriefingIndex, present: ReadonlySet<string | null>, nullFirst: boolean): Array<string | null> {
  const named = index.districts.map((d) => d.name).filter((n) => present.has(n));
  // Names outside the districts dataset (none today; the pipeline validates them) still get listed, after the 16.
  const others = [...present].filter((n): n is string => n !== null && !named.includes(n)).sort();
  const all: Array<string | null> = [...named, ...others];
  if (!present.has(null)) return all;
  return nullFirst ? [null, ...all] : [...all, null];
}

function groupDirectives(index: BriefingIndex, directives: readonly DirectiveRecord[]): DirectiveDistrictGroup[] {
  const keys = orderDistricts(index, new Set(directives.map((d) => d.district)), true);
  const categoryOrder = index.categoryOrder;
  return keys.map((district) => {
    const mine = directives.filter((d) => d.district === district);
    const byCategory = new Map<string | null, DirectiveRecord[]>();
    for (const directive of mine) {
      // A directive is listed once, under its first category (the file's order); its other categories are shown beside it.
      const key = directive.categories[0] ?? null;
      byCategory.set(key, [...(byCategory.get(key) ?? []), directive]);
    }
    const ordered = [...byCategory.keys()].sort((a, b) => rank(categoryOrder, a) - rank(categoryOrder, b));
    return {
      district,
      label: district ?? NO_DISTRICT_LABEL,
      count: mine.length,
      categories: ordered.map((key) => ({ key, label: key === null ? "其他" : (index.categoryLabels.get(key) ?? key), directives: byCategory.get(key) ?? [] })),
    };
  });
}

function rank(order: readonly string[], key: string | null): number {
  if (key === null) return order.length + 1;
  const at = order.indexOf(key);
  return at === -1 ? order.length : at;
}

function groupRiskEvents(index: BriefingIndex, events: readonly RiskAreaEvent[]): RiskDistrictGroup[] {
  const keys = orderDistricts(index, new Set(events.map((e) => e.district)), false);
  return keys.map((district) => ({
    district,
    label: district ?? NO_DISTRICT_LABEL,
    added: events.filter((e) => e.district === district && e.change === "added"),
    lifted: events.filter((e) => e.district === district && e.change === "lifted"),
  }));
}
