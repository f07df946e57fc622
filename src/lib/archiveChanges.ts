/**
 * What changed between two archived snapshots (/archive/{date}/changes/): new reports, new and lifted risk areas, new
 * directives, revised case counts. Pure: the page hands it the rows of both snapshots' datasets.
 */

/** The rows of one snapshot this comparison reads (the emitted datasets; only the fields used are typed). */
export interface SnapshotRows {
  documents: ReadonlyArray<{ id: string; title: string | null; published_date: string | null }>;
  risk_areas: ReadonlyArray<{
    id: string;
    district: string | null;
    district_raw: string | null;
    street: string | null;
    area: string;
    level: string | null;
    regime: string | null;
    from: string | null;
    to: string | null;
  }>;
  directives: ReadonlyArray<{ id: string; doc_id: string; speaker: string; district: string | null; date: string | null; text: string }>;
  case_csv: ReadonlyArray<CaseCountRow>;
  cases: ReadonlyArray<CaseCountRow & { id: string; doc_id: string }>;
}

/** A count row of `case_csv` (CSV tables) or `cases` (read from reports). */
export interface CaseCountRow {
  date: string | null;
  district: string | null;
  window: string | null;
  scope: string;
  measure: string;
  confirmed: number | null;
  asymptomatic: number | null;
  infections: number | null;
  /** case_csv only: the table layout, method and date basis, which tell two counts of one day apart */
  layout?: string;
  method?: string;
  date_basis?: string;
  source_path?: string;
}

/** A count whose value differs between the snapshots. */
export interface RevisedCount {
  /** `table` for the CSV tables, `report` for counts read from a report (its doc id in `docId`) */
  source: "table" | "report";
  docId: string | null;
  date: string | null;
  district: string | null;
  scope: string;
  measure: string;
  window: string | null;
  /** the field that changed: confirmed, asymptomatic or infections */
  field: "confirmed" | "asymptomatic" | "infections";
  before: number | null;
  after: number | null;
}

/** The changes of a snapshot against the one before it. Every list is sorted (see compareSnapshots). */
export interface SnapshotChanges {
  newReports: SnapshotRows["documents"][number][];
  newRiskAreas: SnapshotRows["risk_areas"][number][];
  /** listings in force in the previous snapshot (or new since) that this one shows ended (`to` set) */
  liftedRiskAreas: SnapshotRows["risk_areas"][number][];
  newDirectives: SnapshotRows["directives"][number][];
  revisedCounts: RevisedCount[];
}

const FIELDS = ["confirmed", "asymptomatic", "infections"] as const;
const cmp = (a: string | null | undefined, b: string | null | undefined): number => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

/**
 * The key of a table count across snapshots: its day, district, window, scope, measure, layout, method and date
 * basis — not its file and line, which move when a table is re-exported. Two rows of one snapshot with the same key
 * (intraday lists) are ambiguous and are not compared.
 */
function tableKey(row: CaseCountRow): string {
  return JSON.stringify([row.date, row.district, row.window, row.scope, row.measure, row.layout ?? "", row.method ?? "", row.date_basis ?? ""]);
}

function uniqueBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  const twice = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (map.has(key)) twice.add(key);
    map.set(key, row);
  }
  for (const key of twice) map.delete(key);
  return map;
}

/**
 * Compare snapshot `current` with the snapshot before it, `previous` (null for the first snapshot: everything it
 * holds is new, nothing is lifted or revised). New reports: ids not in `previous`, newest first (published_date, then
 * id). New risk areas: listing ids not in `previous`; lifted: listings ended in `current` that were open in
 * `previous` or are new; both by district, street, area, id. New directives: ids not in `previous`, by date (newest
 * first), then id. Revised counts: a table count (same key: day, district, window, scope, measure, layout, method,
 * date basis) or a report count (same id) present in both whose confirmed, asymptomatic or infections differ, one
 * entry per field, by date (newest first), district, field. Never throws.
 */
export function compareSnapshots(previous: SnapshotRows | null, current: SnapshotRows): SnapshotChanges {
  const before = previous ?? { documents: [], risk_areas: [], directives: [], case_csv: [], cases: [] };
  const had = (rows: ReadonlyArray<{ id: string }>) => new Set(rows.map((r) => r.id));
  const oldDocs = had(before.documents);
  const oldAreas = new Map(before.risk_areas.map((r) => [r.id, r]));
  const oldDirectives = had(before.directives);
  const byPlace = (a: SnapshotRows["risk_areas"][number], b: SnapshotRows["risk_areas"][number]): number =>
    cmp(a.district ?? a.district_raw, b.district ?? b.district_raw) || cmp(a.street, b.street) || cmp(a.area, b.area) || cmp(a.id, b.id);

  const newReports = current.documents.filter((d) => !oldDocs.has(d.id)).sort((a, b) => cmp(b.published_date, a.published_date) || cmp(a.id, b.id));
  const newRiskAreas = current.risk_areas.filter((r) => !oldAreas.has(r.id)).sort(byPlace);
  const liftedRiskAreas = current.risk_areas
    .filter((r) => r.to !== null && (!oldAreas.has(r.id) || oldAreas.get(r.id)!.to === null))
    .sort(byPlace);
  const newDirectives = current.directives.filter((d) => !oldDirectives.has(d.id)).sort((a, b) => cmp(b.date, a.date) || cmp(a.id, b.id));

  const revisedCounts: RevisedCount[] = [];
  const compare = (source: RevisedCount["source"], olds: Map<string, CaseCountRow>, news: Map<string, CaseCountRow>, docOf: (key: string) => string | null): void => {
    for (const [key, row] of news) {
      const old = olds.get(key);
      if (old === undefined) continue;
      for (const field of FIELDS) {
        if (old[field] === row[field]) continue;
        revisedCounts.push({ source, docId: docOf(key), date: row.date, district: row.district, scope: row.scope, measure: row.measure, window: row.window, field, before: old[field], after: row[field] });
      }
    }
  };
  compare("table", uniqueBy(before.case_csv, tableKey), uniqueBy(current.case_csv, tableKey), () => null);
  const docIds = new Map(current.cases.map((c) => [c.id, c.doc_id]));
  compare("report", uniqueBy(before.cases, (c) => c.id), uniqueBy(current.cases, (c) => c.id), (key) => docIds.get(key) ?? null);
  revisedCounts.sort((a, b) => cmp(b.date, a.date) || cmp(a.district, b.district) || cmp(a.source, b.source) || cmp(a.scope, b.scope) || cmp(a.measure, b.measure) || cmp(a.window, b.window) || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));

  return { newReports, newRiskAreas, liftedRiskAreas, newDirectives, revisedCounts };
}

/** The snapshot before `date` among `dates` (any order), or null when `date` is the first. */
export function findPreviousSnapshot(dates: readonly string[], date: string): string | null {
  const earlier = dates.filter((d) => d < date).sort();
  return earlier.at(-1) ?? null;
}
