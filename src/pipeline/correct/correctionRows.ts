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
 * The chart families and the dataset each one draws. A chart of the city (`measures`) draws every row of its
 * dataset; a district's chart (`measures-chaoyang`) draws the rows whose `district` is that district, so a
 * city-wide row (district null, or 北京市 in the case tables) is drawn by the city chart alone. The cases charts draw
 * the case tables (case_csv) only, so a count read from a report's text (`cases`) touches no chart; the measures
 * charts draw `measures`, so a directive touches them through the measures rows that count it.
 */
const FAMILIES = [
  { dataset: "measures", chart: "measures" },
  { dataset: "case_csv", chart: "cases" },
  { dataset: "risk_areas", chart: "risk-areas" },
] as const;

/**
 * One dataset row per applied correction, in file order, with
 * - `doc_ids`: the corrected document, or the documents of the corrected row (its doc_id, a measure's directives'
 *   documents, a risk area's report sources);
 * - `charts`: the charts that draw the corrected rows (after the correction): for each row, its family's city chart
 *   (`measures`, `cases`, `risk-areas`) and, when the row has a Beijing district, that district's chart
 *   (`measures-chaoyang`). A directive's rows are the measures rows that count it; a document's (for a change of its
 *   date or districts) are the measures rows of its directives and the risk areas it is a source of. A city-wide
 *   directive (029's) therefore touches `measures` only, not every district's chart. A corrected district field
 *   also names the chart of the district it had (old value), in each family the correction touches: that chart
 *   drew the row before and changed because of the correction;
 * - `districts`: the Beijing districts concerned, in administrative-code order: a corrected document's districts,
 *   the corrected rows' districts, and both old and new value of a district field.
 * Lists are sorted; a value no district or report concerns gives empty lists.
 */
export function getCorrectionRows(applied: readonly Correction[], scope: CorrectionScope): CorrectionRow[] {
  const order = scope.districts.map((d) => d.name);
  const slugOf = new Map(scope.districts.map((d) => [d.name, d.slug]));
  const docOf = new Map(scope.documents.map((d) => [d.id, d]));
  const targets = getCorrectionTargets();
  const directiveDoc = new Map((scope.datasets.directives ?? []).map((r) => [String(r.id), String(r.doc_id)]));
  const measures = scope.datasets.measures ?? [];
  // The measures rows that count any of `directiveIds`: what the measures charts draw of those directives.
  const measuresOf = (directiveIds: ReadonlySet<string>): Row[] =>
    measures.filter((m) => Array.isArray(m.directive_ids) && m.directive_ids.some((id) => directiveIds.has(String(id))));
  return [...applied]
    .sort((a, b) => a.line - b.line)
    .map((c) => {
      const docIds = new Set<string>();
      const districts = new Set<string>();
      const charts = new Set<string>();
      const isDistrict = (name: unknown): name is string => typeof name === "string" && slugOf.has(name);
      const addDistricts = (value: unknown) => {
        for (const name of Array.isArray(value) ? value : [value]) if (isDistrict(name)) districts.add(name);
      };
      const touched = new Set<string>();
      // The rows a family's charts draw: the city chart, and the chart of each row's district.
      const addDrawn = (chart: string, rows: readonly Row[]) => {
        if (rows.length === 0) return;
        touched.add(chart);
        charts.add(chart);
        for (const r of rows) {
          addDistricts(r.district);
          if (isDistrict(r.district)) charts.add(`${chart}-${slugOf.get(r.district)}`);
        }
      };
      if (c.dataset === DOCUMENTS) {
        docIds.add(c.rowId);
        addDistricts(docOf.get(c.rowId)?.districts ?? []);
        if (CHART_FIELDS.has(c.field)) {
          const directiveIds = new Set([...directiveDoc].filter(([, docId]) => docId === c.rowId).map(([id]) => id));
          addDrawn("measures", measuresOf(directiveIds));
          addDrawn("risk-areas", (scope.datasets.risk_areas ?? []).filter((r) => isOfDocument(r, c.rowId)));
        }
      } else {
        const getRowId = targets.get(c.dataset)?.getRowId;
        const row = getRowId ? (scope.datasets[c.dataset] ?? []).find((r) => getRowId(r) === c.rowId) : undefined;
        if (row) {
          for (const id of getDocIds(row, directiveDoc)) docIds.add(id);
          addDistricts(row.district);
          const family = FAMILIES.find((f) => f.dataset === c.dataset);
          if (family) addDrawn(family.chart, [row]);
          if (c.dataset === "directives") addDrawn("measures", measuresOf(new Set([c.rowId])));
        }
      }
      // A corrected district field: the value it had counts as much as the one it has.
      if (c.field === "district" || c.field === "districts") {
        for (const v of [c.oldValue, c.newValue ?? ""]) addDistricts(v.split(/\s*;\s*/));
        for (const name of c.oldValue.split(/\s*;\s*/)) if (isDistrict(name)) for (const chart of touched) charts.add(`${chart}-${slugOf.get(name)}`);
      }
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
        charts: [...charts].sort(),
        districts: [...districts].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
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
