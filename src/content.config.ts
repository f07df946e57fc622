/**
 * Content collections over the emitted datasets. Pages read only these: never the raw reports.
 * The schemas are the pipeline's own, so the site cannot drift from what was validated.
 * Datasets without an `id` column are keyed by a parser (src/lib/keyedRows.ts) that leaves rows as emitted.
 */
import { defineCollection } from "astro:content";
import { file } from "astro/loaders";
import { documentSchema } from "./pipeline/validate/schemas.ts";
import { caseCsvSchema, caseSchema } from "./pipeline/validate/caseSchema.ts";
import { directiveSchema } from "./pipeline/validate/directiveSchema.ts";
import { districtSchema } from "./pipeline/validate/districtSchema.ts";
import { measureSchema } from "./pipeline/validate/measureSchema.ts";
import { personMentionSchema, personSchema } from "./pipeline/validate/personSchema.ts";
import { placeSchema } from "./pipeline/validate/placeSchema.ts";
import { riskAreaSchema } from "./pipeline/validate/riskAreaSchema.ts";
import { correctionSchema } from "./pipeline/validate/correctionSchema.ts";
import { buildReportEntrySchema } from "./pipeline/validate/schemas.ts";
import { measureCategorySchema } from "./pipeline/validate/measureCategorySchema.ts";
import { caseCsvKey, keyedJsonParser } from "./lib/keyedRows.ts";
import { packageResourceSchema } from "./lib/dataDictionary.ts";
import { getBuildDir } from "./lib/buildFiles.ts";

const dataset = (name: string) => `${getBuildDir()}/${name}.json`;

export const collections = {
  documents: defineCollection({ loader: file(dataset("documents")), schema: documentSchema }),
  districts: defineCollection({
    loader: file(dataset("districts"), { parser: keyedJsonParser((row) => String(row.slug)) }),
    schema: districtSchema,
  }),
  directives: defineCollection({ loader: file(dataset("directives")), schema: directiveSchema }),
  measures: defineCollection({ loader: file(dataset("measures")), schema: measureSchema }),
  people: defineCollection({
    loader: file(dataset("people"), { parser: keyedJsonParser((row) => String(row.name)) }),
    schema: personSchema,
  }),
  person_mentions: defineCollection({ loader: file(dataset("person_mentions")), schema: personMentionSchema }),
  places: defineCollection({ loader: file(dataset("places")), schema: placeSchema }),
  risk_areas: defineCollection({ loader: file(dataset("risk_areas")), schema: riskAreaSchema }),
  cases: defineCollection({ loader: file(dataset("cases")), schema: caseSchema }),
  case_csv: defineCollection({ loader: file(dataset("case_csv"), { parser: keyedJsonParser(caseCsvKey) }), schema: caseCsvSchema }),
  /** the corrections applied to the datasets (data/reference/corrections.csv), for src/components/CorrectionNotice.astro */
  corrections: defineCollection({ loader: file(dataset("corrections")), schema: correctionSchema }),
  /** datapackage.json's resources, by name: the /data/ page's downloads and data dictionary */
  resources: defineCollection({
    loader: file(`${getBuildDir()}/datapackage.json`, { parser: keyedJsonParser((row) => String(row.name), (json) => json.resources) }),
    schema: packageResourceSchema,
  }),
  /** build-report.json's files, by path: what became of every input, for /about/ */
  build_report: defineCollection({
    loader: file(`${getBuildDir()}/build-report.json`, { parser: keyedJsonParser((row) => String(row.path), (json) => json.files) }),
    schema: buildReportEntrySchema,
  }),
  /**
   * The measure categories' labels (核酸检测 …). They are reference data the build reads, not an emitted dataset
   * yet, so the site reads the same file with the pipeline's own parser.
   */
  measure_categories: defineCollection({
    loader: file(dataset("measure_categories"), { parser: keyedJsonParser((row) => String(row.key)) }),
    schema: measureCategorySchema,
  }),
};
