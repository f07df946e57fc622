/**
 * Risk areas as the pages list them: per district (and the rows whose district no source names), split into the
 * areas in force on a day and the rest, each source shown as a link or a table line.
 */
import type { DistrictRecord } from "../pipeline/validate/districtSchema.ts";
import type { RiskAreaRow } from "../pipeline/validate/riskAreaSchema.ts";
import { RISK_AREA_KINDS, isInForce, riskAreaKind, sortRiskAreas } from "./riskAreaPeriods.ts";

/** The slug of the list of rows without a district. */
export const NO_DISTRICT_SLUG = "other";

/** One district's rows (or the rows without one), sorted by `sortRiskAreas`. */
export interface DistrictRiskAreas {
  slug: string;
  /** `海淀区`, or `其他地区（经开区等或未注明区）` for the rows of no district */
  name: string;
  rows: RiskAreaRow[];
}

/**
 * The rows of each district in `districts` order (districts without rows included, with none), then the rows whose
 * district is null or not one of `districts` under `NO_DISTRICT_SLUG` when there are any.
 */
export function groupRiskAreasByDistrict(rows: readonly RiskAreaRow[], districts: readonly DistrictRecord[]): DistrictRiskAreas[] {
  const byName = new Map<string, RiskAreaRow[]>(districts.map((d) => [d.name, []]));
  const other: RiskAreaRow[] = [];
  for (const row of rows) {
    const list = row.district === null ? undefined : byName.get(row.district);
    (list ?? other).push(row);
  }
  const groups = districts.map((d) => ({ slug: d.slug, name: d.name, rows: sortRiskAreas(byName.get(d.name)!) }));
  if (other.length > 0) groups.push({ slug: NO_DISTRICT_SLUG, name: "其他地区（经开区等或未注明区）", rows: sortRiskAreas(other) });
  return groups;
}

/** Rows split by `day`: those in force (sorted), and counts per kind of all the rows, in force or not. */
export interface RiskAreaSummary {
  current: RiskAreaRow[];
  /** per kind in `RISK_AREA_KINDS` order, kinds without rows left out */
  byKind: Array<{ kind: string; total: number; current: number }>;
  total: number;
}

/** `rows` split by whether they are in force on `day` (`YYYY-MM-DD`); null `day` puts every row in the past. */
export function summariseRiskAreas(rows: readonly RiskAreaRow[], day: string | null): RiskAreaSummary {
  const current = day === null ? [] : sortRiskAreas(rows.filter((row) => isInForce(row, day)));
  const byKind = RISK_AREA_KINDS.map((kind) => ({
    kind,
    total: rows.filter((row) => riskAreaKind(row) === kind).length,
    current: current.filter((row) => riskAreaKind(row) === kind).length,
  })).filter((k) => k.total > 0);
  return { current, byKind, total: rows.length };
}

/** A source of a risk area as a page shows it: a report link (`通报 033`) or a CSV line (`risk-areas-….csv 第2行`). */
export function describeRiskAreaSource(source: RiskAreaRow["sources"][number]): { label: string; href: string | null } {
  if ("doc_id" in source) return { label: `通报 ${source.doc_id}`, href: `/reports/${source.doc_id}/` };
  return { label: `${source.path.slice(source.path.lastIndexOf("/") + 1)} 第${source.line}行`, href: null };
}
