/**
 * What the extraction stages read besides the document: reference data, parsed once per run.
 */
import type { Gazetteer } from "../parse/gazetteer.ts";

/** A measure category (措施类别) of data/reference/measure-categories.csv. */
export interface MeasureCategory {
  /** permanent key, e.g. `nucleic_acid_testing` */
  key: string;
  /** Chinese label, e.g. 核酸检测 */
  label_zh: string;
  /** English label, e.g. Nucleic acid testing */
  label_en: string;
  /** words that put a directive in this category when its sentence contains one */
  keywords: string[];
}

/** Reference data for the extract stages. */
export interface ExtractContext {
  gazetteer: Gazetteer;
  /** in the order of the CSV file: the order categories are listed in */
  categories: MeasureCategory[];
}
