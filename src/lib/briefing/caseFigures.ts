/**
 * A scope's (the city's or a district's) new local cases of one day, the change from the day before and the 7-day
 * trend, each figure with its source. A change or a trend is computed only when every day it needs is known
 * exactly: a day whose case_csv row has `coverage` partial (2022-04-22 朝阳区 3: counted from an incomplete case
 * list) gives lower bounds (figure.ts), which are shown as 至少N例 and never summed or compared.
 */
import { addDays } from "../isoDays.ts";
import type { BriefingIndex, CaseRow } from "./briefingData.ts";
import { isKnown, known, lowerBound, MISSING, type Figure, type FigureSource } from "./figure.ts";

/**
 * One day's counts of one scope. `total` = confirmed + asymptomatic, known only when both are; on a partial day
 * all three are lower bounds (the total only when both counts are given).
 */
export interface CaseDay {
  date: string;
  confirmed: Figure;
  asymptomatic: Figure;
  total: Figure;
}

/** A scope's cases on a briefing day. */
export interface ScopeCases {
  /** 北京市 or the district's official name, as in the case datasets */
  scope: string;
  /** what prose calls it: 全市 or the district's name */
  label: string;
  today: CaseDay;
  yesterday: CaseDay;
  /** today's total less yesterday's; missing unless both are known */
  change: Figure;
  /** the 14 days ending today, oldest first */
  days: CaseDay[];
  /** total of the 7 days ending today; missing unless all 7 are known */
  last7: Figure;
  /** total of the 7 days before those; missing unless all 7 are known */
  previous7: Figure;
  /** last7 less previous7; missing unless both are known */
  trend: Figure;
}

/** The counts of `scope` on `date` from the index (missing figures when no row). */
export function getCaseDay(index: BriefingIndex, scope: string, date: string): CaseDay {
  const found = index.cases.get(`${date}|${scope}`);
  if (found === undefined) return { date, confirmed: MISSING, asymptomatic: MISSING, total: MISSING };
  const source = sourceOf(found);
  const { confirmed: c, asymptomatic: a } = found.row;
  // coverage=partial: the day's count of this district is incomplete (data/raw/cases/README.md).
  const make = found.dataset === "case_csv" && found.row.coverage === "partial" ? lowerBound : known;
  const confirmed = c === null ? MISSING : make(c, source);
  const asymptomatic = a === null ? MISSING : make(a, source);
  const total = c !== null && a !== null ? make(c + a, source) : MISSING;
  return { date, confirmed, asymptomatic, total };
}

/** The full ScopeCases of `scope` (北京市 or a district name) on `date`, labelled `label`. Never throws on data. */
export function getScopeCases(index: BriefingIndex, scope: string, label: string, date: string): ScopeCases {
  const days = Array.from({ length: 14 }, (_, i) => getCaseDay(index, scope, addDays(date, i - 13)));
  const today = days[13] as CaseDay;
  const yesterday = days[12] as CaseDay;
  const last7 = sumTotals(days.slice(7));
  const previous7 = sumTotals(days.slice(0, 7));
  return {
    scope,
    label,
    today,
    yesterday,
    change: difference(today.total, yesterday.total, [yesterday.date, today.date]),
    days,
    last7,
    previous7,
    trend: difference(last7, previous7, days.map((d) => d.date)),
  };
}

/** Sum of the days' totals, known only when every day's total is; its source lists the days. */
export function sumTotals(days: readonly CaseDay[]): Figure {
  let sum = 0;
  for (const day of days) {
    if (!isKnown(day.total)) return MISSING;
    sum += day.total.value;
  }
  return days.length === 0 ? MISSING : known(sum, { dataset: "derived", from: days.map((d) => d.date) });
}

function difference(a: Figure, b: Figure, from: string[]): Figure {
  return isKnown(a) && isKnown(b) ? known(a.value - b.value, { dataset: "derived", from }) : MISSING;
}

function sourceOf(found: CaseRow): FigureSource {
  if (found.dataset === "case_csv") return { dataset: "case_csv", path: found.row.source_path, line: found.row.source_line };
  return { dataset: "cases", id: found.row.id, docId: found.row.doc_id, span: [found.row.span[0], found.row.span[1]] };
}
