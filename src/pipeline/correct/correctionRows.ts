/**
 * The rows of the corrections dataset: each applied correction with what it touches, so that a report page, a
 * chart's figure and its embed can show the corrections of what they display.
 */
import type { CorrectionRow } from "../validate/correctionSchema.ts";
import type { Correction } from "./corrections.ts";
import { DOCUMENTS, getCorrectionTargets } from "./correctionTargets.ts";

type Row = Record<string, unknown>;

/** What the touches of a correction are found in: the corrected datasets of the run. */
export interface CorrectionScope {
  /** the published documents' rows (id, districts) */
  documents: ReadonlyArray<{ id: string; districts: readonly string[] }>;
  /** Beijing's districts in administrative-code order: name and slug */
  districts: ReadonlyArray<{ name: string; slug: string }>;
  /** the extracted datasets by name, corrected */
  datasets: Readonly<Record<string, ReadonlyArray<Row>>>;
}

// Document fields whose change moves what the charts show: the dates of its rows and the districts they count for.
const CHART_FIELDS = new Set(["published_date", "event_date", "districts"]);

/**
 * The chart families of the datasets, with the dataset whose rows a document gives them. The cases charts draw the
 * case tables (case_csv) only, so a count read from a report's text (`cases`) touches no chart.
 */
const FAMILIES = [
  { dataset: "directives", chart: "measures" },
  { dataset: "measures", chart: "measures" },
  { dataset: "case_csv", chart: "cases" },
  { dataset: "risk_areas", chart: "risk-areas" },
] as const;

/**
 * One dataset row per applied correction, in file order, with
 * - `doc_ids`: the corrected document, or the documents of the corrected row (its doc_id, a measure's directives'
 *   documents, a risk area's report sources);
 * - `charts`: for a directive, measure, case count or risk area, its family's city chart (`measures`, `cases`,
 *   `risk-areas`) and the chart of each district it concerns (`measures-chaoyang`); for a document's date or
 *   districts, the charts of every family the document gives rows to, for its districts and its rows' districts;
 * - `districts`: the Beijing districts concerned, in administrative-code order (old and new value of a district
 *   field both count).
 * Lists are sorted; a value no district or report concerns gives empty lists.
 */
export function getCorrectionRows(applied: readonly Correction[], scope: CorrectionScope): CorrectionRow[] {
  const order = scope.districts.map((d) => d.name);
  const slugOf = new Map(scope.districts.map((d) => [d.name, d.slug]));
  const docOf = new Map(scope.documents.map((d) => [d.id, d]));
  const targets = getCorrectionTargets();
  const directiveDoc = new Map((scope.datasets.directives ?? []).map((r) => [String(r.id), String(r.doc_id)]));
  return [...applied]
    .sort((a, b) => a.line - b.line)
    .map((c) => {
      const docIds = new Set<string>();
      const districts = new Set<string>();
      const families = new Set<string>();
      const addDistricts = (value: unknown) => {
        for (const name of Array.isArray(value) ? value : [value]) if (typeof name === "string" && slugOf.has(name)) districts.add(name);
      };
      // A corrected district field: the value it had counts as much as the one it has.
      if (c.field === "district" || c.field === "districts") for (const v of [c.oldValue, c.newValue ?? ""]) addDistricts(v.split(/\s*;\s*/));
      if (c.dataset === DOCUMENTS) {
        docIds.add(c.rowId);
        addDistricts(docOf.get(c.rowId)?.districts ?? []);
        if (CHART_FIELDS.has(c.field)) {
          for (const family of FAMILIES) {
            const rows = (scope.datasets[family.dataset] ?? []).filter((r) => isOfDocument(r, c.rowId));
            if (rows.length === 0) continue;
            families.add(family.chart);
            for (const r of rows) addDistricts(r.district);
          }
        }
      } else {
        const getRowId = targets.get(c.dataset)?.getRowId;
        const row = getRowId ? (scope.datasets[c.dataset] ?? []).find((r) => getRowId(r) === c.rowId) : undefined;
        const family = FAMILIES.find((f) => f.dataset === c.dataset);
        if (family) families.add(family.chart);
        if (row) {
          for (const id of getDocIds(row, directiveDoc)) docIds.add(id);
          addDistricts(row.district);
          // A city-wide directive (no district) counts for the districts of its report.
          if (c.dataset === "directives" && row.district === null) addDistricts(docOf.get(String(row.doc_id))?.districts ?? []);
        }
      }
      const ordered = [...districts].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      const charts = [...families].flatMap((chart) => [chart, ...ordered.map((d) => `${chart}-${slugOf.get(d)}`)]);
      return {
        id: c.id,
        what: c.what,
        dataset: c.dataset,
        row_id: c.rowId,
        field: c.field,
        old_value: c.oldValue,
        new_value: c.newValue,
        reason: c.reason,
        source: c.source,
        date: c.date,
        line: c.line,
        doc_ids: [...docIds].sort(),
        charts: [...new Set(charts)].sort(),
        districts: ordered,
      };
    });
}

function isOfDocument(row: Row, docId: string): boolean {
  if (row.doc_id === docId) return true;
  return Array.isArray(row.sources) && row.sources.some((s) => (s as Row).doc_id === docId);
}

/** The reports a row was read from: its doc_id, a risk area's report sources, a measure's directives' reports. */
function getDocIds(row: Row, directiveDoc: ReadonlyMap<string, string>): string[] {
  const ids: string[] = [];
  if (typeof row.doc_id === "string") ids.push(row.doc_id);
  if (Array.isArray(row.sources)) for (const s of row.sources) if (typeof (s as Row).doc_id === "string") ids.push(String((s as Row).doc_id));
  if (Array.isArray(row.directive_ids)) for (const id of row.directive_ids) if (directiveDoc.has(String(id))) ids.push(directiveDoc.get(String(id))!);
  if (Array.isArray(row.mentions)) for (const m of row.mentions) if (typeof (m as Row).doc_id === "string") ids.push(String((m as Row).doc_id));
  return [...new Set(ids)];
}
