/**
 * Schema of the measure categories dataset: the categories of data/reference/measure-categories.csv
 * as published, so that the site labels the measure timeline from the datasets like everything else.
 */
import { z } from "zod";
import { col } from "./schemas.ts";

export const measureCategorySchema = z
  .object({
    key: col(z.string().regex(/^[a-z][a-z0-9_]*$/), "键", "Permanent key of the category, e.g. nucleic_acid_testing"),
    label_zh: col(z.string().min(1), "中文名称", "Chinese label, e.g. 核酸检测"),
    label_en: col(z.string().min(1), "英文名称", "English label, e.g. Nucleic acid testing"),
    keywords: col(z.array(z.string().min(1)), "关键词", "Words that put a directive in the category when its sentence contains one"),
  })
  .strict();

export type MeasureCategoryRecord = z.infer<typeof measureCategorySchema>;
