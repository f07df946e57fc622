/**
 * The order documents are listed in.
 */

interface Dated {
  id: string;
  published_date: string | null;
  event_date: string | null;
}

/**
 * Newest first by publication date (the event date where no publication date is known), then by id,
 * so that equal dates always list in the same order.
 */
export function newestFirst<T extends Dated>(documents: readonly T[]): T[] {
  const day = (d: Dated) => d.published_date ?? d.event_date ?? "";
  return [...documents].sort((a, b) => (day(a) < day(b) ? 1 : day(a) > day(b) ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
