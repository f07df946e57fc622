/**
 * The extracted datasets: their schemas, names and descriptions in one registry, and the check of
 * every row against its schema before it is emitted.
 */
import type { z } from "zod";
import type { ExtractionResult } from "../extract/datasets.ts";
import type { Issue } from "../issues.ts";
import { describeRowIssue } from "./rowIssue.ts";
import { caseCsvSchema, caseSchema } from "./caseSchema.ts";
import { correctionSchema } from "./correctionSchema.ts";
import { directiveSchema } from "./directiveSchema.ts";
import { districtSchema } from "./districtSchema.ts";
import { measureSchema } from "./measureSchema.ts";
import { measureCategorySchema } from "./measureCategorySchema.ts";
import { personMentionSchema, personSchema } from "./personSchema.ts";
import { placeSchema } from "./placeSchema.ts";
import { riskAreaSchema } from "./riskAreaSchema.ts";

/** One extracted dataset: emitted as `{name}.json` and `{name}.csv` and described in datapackage.json. */
export interface DatasetSpec {
  name: string;
  /** Chinese and English title */
  title: string;
  description: string;
  schema: z.ZodObject;
  /** the column that identifies a row, when one does */
  primaryKey?: string;
  rows: (extraction: ExtractionResult) => readonly unknown[];
}

/** Every extracted dataset, in the order they are listed in datapackage.json. */
export const DATASETS = [
  {
    name: "districts",
    title: "区 Districts",
    description: "Beijing's 16 districts in administrative-code order: code, name, short name and the pinyin slug of their pages. From the gazetteer (data/reference/gazetteer.csv).",
    schema: districtSchema,
    primaryKey: "code",
    rows: (e) => e.districts,
  },
  {
    name: "measure_categories",
    title: "措施类别 Measure categories",
    description: "The measure categories directives are sorted into, with their Chinese and English labels and keywords, in the order of data/reference/measure-categories.csv.",
    schema: measureCategorySchema,
    primaryKey: "key",
    rows: (e) => e.categories,
  },
  {
    name: "directives",
    title: "指示 Directives",
    description: "One row per directive sentence of a meeting or inspection report: who gave it, for which district and day, and its measure categories. span is [start, end) in the document's clean text.",
    schema: directiveSchema,
    primaryKey: "id",
    rows: (e) => e.directives,
  },
  {
    name: "measures",
    title: "措施 Measures",
    description: "Per date, district (empty for the whole city) and measure category: the number of directives and their ids. What the measure timeline charts.",
    schema: measureSchema,
    primaryKey: "id",
    rows: (e) => e.measures,
  },
  {
    name: "people",
    title: "人物 People",
    description: "One row per person named with a role, with every role and organisation seen and every mention (document and span).",
    schema: personSchema,
    primaryKey: "name",
    rows: (e) => e.people,
  },
  {
    name: "person_mentions",
    title: "人物提及 Person mentions",
    description: "One row per person named with a role in a document: the role as written and the span of the name.",
    schema: personMentionSchema,
    primaryKey: "id",
    rows: (e) => e.personMentions,
  },
  {
    name: "places",
    title: "地点 Places",
    description: "Named places (communities, villages, streets, towns, campuses, checkpoints, buildings) resolved to district and street, with the control status the text gives and the date.",
    schema: placeSchema,
    primaryKey: "id",
    rows: (e) => e.places,
  },
  {
    name: "risk_areas",
    title: "风险区域 Risk areas",
    description: "One row per area and level (高/中/低风险) or regime (封控区/管控区/防范区) listing: from, to, and every report and CSV row that lists it.",
    schema: riskAreaSchema,
    primaryKey: "id",
    rows: (e) => e.riskAreas,
  },
  {
    name: "corrections",
    title: "更正 Corrections",
    description: "One row per correction of data/reference/corrections.csv applied to this build: the value (dataset, row id, field), its old and new value (new empty: unknown), why, the source, the day it was made, and the reports, charts and districts that show it.",
    schema: correctionSchema,
    primaryKey: "id",
    rows: (e) => e.corrections ?? [],
  },
  {
    name: "cases",
    title: "病例 Case counts (reports)",
    description: "Case counts stated in reports: date, reporting window, local or imported, new or cumulative, district (北京市 for the city total), confirmed, asymptomatic and positives. Empty counts are unknown, never zero.",
    schema: caseSchema,
    primaryKey: "id",
    rows: (e) => e.cases,
  },
  {
    name: "case_csv",
    title: "病例 Case counts (tables)",
    description: "The case counts of the CSV files of data/raw/cases/, validated, each row with its file and line.",
    schema: caseCsvSchema,
    rows: (e) => e.caseCsv,
  },
] as const satisfies readonly DatasetSpec[];

export type DatasetName = (typeof DATASETS)[number]["name"];

/** The validated rows of every dataset, by name. */
export type Datasets = Record<DatasetName, Array<Record<string, unknown>>>;

/** Where a row came from, in an input file, for the issue that reports it. */
export type RowLocator = (row: Record<string, unknown>) => { path: string; line: number | null; column: number | null } | null;

/**
 * Check every extracted row against its dataset's schema. A row that fails is the bug of an
 * extractor: it is left out with a `schema-invalid` issue at the place of the input it was read
 * from (`locate`: the report and line of its span, or the CSV file and line), naming the dataset,
 * the field and what was found, so that no dataset ever holds a row its dictionary does not describe. Rows in `checked`
 * passed their schema when they were extracted and are as it gave them back (src/pipeline/validate/documentRows.ts):
 * they are taken as they are.
 */
export function validateDatasets(extraction: ExtractionResult, locate: RowLocator, checked: WeakSet<object> = new WeakSet()): { datasets: Datasets; issues: Issue[] } {
  const issues: Issue[] = [];
  const datasets = {} as Datasets;
  for (const spec of DATASETS) {
    const rows: Array<Record<string, unknown>> = [];
    spec.rows(extraction).forEach((row, index) => {
      if (checked.has(row as object)) {
        rows.push(row as Record<string, unknown>);
        return;
      }
      const parsed = (spec.schema as z.ZodType).safeParse(row);
      if (parsed.success) {
        rows.push(parsed.data as Record<string, unknown>);
        return;
      }
      const where = locate(row as Record<string, unknown>) ?? { path: `data/build/${spec.name}.json`, line: null, column: null };
      issues.push({
        code: "schema-invalid",
        severity: "error",
        ...where,
        message: describeRowIssue(spec.name, index, row, parsed.error),
        hint: "the row was left out; this is a bug of the extractor: please report it with the input",
      });
    });
    datasets[spec.name] = rows;
  }
  return { datasets, issues };
}
