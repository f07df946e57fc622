/**
 * A briefing's figures as CSV (`figures.csv`): one row per figure with its state and source, so a reader can check
 * every number of the text against the dataset row it came from. Missing figures are rows with state `missing` and
 * an empty value, never 0 (risk areas added and lifted on a day the listings do not cover are missing; what the
 * day's reports announce is the row `announced`). A count the source marks incomplete has state `lower_bound`.
 */
import Papa from "papaparse";
import type { ScopeCases } from "./caseFigures.ts";
import type { DailyBriefing } from "./dailyBriefing.ts";
import { describeFigureSource, known, MISSING, type Figure } from "./figure.ts";
import type { WeekCases, WeeklyBriefing } from "./weeklyBriefing.ts";

/** The columns, in order. */
export const FIGURE_COLUMNS = ["period", "section", "scope", "figure", "date", "state", "value", "source"] as const;

/** One row of figures.csv. */
export type FigureRow = Record<(typeof FIGURE_COLUMNS)[number], string>;

function row(period: string, section: string, scope: string, figure: string, date: string, value: Figure): FigureRow {
  return {
    period,
    section,
    scope,
    figure,
    date,
    state: value.state,
    value: value.state === "missing" ? "" : String(value.value),
    source: value.state === "missing" ? "" : describeFigureSource(value.source),
  };
}

function scopeRows(period: string, c: ScopeCases): FigureRow[] {
  return [
    row(period, "cases", c.scope, "confirmed", c.today.date, c.today.confirmed),
    row(period, "cases", c.scope, "asymptomatic", c.today.date, c.today.asymptomatic),
    row(period, "cases", c.scope, "total", c.today.date, c.today.total),
    row(period, "cases", c.scope, "total_previous_day", c.yesterday.date, c.yesterday.total),
    row(period, "cases", c.scope, "change_from_previous_day", c.today.date, c.change),
    row(period, "cases", c.scope, "total_last_7_days", c.today.date, c.last7),
    row(period, "cases", c.scope, "total_previous_7_days", c.days[6]?.date ?? c.today.date, c.previous7),
  ];
}

/** The figure rows of a daily briefing: its scope's cases, each district's (city briefing), risk areas, directives, reports. */
export function listDailyFigureRows(b: DailyBriefing): FigureRow[] {
  const period = b.date;
  const rows = [...scopeRows(period, b.cases), ...b.districtCases.flatMap((c) => scopeRows(period, c))];
  const scope = b.district?.name ?? "北京市";
  const ids = (list: ReadonlyArray<{ row: { id: string } }>) => list.map((e) => e.row.id);
  const covered = b.risk.covered;
  rows.push(row(period, "risk_areas", scope, "added", b.date, covered ? known(b.risk.added.length, { dataset: "risk_areas", ids: ids(b.risk.added) }) : MISSING));
  rows.push(row(period, "risk_areas", scope, "lifted", b.date, covered ? known(b.risk.lifted.length, { dataset: "risk_areas", ids: ids(b.risk.lifted) }) : MISSING));
  const announced = [...b.risk.added, ...b.risk.lifted];
  if (!covered && announced.length > 0) rows.push(row(period, "risk_areas", scope, "announced", b.date, known(announced.length, { dataset: "risk_areas", ids: ids(announced) })));
  for (const k of b.risk.inForce) rows.push(row(period, "risk_areas", scope, `in_force_${k.kind}`, b.date, known(k.count, { dataset: "derived", from: [b.date] })));
  rows.push(row(period, "directives", scope, "directives", b.date, known(b.directives.all.length, { dataset: "directives", ids: b.directives.all.map((d) => d.id) })));
  rows.push(row(period, "reports", scope, "reports", b.date, known(b.reports.length, { dataset: "documents", ids: b.reports.map((d) => d.id) })));
  return rows;
}

function weekRows(period: string, c: WeekCases): FigureRow[] {
  return [
    ...c.days.flatMap((d) => [row(period, "cases", c.scope, "confirmed", d.date, d.confirmed), row(period, "cases", c.scope, "asymptomatic", d.date, d.asymptomatic)]),
    row(period, "cases", c.scope, "week_confirmed", c.week, c.confirmed),
    row(period, "cases", c.scope, "week_asymptomatic", c.week, c.asymptomatic),
    row(period, "cases", c.scope, "week_total", c.week, c.total),
  ];
}

/** The figure rows of a weekly briefing. */
export function listWeeklyFigureRows(b: WeeklyBriefing): FigureRow[] {
  const period = b.week;
  const rows = [...weekRows(period, b.cases), ...weekRows(period, b.previousCases), row(period, "cases", "北京市", "week_change", b.week, b.change)];
  rows.push(...b.districtCases.flatMap((c) => weekRows(period, c)));
  const covered = b.risk.covered;
  rows.push(row(period, "risk_areas", "北京市", "added", b.week, covered ? known(b.risk.added.length, { dataset: "risk_areas", ids: b.risk.added.map((e) => e.row.id) }) : MISSING));
  rows.push(row(period, "risk_areas", "北京市", "lifted", b.week, covered ? known(b.risk.lifted.length, { dataset: "risk_areas", ids: b.risk.lifted.map((e) => e.row.id) }) : MISSING));
  const announced = [...b.risk.added, ...b.risk.lifted];
  if (!covered && announced.length > 0) rows.push(row(period, "risk_areas", "北京市", "announced", b.week, known(announced.length, { dataset: "risk_areas", ids: announced.map((e) => e.row.id) })));
  for (const c of b.categories) {
    for (const t of c.top) rows.push(row(period, "measures", c.district ?? "北京市", t.key, b.week, known(t.directives, { dataset: "measures", ids: c.measureIds })));
  }
  return rows;
}

/** `rows` as CSV text: header, fixed column order, `\n` line endings, a final newline, quotes where needed. */
export function emitFigureCsv(rows: readonly FigureRow[]): string {
  return `${Papa.unparse({ fields: [...FIGURE_COLUMNS], data: rows.map((r) => FIGURE_COLUMNS.map((c) => r[c])) }, { newline: "\n" })}\n`;
}
