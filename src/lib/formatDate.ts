/**
 * Dates as Chinese readers expect them.
 */

/** `2022-04-13` → `2022年4月13日`; null → `日期不详` (never a guessed date). */
export function formatDate(iso: string | null): string {
  if (iso === null) return "日期不详";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`formatDate: expected YYYY-MM-DD, found ${JSON.stringify(iso)}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}
