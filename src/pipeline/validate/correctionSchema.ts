/**
 * Schema of the corrections dataset: one row per row of data/reference/corrections.csv that the build applied, with
 * the value it changed and what it touches (reports, charts, districts), so that every page and embed showing a
 * corrected value can say so (src/components/CorrectionNotice.astro, src/lib/corrections.ts).
 */
import { z } from "zod";
import { col, isoDate } from "./schemas.ts";

/** One row of `corrections.json` / `corrections.csv`. */
export const correctionSchema = z
  .object({
    id: col(z.string().regex(/^c\d{3,}$/, "expected c001, c002, …"), "编号", "Stable id: c and the row's 1-based place in data/reference/corrections.csv, three digits or more (c001)"),
    what: col(z.string().min(1), "更正对象", "The value corrected: {dataset}/{row id}/{field}, e.g. documents/029/published_date"),
    dataset: col(z.string().min(1), "数据集", "The dataset of the value: documents or the name of an extracted dataset"),
    row_id: col(z.string().min(1), "行编号", "The row's id in its dataset (id, or the primary key; for case_csv {source_path}:{source_line})"),
    field: col(z.string().min(1), "字段", "The column corrected"),
    old_value: col(z.string(), "原值", "The value before the correction, as written in the dataset's CSV (empty: it was unknown)"),
    new_value: col(z.string().nullable(), "新值", "The value after the correction, as in the dataset's CSV; null when the correct value is unknown (the value is emptied, never guessed)"),
    reason: col(z.string().min(1), "理由", "Why the old value is wrong"),
    source: col(z.string().min(1), "来源", "Where the new value comes from: a web address or a citation"),
    date: col(isoDate, "更正日期", "Day the correction was made (YYYY-MM-DD); a build as of an earlier day does not apply it"),
    line: col(z.number().int().positive(), "行号", "1-based line of the correction in data/reference/corrections.csv"),
    doc_ids: col(z.array(z.string().min(1)), "涉及报告", "Reports whose page shows the corrected value: the corrected document, or the documents of the corrected rows, sorted"),
    charts: col(z.array(z.string().min(1)), "涉及图表", "Ids of the charts (and their embeds) that show the corrected value: measures, measures-{slug}, cases, cases-{slug}, risk-areas, risk-areas-{slug}, sorted"),
    districts: col(z.array(z.string().min(1)), "涉及区", "Beijing districts the corrected value concerns, official names in administrative-code order"),
  })
  .strict();

export type CorrectionRow = z.infer<typeof correctionSchema>;
