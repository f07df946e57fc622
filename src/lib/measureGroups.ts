/**
 * The measures dataset grouped by category, for the list under the measure timeline.
 */
import type { MeasureRecord } from "../pipeline/validate/measureSchema.ts";
import { compareText } from "./compareText.ts";

/** One measure category and its rows. */
export interface MeasureGroup {
  key: string;
  label: string;
  labelEn: string;
  /** newest first, then the whole city (全市) before districts in name order */
  rows: MeasureRecord[];
}

/**
 * One group per category of `categories` (file order, categories without rows included), then one per category key
 * found in `rows` but not in `categories`, labelled by its key. Never throws.
 */
export function groupMeasuresByCategory(
  rows: readonly MeasureRecord[],
  categories: ReadonlyArray<{ key: string; label_zh: string; label_en: string }>,
): MeasureGroup[] {
  const groups: MeasureGroup[] = categories.map((c) => ({ key: c.key, label: c.label_zh, labelEn: c.label_en, rows: [] }));
  const byKey = new Map(groups.map((g) => [g.key, g]));
  for (const row of rows) {
    let group = byKey.get(row.category);
    if (group === undefined) {
      group = { key: row.category, label: row.category, labelEn: "", rows: [] };
      byKey.set(row.category, group);
      groups.push(group);
    }
    group.rows.push(row);
  }
  for (const group of groups) {
    group.rows.sort((a, b) => compareText(b.date, a.date) || compareText(a.district ?? "", b.district ?? ""));
  }
  return groups;
}
