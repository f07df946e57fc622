/**
 * Where a part of a metadata value sits in the decoded source.
 */
import type { MetadataField } from "../records.ts";

/**
 * The [start, end) span in the decoded source of `field.value.slice(start, end)`. A metadata value
 * is its source text trimmed and converted to Simplified: when the value is as long as its span
 * (嚴→严 keeps one code unit per character) the part is located exactly; otherwise, e.g. after
 * pinyin removal (`祁(qí)夢(mèng)竹(zhú)` → `祁梦竹`), the span of the whole value is returned,
 * which still holds the part.
 */
export function spanInField(field: MetadataField, start: number, end: number): [number, number] {
  const exact = field.span[1] - field.span[0] === field.value.length;
  return exact ? [field.span[0] + start, field.span[0] + end] : [field.span[0], field.span[1]];
}
