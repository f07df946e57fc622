/**
 * Schemas of the case datasets: counts read from report texts (`cases`) and from the CSV files of data/raw/cases/
 * (`case_csv`). Each column carries its Chinese title and English description for the data dictionary.
 */
import { z } from "zod";
import { cleanSpan, col, documentId, isoDate } from "./schemas.ts";

const count = z.number().int().nonnegative().nullable();
const window = z.string().regex(/^(\d{1,2}-\d{1,2}|until-\d{1,2})$/, "expected 0-24, 0-15 or until-24").nullable();

/** One row of `cases.json` / `cases.csv`: a count statement of a report. */
export const caseSchema = z
  .object({
    id: col(z.string().regex(/^[a-z0-9][a-z0-9_-]*-case-\d+$/), "编号", "Stable id: the document id, `-case-` and the row's 1-based place in text order"),
    doc_id: col(documentId, "文档编号", "Id of the report the count was read from"),
    span: col(cleanSpan, "出处", "[start, end) in UTF-16 code units of the report's clean text: the phrase giving the count"),
    date: col(isoDate.nullable(), "日期", "Day the counts are for (0时至24时 of that day, or the cut-off day); null when the text gives no year to resolve it with"),
    window: col(window, "统计时段", "Hours of the reporting window: 0-24 (0时至24时), 0-15 (0时至15时), until-24 for a cut-off 截至…24时; null when unstated"),
    scope: col(z.enum(["local", "imported", "all"]), "范围", "本土 local, 境外输入 imported, or all where the text does not split"),
    measure: col(z.enum(["new", "cumulative"]), "口径", "新增 new in the window, or 累计 cumulative at the cut-off"),
    district: col(z.string().min(1).nullable(), "区", "One of Beijing's 16 districts, 北京市 for the city total, or null for a zone (see district_raw)"),
    district_raw: col(z.string().min(1).nullable(), "非区名称", "The text's name of a subject that is no district (经开区), else null"),
    confirmed: col(count, "确诊病例", "Confirmed cases; null when the text does not say (never a guessed zero)"),
    asymptomatic: col(count, "无症状感染者", "Asymptomatic infections; null when the text does not say"),
    infections: col(count, "感染者", "Positives, where the text gives no split into confirmed and asymptomatic; else null"),
  })
  .strict()
  .refine((r) => (r.district === null) !== (r.district_raw === null), { message: "exactly one of district and district_raw", path: ["district"] });

export type CaseRecord = z.infer<typeof caseSchema>;

/** One row of `case_csv.json` / `.csv`: a count of a CSV file of data/raw/cases/. */
export const caseCsvSchema = z
  .object({
    source_path: col(z.string().min(1), "输入文件", "Repo-relative path of the CSV file"),
    source_line: col(z.number().int().positive(), "行号", "1-based line of the CSV file (the header is line 1)"),
    layout: col(z.enum(["districts", "citywide", "intraday"]), "表格式", "Which of the three CSV layouts the file has"),
    date: col(isoDate, "日期", "Day of the count (date column, or the day of as_of)"),
    window: col(window, "统计时段", "0-24 for a bulletin day, until-HH for a cut-off, null when the source's basis is not a window"),
    scope: col(z.enum(["local", "imported", "all"]), "范围", "本土 local, 境外输入 imported, or all"),
    measure: col(z.enum(["new", "cumulative"]), "口径", "new or cumulative"),
    district: col(z.string().min(1), "区", "One of Beijing's 16 districts, or 北京市 for a city-wide row"),
    district_raw: col(z.string().nullable(), "原名称", "The source's spelling where it differed, else null"),
    confirmed: col(z.number().int().nullable(), "确诊病例", "Confirmed cases (new or cumulative, see measure); null = not reported; negative only for a revision (method cumulative_diff)"),
    asymptomatic: col(z.number().int().nullable(), "无症状感染者", "Asymptomatic infections; null = not reported"),
    infections: col(z.number().int().nullable(), "感染者", "Positives without a split; null = not reported"),
    method: col(z.string(), "方法", "The source's method column (case_list_count, cumulative_diff, bulletin_regex), empty for the intraday file"),
    date_basis: col(z.string(), "日期口径", "The source's date_basis column, empty where the file has none"),
    coverage: col(z.enum(["complete", "partial", "none"]).nullable(), "完整性", "The district file's coverage column: complete, partial (the day's count was taken from an incomplete case list: a lower bound, never an exact figure) or none; null where the file has no such column or leaves it empty"),
  })
  .strict();

export type CaseCsvRecord = z.infer<typeof caseCsvSchema>;
