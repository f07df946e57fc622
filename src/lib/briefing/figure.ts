/**
 * A briefing's figures: every number carries where it was read, and "missing" (no row that day) is a state of its
 * own, never a 0 (a row that says 0 is a known zero). A count the source marks incomplete (case_csv `coverage`
 * partial: the district's cases of the day were counted from an incomplete case list) is a "lower_bound": shown as
 * 至少N例, never summed, compared or presented as exact.
 */

/** Where a figure was read, so the page, the Markdown and the CSV can cite it. */
export type FigureSource =
  /** a line of a case CSV (dataset case_csv): `data/raw/cases/cases-beijing-citywide.csv` line 341 */
  | { dataset: "case_csv"; path: string; line: number }
  /** a report's count statement (dataset cases): row id, report id and [start, end) in its clean text */
  | { dataset: "cases"; id: string; docId: string; span: readonly [number, number] }
  /** a count over rows of another dataset (risk_areas, directives, documents, measures): their ids */
  | { dataset: "risk_areas" | "directives" | "documents" | "measures"; ids: readonly string[] }
  /** a figure computed from other figures (a change, a 7-day sum): the days it is computed from */
  | { dataset: "derived"; from: readonly string[] };

/** A number known from a source. */
export interface KnownFigure {
  state: "known";
  value: number;
  source: FigureSource;
}

/** No source gives this number (no row that day, or the row leaves it empty). */
export interface MissingFigure {
  state: "missing";
}

/** A count the source says is incomplete: the true figure is `value` or more. */
export interface LowerBoundFigure {
  state: "lower_bound";
  value: number;
  source: FigureSource;
}

/** A briefing figure: known with its source, a lower bound with its source, or missing. */
export type Figure = KnownFigure | LowerBoundFigure | MissingFigure;

/** The one missing figure (shared: it has no fields to change). */
export const MISSING: MissingFigure = Object.freeze({ state: "missing" });

/** A known figure of `value` read from `source`. */
export function known(value: number, source: FigureSource): KnownFigure {
  return { state: "known", value, source };
}

/** A lower bound of `value` read from `source` (a count the source marks incomplete). */
export function lowerBound(value: number, source: FigureSource): LowerBoundFigure {
  return { state: "lower_bound", value, source };
}

/** True when `figure` is a lower bound. */
export function isLowerBound(figure: Figure): figure is LowerBoundFigure {
  return figure.state === "lower_bound";
}

/** True when `figure` is known (exact: a lower bound is not). */
export function isKnown(figure: Figure): figure is KnownFigure {
  return figure.state === "known";
}

/** The exact value of `figure`, or null when missing or a lower bound (for tables: null prints as "无数据", never 0). */
export function valueOf(figure: Figure): number | null {
  return figure.state === "known" ? figure.value : null;
}

/**
 * A short Chinese citation of `source` for footnotes and the CSV: `case_csv: cases-beijing-citywide.csv 第341行`,
 * `cases: 通报 030（030-case-18）`, `risk_areas: 3条`, `derived: 2022-04-12, 2022-04-13`.
 */
export function describeFigureSource(source: FigureSource): string {
  switch (source.dataset) {
    case "case_csv":
      return `case_csv: ${source.path.slice(source.path.lastIndexOf("/") + 1)} 第${source.line}行`;
    case "cases":
      return `cases: 通报 ${source.docId}（${source.id}）`;
    case "derived":
      return `derived: ${source.from.join(", ")}`;
    default:
      return `${source.dataset}: ${source.ids.join(" ")}`;
  }
}
