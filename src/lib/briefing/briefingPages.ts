/**
 * What the briefing routes generate, decided in one place so the pages and the endpoints agree: the days, the
 * district days, the weeks (all of them, or only the snapshot day's: scope.ts), and the links of each page.
 */
import { formatDate } from "../formatDate.ts";
import type { BriefingIndex } from "./briefingData.ts";
import { listBriefingDates, listDistrictBriefingDates } from "./briefingDates.ts";
import { getBriefingPath, getWeeklyBriefingPath } from "./briefingPaths.ts";
import { getIsoWeek } from "./isoWeeks.ts";
import { selectBriefingDates, selectBriefingWeeks } from "./scope.ts";

/** Every briefing this build makes. */
export interface BriefingPlan {
  /** city briefing days, oldest first */
  dates: string[];
  /** district briefings: day and slug, by day then district code */
  districtDays: Array<{ date: string; slug: string; name: string }>;
  /** weeks, oldest first */
  weeks: string[];
  /** all briefing days of the data (for links between days; a snapshot links only to what it holds) */
  allDates: string[];
}

/** The plan of this build (`snapshot`: scope.ts's snapshot day, null for the live site). Pure. */
export function planBriefings(index: BriefingIndex, snapshot: string | null): BriefingPlan {
  const allDates = listBriefingDates(index);
  const dates = selectBriefingDates(allDates, snapshot);
  const chosen = new Set(dates);
  const own = index.districts.map((d) => ({ district: d, days: new Set(listDistrictBriefingDates(index, d.name)) }));
  const districtDays = dates.flatMap((date) => own.filter((o) => o.days.has(date)).map((o) => ({ date, slug: o.district.slug, name: o.district.name })));
  const weeks = selectBriefingWeeks([...new Set(allDates.map(getIsoWeek))].sort(), snapshot);
  return { dates, districtDays, weeks, allDates: allDates.filter((d) => chosen.has(d)) };
}

/** The links above a city briefing: the previous and next briefing days, its districts' briefings, its week. */
export function getDailyLinks(plan: BriefingPlan, date: string): Array<{ href: string; label: string; rel?: string }> {
  const at = plan.dates.indexOf(date);
  const links: Array<{ href: string; label: string; rel?: string }> = [];
  const previous = at > 0 ? plan.dates[at - 1] : undefined;
  const next = at >= 0 ? plan.dates[at + 1] : undefined;
  if (previous !== undefined) links.push({ href: getBriefingPath(previous), label: `前一期：${formatDate(previous)}`, rel: "prev" });
  if (next !== undefined) links.push({ href: getBriefingPath(next), label: `后一期：${formatDate(next)}`, rel: "next" });
  const week = getIsoWeek(date);
  if (plan.weeks.includes(week)) links.push({ href: getWeeklyBriefingPath(week), label: `本周周报（${week}）` });
  for (const d of plan.districtDays.filter((d) => d.date === date)) links.push({ href: getBriefingPath(date, d.slug), label: `${d.name}简报` });
  return links;
}

/** The other formats of a briefing page at `path` (`/briefings/2022-04-13/`, a district or a weekly one alike). */
export function getFormatLinks(path: string): Array<{ href: string; label: string }> {
  const formats = [
    { href: `${path}wechat.html`, label: "微信公众号版（HTML片段）" },
    { href: `${path}briefing.md`, label: "Markdown 版" },
    { href: `${path}figures.csv`, label: "数字及出处（CSV）" },
  ];
  return formats;
}

/** `dates` grouped by month, newest month first and newest day first: `{ month: "2022-04", label: "2022年4月", dates }`. */
export function groupDatesByMonth(dates: readonly string[]): Array<{ month: string; label: string; dates: string[] }> {
  const groups = new Map<string, string[]>();
  for (const date of [...dates].sort().reverse()) groups.set(date.slice(0, 7), [...(groups.get(date.slice(0, 7)) ?? []), date]);
  return [...groups].map(([month, list]) => ({ month, label: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`, dates: list }));
}
