/**
 * 更正: the corrections of the datasets (the `corrections` dataset, from data/reference/corrections.csv) that a
 * report page, a chart's figure or embed, the /about/ page or an archived snapshot's page shows.
 */
import type { CorrectionRow } from "../pipeline/validate/correctionSchema.ts";
import { documentSchema } from "../pipeline/validate/schemas.ts";
import { DATASETS } from "../pipeline/validate/datasets.ts";
import { formatDate } from "./formatDate.ts";
import { findSafeUrl } from "./safeUrl.ts";

/** Which corrections a page shows. */
export interface CorrectionFilter {
  /** a chart id (`measures`, `measures-chaoyang`, `cases` …): the corrections that touch the chart */
  chartId?: string | undefined;
  /** a document id: the corrections that touch the report's page */
  docId?: string | undefined;
  /** YYYY-MM-DD: only corrections made after this day (those an archived snapshot of that day does not have) */
  after?: string | undefined;
}

/**
 * The corrections of `rows` that touch chart `chartId` and/or document `docId` (both given: both must hold) and
 * were made after `after`, in file order (by id). No chartId and no docId: every correction (after `after`).
 * Never undefined: an empty list when none applies.
 */
export function getCorrectionsFor(rows: readonly CorrectionRow[], filter: CorrectionFilter): CorrectionRow[] {
  return rows
    .filter((r) => filter.chartId === undefined || r.charts.includes(filter.chartId))
    .filter((r) => filter.docId === undefined || r.doc_ids.includes(filter.docId))
    .filter((r) => filter.after === undefined || r.date > filter.after)
    .sort((a, b) => (a.line - b.line) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The Chinese name of a corrected field, from its dataset's data dictionary (`published_date` → `发布日期`), then
 * the dataset's title for context (`报告 发布日期`); the field's own name when the dictionary has no title.
 */
export function getCorrectionFieldLabel(row: Pick<CorrectionRow, "dataset" | "field">): string {
  const spec = row.dataset === "documents" ? { title: "报告", schema: documentSchema } : DATASETS.find((d) => d.name === row.dataset);
  const shape = spec ? (spec.schema.shape as Record<string, { meta?: () => { title?: string } | undefined }>) : {};
  const title = shape[row.field]?.meta?.()?.title;
  const dataset = spec ? spec.title.split(" ")[0] : row.dataset;
  return `${dataset}${title ?? row.field}`;
}

/** A corrected value as shown: a date `2022年11月27日`, unknown `未知`, any other value as written. */
export function formatCorrectionValue(value: string | null): string {
  if (value === null || value === "") return "未知";
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

/** A part of a correction's source: text, or a web address that may be a link. */
export interface SourcePart {
  text: string;
  /** the address when the part is an http(s) address (src/lib/safeUrl.ts); absent: plain text */
  href?: string | undefined;
}

/**
 * A correction's source split at white space into parts, each http(s) address a link and everything else text
 * (`javascript:` and other schemes stay text). Parts keep their order; the spaces between them are parts too.
 */
export function getSourceParts(source: string): SourcePart[] {
  return source
    .split(/(\s+)/)
    .filter((p) => p !== "")
    .map((text) => {
      const href = /^https?:\/\//i.test(text) ? findSafeUrl(text) : undefined;
      return href === undefined ? { text } : { text, href };
    });
}
