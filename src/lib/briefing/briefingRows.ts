/**
 * The briefing index of this build, from the content collections. Astro only (`astro:content`), so not
 * unit-tested; the index itself is (briefingData.ts).
 *
 * Why a module-level promise: every briefing route (pages and endpoints, ~1,500 files) needs the same index of
 * 23,000 risk-area rows; Astro prerenders all routes in one process, so they share one index instead of each
 * building its own. The index is a pure function of the datasets, which do not change during a build.
 */
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { getBuildDir } from "../buildFiles.ts";
import { getRows } from "../datasetRows.ts";
import { indexBriefingRows, type BriefingIndex } from "./briefingData.ts";
import { BRIEFING_TEMPLATES_PATH, readBriefingTemplates } from "./templateFile.ts";
import type { BriefingTemplates } from "./templates.ts";
import type { Chart } from "../../charts/chart.ts";
import { getDirectiveHref } from "../../charts/measuresChart.ts";
import { getSiteBase, sitePath } from "../sitePath.ts";
import { getDailyCharts, getWeeklyCharts } from "./briefingCharts.ts";
import { planBriefings, type BriefingPlan } from "./briefingPages.ts";
import { getSnapshotDate } from "./scope.ts";

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** What every briefing route of one build shares. */
export interface BriefingContext {
  index: BriefingIndex;
  templates: BriefingTemplates;
  /** what this build makes (all briefings, or a snapshot day's) */
  plan: BriefingPlan;
  /** getDailyCharts / getWeeklyCharts, each drawn once per build (a page and its four files use the same charts) */
  dailyCharts(date: string): Chart[];
  weeklyCharts(week: string): Chart[];
}

let pending: { key: string; value: Promise<BriefingContext> } | undefined;

/**
 * What the cached context depends on: the datasets folder and the times its files and the templates were written,
 * the snapshot day (the plan: scope.ts) and the site's base (the measures chart's links are site paths). A second
 * build in the same process (tests, an archived snapshot under /archive/…/site/) may load the same page modules
 * again: a changed key rebuilds.
 */
function getCacheKey(): string {
  const dir = getBuildDir();
  const files = ["documents.json", "directives.json", "risk_areas.json", "case_csv.json", "cases.json", "measures.json", "measure_categories.json", "districts.json"];
  const times = files.map((f) => statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  return JSON.stringify([dir, times, statSync(resolve(BRIEFING_TEMPLATES_PATH), { throwIfNoEntry: false })?.mtimeMs ?? 0, getSnapshotDate(), getSiteBase()]);
}

/**
 * The category keys in the order the emitted measure_categories dataset lists them (the order of
 * data/reference/measure-categories.csv), whatever order the collection hands its entries over in; undefined when
 * the file cannot be read (the collection's order is used then).
 */
function readCategoryOrder(): string[] | undefined {
  try {
    return (JSON.parse(readFileSync(join(getBuildDir(), "measure_categories.json"), "utf8")) as Array<{ key: string }>).map((c) => c.key);
  } catch (error) {
    console.warn(`${join(getBuildDir(), "measure_categories.json")}: cannot read the category order: expected the emitted dataset, found ${JSON.stringify(String(error))}`);
    return undefined;
  }
}

/** The index and the checked templates; rejects with the template loader's `path:line: …` error on a bad file. */
export function getBriefingContext(): Promise<BriefingContext> {
  const key = getCacheKey();
  if (pending?.key === key) return pending.value;
  const value = (async () => {
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
      categoryOrder: readCategoryOrder(),
    });
    const daily = new Map<string, Chart[]>();
    const weekly = new Map<string, Chart[]>();
    const linkFor = (id: string) => sitePath(getDirectiveHref(id));
    return {
      index,
      templates,
      plan: planBriefings(index, getSnapshotDate()),
      dailyCharts: (date: string) => cached(daily, date, () => getDailyCharts(index, date)),
      weeklyCharts: (week: string) => cached(weekly, week, () => getWeeklyCharts(index, week, { linkFor })),
    };
  })();
  pending = { key, value };
  return value;
}
