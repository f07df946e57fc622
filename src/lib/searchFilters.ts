/**
 * What a report page tells Pagefind (src/build/searchIndex.ts) besides its text: the filters the search page offers
 * (district, month) and the date shown with each result. One `key:value` pair per element: Pagefind 1.6 reads a
 * comma-separated list in one attribute as a single value (`区:密云区, 区:怀柔区` becomes one district).
 */
import type { DocumentRow } from "../pipeline/validate/schemas.ts";
import { formatDate } from "./formatDate.ts";

/** 区: the filter of the report's districts (official names, `密云区`). */
export const DISTRICT_FILTER = "区";
/** 月份: the filter of the month the report is dated in (`2022年4月`). */
export const MONTH_FILTER = "月份";

/** The `data-pagefind-filter` and `data-pagefind-meta` values of one report page. */
export interface SearchAttributes {
  /** one `key:value` per element, e.g. `["区:密云区", "月份:2022年4月"]`; districts first, in the dataset's order */
  filters: string[];
  /** `date:2022年4月13日`: the date the report page shows (publication, else event date) */
  meta: string;
}

/**
 * The search attributes of a report: a district filter per district, a month filter from the date the page shows
 * (publication date, else event date; the dataset guarantees one of them), and that date as `date` metadata. A
 * document with neither date gets no month filter and `date:日期不详`, never a guessed date.
 */
export function getSearchAttributes(doc: Pick<DocumentRow, "districts" | "published_date" | "event_date">): SearchAttributes {
  const day = doc.published_date ?? doc.event_date;
  const filters = doc.districts.map((name) => `${DISTRICT_FILTER}:${name}`);
  const month = day === null ? null : /^(\d{4})-(\d{2})-\d{2}$/.exec(day);
  if (month) filters.push(`${MONTH_FILTER}:${Number(month[1])}年${Number(month[2])}月`);
  return { filters, meta: `date:${formatDate(day)}` };
}

/**
 * The months the search page offers in its month filter (`2022年11月`, `2022年4月`, …), newest first, each once: the
 * months of `getSearchAttributes` over `documents`. Empty for no documents.
 */
export function listSearchMonths(documents: ReadonlyArray<Pick<DocumentRow, "published_date" | "event_date">>): string[] {
  const months = new Set<string>();
  for (const doc of documents) {
    const day = doc.published_date ?? doc.event_date;
    if (day !== null && /^\d{4}-\d{2}/.test(day)) months.add(day.slice(0, 7));
  }
  return [...months].sort().reverse().map((month) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`);
}
