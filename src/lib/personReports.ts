/**
 * The other reports that name a person, so a report page can link a name to where else it appears.
 */
import type { PersonRecord } from "../pipeline/validate/personSchema.ts";
import { compareText } from "./compareText.ts";

/**
 * How many other reports a name links to on a report page. A district's leader is named in hundreds of reports over
 * the years: listing them all on every one of those pages made each page as long as the list, and the site's size
 * grow with the square of the reports.
 */
export const OTHER_REPORTS_SHOWN = 5;

/** The other reports naming a person that a page links to, and how many there are in all. */
export interface OtherReports {
  /** at most OTHER_REPORTS_SHOWN ids: the reports nearest in date to the page's, in date order (ids break ties) */
  shown: string[];
  /** every other published report naming the person */
  total: number;
}

/**
 * For each person's name, the published reports naming them; then, for a report, the OTHER_REPORTS_SHOWN others
 * nearest to it in date. `dateOf` gives a report's date (published, else event; null when unknown: such reports sort
 * after the dated ones, by id, and a page of unknown date shows the first ones). Reports not in `dateOf` are not
 * published and never shown.
 */
export function indexOtherReports(people: readonly PersonRecord[], dateOf: ReadonlyMap<string, string | null>): (name: string, docId: string) => OtherReports {
  const byName = new Map<string, string[]>();
  for (const p of people) {
    const ids = p.doc_ids.filter((id) => dateOf.has(id));
    byName.set(p.name, ids.sort((a, b) => compareByDate(a, b, dateOf)));
  }
  return (name, docId) => {
    const ids = (byName.get(name) ?? []).filter((id) => id !== docId);
    if (ids.length <= OTHER_REPORTS_SHOWN) return { shown: ids, total: ids.length };
    const own = dateOf.get(docId) ?? null;
    // A report of unknown date is near none of them: it shows the first ones.
    if (own === null) return { shown: ids.slice(0, OTHER_REPORTS_SHOWN), total: ids.length };
    const day = dayNumber(own);
    const distance = (id: string) => Math.abs(dayNumber(dateOf.get(id) ?? null) - day);
    const nearest = [...ids].sort((a, b) => distance(a) - distance(b) || compareByDate(a, b, dateOf)).slice(0, OTHER_REPORTS_SHOWN);
    return { shown: nearest.sort((a, b) => compareByDate(a, b, dateOf)), total: ids.length };
  };
}

function compareByDate(a: string, b: string, dateOf: ReadonlyMap<string, string | null>): number {
  const [da, db] = [dateOf.get(a) ?? null, dateOf.get(b) ?? null];
  if (da !== db) return da === null ? 1 : db === null ? -1 : compareText(da, db);
  return compareText(a, b);
}

/** Days since 1970 of a YYYY-MM-DD date; an unknown date counts as far from every known one. */
function dayNumber(date: string | null): number {
  return date === null ? Number.MAX_SAFE_INTEGER / 2 : Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}
