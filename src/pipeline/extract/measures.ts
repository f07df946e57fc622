/**
 * Measures over time: how many directives asked for each measure category, per day and district. This is what the
 * site's timeline charts.
 */
import type { Issue } from "../issues.ts";
import type { ExtractContext } from "./context.ts";
import type { DirectiveRow } from "./directives.ts";

/** One day × district × category. */
export interface MeasureRow {
  /** `{date}-{district slug or beijing}-{category}` */
  id: string;
  /** YYYY-MM-DD */
  date: string;
  /** official district name, or null for directives that apply to the whole city (全市) */
  district: string | null;
  /** key of the measure category */
  category: string;
  /** number of directives, ≥ 1 */
  directives: number;
  /** their ids, sorted */
  directive_ids: string[];
}

/**
 * Count directives per (date, district, category). A directive without a date, or without a category, counts
 * nowhere; one with several categories counts once in each. A category key unknown to `ctx.categories` or a district
 * unknown to the gazetteer counts too, sorted after the known ones. Rows are sorted by date, then district in
 * administrative-code order with the whole city (null) first, then category in CSV order. Never throws; no issues.
 */
export function aggregateMeasures(directives: readonly DirectiveRow[], ctx: ExtractContext): { rows: MeasureRow[]; issues: Issue[] } {
  const districtRank = new Map(ctx.gazetteer.districts.map((d, i) => [d.name, i]));
  const slugOf = new Map(ctx.gazetteer.districts.map((d) => [d.name, d.slug]));
  const categoryRank = new Map(ctx.categories.map((c, i) => [c.key, i]));
  const groups = new Map<string, MeasureRow>();
  for (const d of directives) {
    if (d.date === null) continue;
    for (const category of d.categories) {
      const key = `${d.date}\u0000${d.district ?? ""}\u0000${category}`;
      let row = groups.get(key);
      if (row === undefined) {
        const slug = d.district === null ? "beijing" : (slugOf.get(d.district) ?? "unknown");
        row = { id: `${d.date}-${slug}-${category}`, date: d.date, district: d.district, category, directives: 0, directive_ids: [] };
        groups.set(key, row);
      }
      row.directives++;
      row.directive_ids.push(d.id);
    }
  }
  const rank = (m: Map<string, number>, k: string | null): number => (k === null ? -1 : (m.get(k) ?? m.size));
  const str = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const rows = [...groups.values()];
  for (const r of rows) r.directive_ids.sort(str);
  rows.sort(
    (a, b) =>
      str(a.date, b.date) ||
      rank(districtRank, a.district) - rank(districtRank, b.district) ||
      str(a.district ?? "", b.district ?? "") ||
      rank(categoryRank, a.category) - rank(categoryRank, b.category) ||
      str(a.category, b.category),
  );
  return { rows, issues: [] };
}
