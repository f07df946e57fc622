/**
 * What each report page shows besides its text, computed once for all reports: the rows of every dataset grouped by
 * `doc_id` in one pass (a page per report must not filter four whole datasets again), the category labels, and for
 * each person mention the other published reports that name the same person.
 */
import type { CaseRecord } from "../pipeline/validate/caseSchema.ts";
import type { DirectiveRecord } from "../pipeline/validate/directiveSchema.ts";
import type { MeasureCategoryRecord } from "../pipeline/validate/measureCategorySchema.ts";
import type { PersonMentionRecord, PersonRecord } from "../pipeline/validate/personSchema.ts";
import type { PlaceRow } from "../pipeline/validate/placeSchema.ts";
import type { DocumentRow } from "../pipeline/validate/schemas.ts";
import { compareText } from "./compareText.ts";
import { indexOtherReports, type OtherReports } from "./personReports.ts";
import type { ReportRows } from "./reportMarks.ts";

/** The datasets a report page reads, as src/lib/datasetRows.ts gives them. */
export interface ReportDatasets {
  documents: readonly DocumentRow[];
  directives: readonly DirectiveRecord[];
  places: readonly PlaceRow[];
  mentions: readonly PersonMentionRecord[];
  cases: readonly CaseRecord[];
  people: readonly PersonRecord[];
  categories: readonly MeasureCategoryRecord[];
}

/** The props of one report page. */
export interface ReportPage {
  doc: DocumentRow;
  /** the report's rows of each dataset, in text order (span start, then id) */
  rows: ReportRows;
  /** measure category key → Chinese label (`nucleic_testing` → `核酸检测`) */
  labels: ReadonlyMap<string, string>;
  /** person mention id → the other published reports naming that person that the page links to; absent when none */
  otherReports: ReadonlyMap<string, OtherReports>;
}

/** One page per document, in the documents' order; a report without rows of a dataset gets []. Never throws. */
export function getReportPages(data: ReportDatasets): ReportPage[] {
  const directives = groupByDoc(data.directives);
  const places = groupByDoc(data.places);
  const mentions = groupByDoc(data.mentions);
  const cases = groupByDoc(data.cases);
  const labels = new Map(data.categories.map((c) => [c.key, c.label_zh]));
  const findOthers = indexOtherReports(data.people, new Map(data.documents.map((d) => [d.id, d.published_date ?? d.event_date])));
  return data.documents.map((doc) => {
    const rows: ReportRows = {
      directives: directives.get(doc.id) ?? [],
      places: places.get(doc.id) ?? [],
      mentions: mentions.get(doc.id) ?? [],
      cases: cases.get(doc.id) ?? [],
    };
    const otherReports = new Map<string, OtherReports>();
    for (const m of rows.mentions) {
      const others = findOthers(m.name, doc.id);
      if (others.total > 0) otherReports.set(m.id, others);
    }
    return { doc, rows, labels, otherReports };
  });
}

/** Rows by `doc_id`, each group in text order: span start, then id. */
function groupByDoc<T extends { doc_id: string; id: string; span: readonly number[] }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.doc_id);
    if (group === undefined) groups.set(row.doc_id, [row]);
    else group.push(row);
  }
  for (const group of groups.values()) group.sort((a, b) => (a.span[0] ?? 0) - (b.span[0] ?? 0) || compareText(a.id, b.id));
  return groups;
}
