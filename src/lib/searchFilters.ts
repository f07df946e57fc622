/**
 * The filters of the search page (district, month) as both the page's menus and the search index
 * (src/build/searchIndex.ts) name them: a month is `2022年4月`, taken from the date a report page shows.
 */
import type { DocumentRow } from "../pipeline/validate/schemas.ts";

/** The date a report page shows and search orders by: publication date, else event date, else null (never guessed). */
export function getSearchDay(doc: Pick<DocumentRow, "published_date" | "event_date">): string | null {
  return doc.published_date ?? doc.event_date;
}

/** `2022-04-13` → `2022年4月`; null for an unknown day. Throws for anything but YYYY-MM-DD, naming it. */
export function getSearchMonth(day: string | null): string | null {
  if (day === null) return null;
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(day);
  if (!match) throw new Error(`search month: expected a date YYYY-MM-DD, found ${JSON.stringify(day)}`);
  return `${Number(match[1])}年${Number(match[2])}月`;
}

/**
 * The months the search page offers in its month filter (`2022年11月`, `2022年4月`, …), newest first, each once.
 * Empty for no documents; undated documents add none.
 */
export function listSearchMonths(documents: ReadonlyArray<Pick<DocumentRow, "published_date" | "event_date">>): string[] {
  const days = new Map<string, string>();
  for (const doc of documents) {
    const day = getSearchDay(doc);
    const month = getSearchMonth(day);
    if (day !== null && month !== null) days.set(day.slice(0, 7), month);
  }
  return [...days].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([, label]) => label);
}
