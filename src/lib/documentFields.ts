/**
 * A report's metadata as the report page lists it: each field's value and whether an editor supplied it or the
 * pipeline extracted it, with where in the original file it was read.
 */
import type { DocumentRow } from "../pipeline/validate/schemas.ts";
import type { SuppliedField } from "../pipeline/records.ts";
import { formatDate } from "./formatDate.ts";

/** 编辑提供 supplied by an editor; 自动提取 extracted by the pipeline; 无 no value. */
export type FieldBasis = "supplied" | "extracted" | "absent";

/** One metadata field of a report. */
export interface DocumentField {
  key: SuppliedField;
  /** Chinese label, e.g. `发布日期` */
  label: string;
  /** the value as shown (dates as `2022年4月13日`, lists joined by 、), or null when unknown */
  value: string | null;
  basis: FieldBasis;
  /** 1-based line and column in the original file of each place the value was read; [] unless extracted */
  positions: Array<{ line: number; column: number }>;
}

const LABELS: Record<SuppliedField, string> = {
  title: "标题",
  pre_title: "引题",
  subtitle: "副题",
  source: "来源",
  published_date: "发布日期",
  event_date: "事件日期",
  reporters: "记者",
  editor: "责任编辑",
  districts: "涉及区",
  url: "原文地址",
};

/** The fields in the order the page lists them. */
const ORDER: readonly SuppliedField[] = ["source", "published_date", "event_date", "reporters", "editor", "districts", "title", "pre_title", "subtitle", "url"];

/**
 * Every metadata field of `doc`, in page order. A field listed in `doc.supplied` is `supplied`; a field with a value
 * is `extracted`, with the positions of its provenance (none when the pipeline gave none); a null or empty value is
 * `absent`, whatever the other columns say. Never throws for a row that passed `documentSchema`.
 */
export function describeDocumentFields(doc: DocumentRow): DocumentField[] {
  return ORDER.map((key) => {
    const value = showValue(key, doc[key]);
    const supplied = (doc.supplied as readonly string[]).includes(key);
    const spans = key === "url" ? undefined : doc.provenance[key];
    const basis: FieldBasis = value === null ? "absent" : supplied ? "supplied" : "extracted";
    const positions = basis === "extracted" && spans ? spans.map(({ line, column }) => ({ line, column })) : [];
    return { key, label: LABELS[key], value, basis, positions };
  });
}

function showValue(key: SuppliedField, value: string | string[] | null): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join("、");
  if (key === "published_date" || key === "event_date") return formatDate(value);
  return value;
}

/** `第3行第1列`; several positions joined by `、`; `` when there are none. */
export function formatPositions(positions: ReadonlyArray<{ line: number; column: number }>): string {
  return positions.map(({ line, column }) => `第${line}行第${column}列`).join("、");
}
