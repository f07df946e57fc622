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
  // Each name's reports in date order, with their day numbers: a page then looks at the few around its own day
  // instead of sorting them all (a leader of 10,000 reports is named in thousands; sorting per page took 15 s).
  const byName = new Map<string, { ids: string[]; days: number[] }>();
  for (const p of people) {
    const ids = p.doc_ids.filter((id) => dateOf.has(id)).sort((a, b) => compareByDate(a, b, dateOf));
    byName.set(p.name, { ids, days: ids.map((id) => dayNumber(dateOf.get(id) ?? null)) });
  }
  return (name, docId) => {
    const { ids, days } = byName.get(name) ?? { ids: [], days: [] };
    const total = ids.length - (ids.includes(docId) ? 1 : 0);
    if (total <= OTHER_REPORTS_SHOWN) return { shown: ids.filter((id) => id !== docId), total };
    const own = dateOf.get(docId) ?? null;
    // A report of unknown date is near none of them: it shows the first ones.
    if (own === null) return { shown: ids.filter((id) => id !== docId).slice(0, OTHER_REPORTS_SHOWN), total };
    const day = dayNumber(own);
    // The nearest are among those just before and just after the page's day. From each side, the nearest ones are
    // taken until OTHER_REPORTS_SHOWN are held and the next is farther than the last held (ties are all kept), then
    // the few are ranked by distance, date order breaking ties.
    // The first report on or after the page's day (days ascend: unknown days, the largest, come last).
    let first = 0;
    for (let last = days.length; first < last; ) {
      const middle = (first + last) >>> 1;
      if (days[middle]! < day) first = middle + 1;
      else last = middle;
    }
    const candidates: number[] = [];
    const take = (from: number, step: number) => {
      let held = 0;
      let last = -1;
      for (let i = from; i >= 0 && i < ids.length; i += step) {
        if (ids[i] === docId) continue;
        const distance = Math.abs(days[i]! - day);
        if (held >= OTHER_REPORTS_SHOWN && distance > last) break;
        candidates.push(i);
        held += 1;
        last = distance;
      }
    };
    take(first - 1, -1);
    take(first, 1);
    const nearest = candidates
      .sort((a, b) => Math.abs(days[a]! - day) - Math.abs(days[b]! - day) || a - b)
      .slice(0, OTHER_REPORTS_SHOWN)
      .sort((a, b) => a - b);
    return { shown: nearest.map((i) => ids[i]!), total };
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
