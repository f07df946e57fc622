/**
 * Measure categories (措施类别) as editable data: data/reference/measure-categories.csv, one row per category with
 * `|`-separated keywords. A directive is in a category when its sentence contains one of the keywords; an editor
 * adds a keyword to the CSV, never to code.
 */
import type { StageResult } from "../records.ts";
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import type { MeasureCategory } from "./context.ts";
import { csvRowIssue, parseCsvRecords } from "../parse/csvRows.ts";

/** Columns of measure-categories.csv; `reason` (why the keywords are there) is optional. */
const COLUMNS = { required: ["key", "label_zh", "label_en", "keywords"], optional: ["reason"] } as const;

const KEY = /^[a-z][a-z0-9_]*$/;

/**
 * Parse measure-categories.csv (`key,label_zh,label_en,keywords[,reason]`), keeping the file's order. Never throws.
 * A row with an empty or non-snake_case key, a key seen before, an empty label, no keyword, or a keyword listed twice
 * is left out with an issue `schema-invalid` at `path:line`; a bad header gives a null value.
 */
export function parseMeasureCategories(csvText: string, path: string): StageResult<MeasureCategory[]> {
  const { records, issues } = parseCsvRecords(csvText, path, COLUMNS, "measure categories");
  if (records === null) return { value: null, issues };
  const out: MeasureCategory[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of records) {
    const bad = (message: string): void => void issues.push(csvRowIssue(path, line, message));
    const key = fields["key"]!;
    if (!KEY.test(key)) {
      bad(`measure category key is not snake_case: expected a key such as nucleic_acid_testing, found ${quoteFound(key)}`);
      continue;
    }
    if (seen.has(key)) {
      bad(`measure category is listed twice: expected each key once, found ${quoteFound(key)} again`);
      continue;
    }
    const labelZh = fields["label_zh"]!.trim();
    const labelEn = fields["label_en"]!.trim();
    if (labelZh === "" || labelEn === "") {
      bad(`measure category has an empty label: expected a Chinese and an English label, found ${quoteFound(`${labelZh},${labelEn}`)}`);
      continue;
    }
    const keywords = fields["keywords"]!.split("|").map((k) => k.trim());
    const empty = keywords.find((k) => k === "");
    const twice = keywords.find((k, i) => keywords.indexOf(k) !== i);
    if (empty !== undefined || twice !== undefined) {
      bad(`measure category keywords are not a list of distinct words: expected words separated by |, found ${quoteFound(fields["keywords"]!, 60)}`);
      continue;
    }
    seen.add(key);
    out.push({ key, label_zh: labelZh, label_en: labelEn, keywords });
  }
  return { value: out, issues: (issues satisfies Issue[]).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/**
 * Keys of the categories whose keywords occur in `text`, in the order of `categories` (the CSV order); [] when none.
 */
export function findCategories(text: string, categories: readonly MeasureCategory[]): string[] {
  return categories.filter((c) => c.keywords.some((k) => text.includes(k))).map((c) => c.key);
}
