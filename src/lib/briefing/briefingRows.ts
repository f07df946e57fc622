/**
 * The briefing index of this build, from the datasets the site reads (src/lib/datasetRows.ts). Not unit-tested:
 * it reads the build's files; the index itself is (briefingData.ts).
 *
 * Why one promise per build: every briefing route (pages and endpoints, thousands of files) needs the same index of
 * 23,000 risk-area rows; Astro prerenders all routes in one process, so they share one index instead of each
 * building its own. The index is a pure function of the datasets, which do not change during a build.
 */
import { oncePerBuild } from "../buildRun.ts";
import { getRows } from "../datasetRows.ts";
import { indexBriefingRows, type BriefingIndex } from "./briefingData.ts";
import { readBriefingTemplates } from "./templateFile.ts";
import type { BriefingTemplates } from "./templates.ts";
import type { Chart } from "../../charts/chart.ts";
import { getDirectiveHref } from "../../charts/measuresChart.ts";
import { sitePath } from "../sitePath.ts";
import { getDailyCharts, getWeeklyCharts } from "./briefingCharts.ts";
import { planBriefings, type BriefingPlan } from "./briefingPages.ts";
import { getSnapshotDate } from "./scope.ts";
import { getDailyBriefing, type DailyBriefing } from "./dailyBriefing.ts";
import { getWeeklyBriefing, type WeeklyBriefing } from "./weeklyBriefing.ts";
import { writeDailyProse } from "./briefingProse.ts";
import { writeWeeklyProse } from "./weeklyProse.ts";
import { layoutDailyBriefing, layoutWeeklyBriefing, type BriefingDocument } from "./briefingDocument.ts";

/** What every briefing route of one build shares. */
export interface BriefingContext {
  index: BriefingIndex;
  templates: BriefingTemplates;
  /** what this build makes (all briefings, or a snapshot day's) */
  plan: BriefingPlan;
  /** getDailyCharts / getWeeklyCharts, kept like the briefings below (a weekly briefing's WeChat text and PNG use the same charts) */
  dailyCharts(date: string): Chart[];
  weeklyCharts(week: string): Chart[];
  /**
   * a day's briefing (the city's, or a district's with `slug`) and its laid-out document; kept for the few briefings
   * asked for last, since a briefing's wechat.html, briefing.md and figures.csv are built one after the other
   */
  daily(date: string, slug?: string): { briefing: DailyBriefing; doc: BriefingDocument };
  /** a week's briefing and its document, kept the same way */
  weekly(week: string): { briefing: WeeklyBriefing; doc: BriefingDocument };
}

/**
 * `make(key)` through a cache of the `size` keys asked for last: enough for the files of one briefing, built in
 * turn, without keeping the thousands of briefings of a build in memory.
 */
function recent<T>(size: number, make: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) value = make(key);
    // Re-inserted last: a Map iterates in insertion order, so the first key is the one asked for longest ago.
    kept.delete(key);
    kept.set(key, value);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return value;
  };
}

/** Briefings kept by `recent`: the files of one briefing, with room for a second page built beside it. */
const RECENT_BRIEFINGS = 8;

/**
 * The index and the checked templates; rejects with the template loader's `path:line: …` error on a bad file. Made
 * once per build (src/lib/buildRun.ts): the datasets folder, the snapshot day and the base it depends on are those of
 * the build.
 */
export function getBriefingContext(): Promise<BriefingContext> {
  return makeOncePerBuild();
}

const makeOncePerBuild = oncePerBuild(() => makeBriefingContext());

async function makeBriefingContext(): Promise<BriefingContext> {
  const templates = readBriefingTemplates();
  const index = indexBriefingRows({
    districts: await getRows("districts"),
    documents: await getRows("documents"),
    directives: await getRows("directives"),
    measures: await getRows("measures"),
    categories: await getRows("measure_categories"),
    riskAreas: await getRows("risk_areas"),
    caseTables: await getRows("case_csv"),
    caseReports: await getRows("cases"),
  });
  const linkFor = (id: string) => sitePath(getDirectiveHref(id));
  const plan = planBriefings(index, getSnapshotDate());
  const planDates = new Set(plan.dates);
  const dailyBriefing = recent(RECENT_BRIEFINGS, (key) => {
    const [date, slug] = key.split("/") as [string, string];
    const briefing = getDailyBriefing(index, date, slug === "" ? undefined : slug);
    return { briefing, doc: layoutDailyBriefing(briefing, writeDailyProse(briefing, templates)) };
  });
  const weeklyBriefing = recent(RECENT_BRIEFINGS, (week) => {
    const briefing = getWeeklyBriefing(index, week);
    return { briefing, doc: layoutWeeklyBriefing(briefing, writeWeeklyProse(briefing, templates), planDates) };
  });
  return {
    index,
    templates,
    plan,
    daily: (date: string, slug?: string) => dailyBriefing(`${date}/${slug ?? ""}`),
    weekly: weeklyBriefing,
    dailyCharts: recent(RECENT_BRIEFINGS, (date) => getDailyCharts(index, date)),
    weeklyCharts: recent(RECENT_BRIEFINGS, (week) => getWeeklyCharts(index, week, { linkFor })),
  };
}
