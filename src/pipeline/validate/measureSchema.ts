/**
 * Schema of the measures dataset: per date × district × category, the directives that ask for the measure.
 */
import { z } from "zod";
import { col, isoDate } from "./schemas.ts";

export const measureSchema = z
  .object({
    id: col(z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z]+-[a-z0-9_]+$/), "编号", "Stable id: date, district slug (beijing for the whole city) and category key"),
    date: col(isoDate, "日期", "Day of the directives (their documents' event date, else publication date)"),
    district: col(z.string().min(1).nullable(), "区", "Beijing district the directives apply to, or null for the whole city (全市)"),
    category: col(z.string().regex(/^[a-z][a-z0-9_]*$/), "措施类别", "Key of data/reference/measure-categories.csv"),
    directives: col(z.number().int().positive(), "指示数", "Number of directives of that day, district and category"),
    directive_ids: col(z.array(z.string().min(1)).min(1), "指示编号", "Ids of those directives, in id order"),
  })
  .strict();

export type MeasureRecord = z.infer<typeof measureSchema>;
