/**
 * Merge risk-area announcements of the texts and listings of the CSV files into one row per area and level or
 * regime, with its lifecycle: from (first designated or listed) to (lifted, or last listed).
 */
import type { Gazetteer } from "../parse/gazetteer.ts";
import type { RiskAreaCsvRow, RiskAreaRow, RiskAreaTextRow } from "../validate/riskAreaSchema.ts";

/**
 * Light normalisation for matching names, never for display: full-width brackets and spaces to half-width, no
 * white space, 街道办事处/街道办 → 街道. `光华里（除封控区外）` and `光华里(除封控区外)` match; different names never do.
 */
export function normalizeAreaName(name: string): string {
  return name
    .replace(/（/gu, "(")
    .replace(/）/gu, ")")
    .replace(/[\s\u3000]+/gu, "")
    .replace(/街道办事处|街道办(?!事)/gu, "街道");
}

const minDate = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * One row per (district, street, area, level or regime), names matched after normalizeAreaName. `from` is the
 * earliest date a source lists or designates it (text date of a non-lifting announcement, CSV first_seen); `to` is
 * the latest date a text lifts it, else the latest CSV last_seen, else null. `sources` lists every text (doc_id,
 * span, change, date) and CSV row (path, line), texts first, each in input order. The id is `ra-` + the normalised
 * key, so it is stable across runs. Sorted by district in administrative order (null last), street, area, from.
 * Linear in the number of rows (one map lookup per row). Never throws.
 */
export function mergeRiskAreas(textRows: RiskAreaTextRow[], csvRows: RiskAreaCsvRow[], gazetteer: Gazetteer): RiskAreaRow[] {
  const merged = new Map<string, RiskAreaRow & { lifted: string | null; lastSeen: string | null }>();
  const keyOf = (district: string | null, street: string | null, area: string, status: string): string =>
    [district ?? "", normalizeAreaName(street ?? ""), normalizeAreaName(area), status].join("|");
  const get = (district: string | null, street: string | null, area: string, level: RiskAreaRow["level"], regime: RiskAreaRow["regime"]) => {
    const key = keyOf(district, street, area, level ?? regime ?? "");
    let row = merged.get(key);
    if (!row) {
      row = { id: `ra-${key}`, district, street, area, level, regime, from: null, to: null, sources: [], lifted: null, lastSeen: null };
      merged.set(key, row);
    }
    return row;
  };
  for (const t of textRows) {
    const row = get(t.district, t.street, t.area, t.level, t.regime);
    row.sources.push({ doc_id: t.doc_id, span: t.span, change: t.change, date: t.date });
    if (t.change === "lifted") row.lifted = maxDate(row.lifted, t.date);
    else row.from = minDate(row.from, t.date);
  }
  for (const c of csvRows) {
    const row = get(c.district, c.street, c.area, c.level, null);
    row.sources.push({ path: c.source_path, line: c.source_line });
    row.from = minDate(row.from, c.first_seen);
    row.lastSeen = maxDate(row.lastSeen, c.last_seen);
  }
  const order = new Map(gazetteer.districts.map((d, i) => [d.name, i]));
  const rank = (d: string | null): number => (d === null ? order.size : order.get(d) ?? order.size);
  const cmp = (a: string | null, b: string | null): number => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);
  return [...merged.values()]
    .map(({ lifted, lastSeen, ...row }) => ({ ...row, to: lifted ?? lastSeen }))
    .sort((a, b) => rank(a.district) - rank(b.district) || cmp(a.street, b.street) || cmp(a.area, b.area) || cmp(a.from, b.from) || cmp(a.id, b.id));
}
