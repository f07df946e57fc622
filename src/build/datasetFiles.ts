/**
 * The datasets of the data build (data/build/) as the site reads them: each file parsed once and every row checked
 * against the schema the pipeline wrote it with, so the site cannot drift from what was validated.
 *
 * These were Astro content collections. The content layer keeps every entry in a data store that the build puts
 * whole into one JavaScript module (72 MB at 10,000 reports), bundles, compiles and parses again before the first
 * page: a third of the site's time and half of its memory at that size. Read directly, the same rows cost one
 * JSON.parse per file.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { z } from "zod";
import { caseCsvSchema, caseSchema } from "../pipeline/validate/caseSchema.ts";
import { correctionSchema } from "../pipeline/validate/correctionSchema.ts";
import { directiveSchema } from "../pipeline/validate/directiveSchema.ts";
import { districtSchema } from "../pipeline/validate/districtSchema.ts";
import { measureCategorySchema } from "../pipeline/validate/measureCategorySchema.ts";
import { measureSchema } from "../pipeline/validate/measureSchema.ts";
import { personMentionSchema, personSchema } from "../pipeline/validate/personSchema.ts";
import { placeSchema } from "../pipeline/validate/placeSchema.ts";
import { riskAreaSchema } from "../pipeline/validate/riskAreaSchema.ts";
import { buildReportEntrySchema, documentSchema } from "../pipeline/validate/schemas.ts";
import { describeRowIssue } from "../pipeline/validate/rowIssue.ts";
import { packageResourceSchema } from "../lib/dataDictionary.ts";

/** Where a dataset's rows are: a file of data/build/, the array in it (`select`; default the whole file), and their schema. */
interface DatasetSource {
  file: string;
  schema: z.ZodType;
  select?: (json: Record<string, unknown>) => unknown;
}

/** Every dataset the pages read, by the name they ask for it by. */
export const SITE_DATASETS = {
  documents: { file: "documents.json", schema: documentSchema },
  districts: { file: "districts.json", schema: districtSchema },
  directives: { file: "directives.json", schema: directiveSchema },
  measures: { file: "measures.json", schema: measureSchema },
  people: { file: "people.json", schema: personSchema },
  person_mentions: { file: "person_mentions.json", schema: personMentionSchema },
  places: { file: "places.json", schema: placeSchema },
  risk_areas: { file: "risk_areas.json", schema: riskAreaSchema },
  cases: { file: "cases.json", schema: caseSchema },
  case_csv: { file: "case_csv.json", schema: caseCsvSchema },
  /** the corrections applied to the datasets (data/reference/corrections.csv), for src/components/CorrectionNotice.astro */
  corrections: { file: "corrections.json", schema: correctionSchema },
  /** datapackage.json's resources: the /data/ page's downloads and data dictionary */
  resources: { file: "datapackage.json", schema: packageResourceSchema, select: (json) => json.resources },
  /** build-report.json's files: what became of every input, for /about/ */
  build_report: { file: "build-report.json", schema: buildReportEntrySchema, select: (json) => json.files },
  /** the measure categories' labels (核酸检测 …) */
  measure_categories: { file: "measure_categories.json", schema: measureCategorySchema },
} as const satisfies Record<string, DatasetSource>;

/** The name of a dataset the pages read. */
export type SiteDatasetName = keyof typeof SITE_DATASETS;

/** A row of dataset `N`, as its schema gives it. */
export type SiteDatasetRow<N extends SiteDatasetName> = z.output<(typeof SITE_DATASETS)[N]["schema"]>;

/**
 * Every row of dataset `name` in folder `dir` (data/build/), in file order, each as its schema gives it back. Throws,
 * naming the file (and the row, the field, what was expected and found), when the file is missing, is not JSON or
 * not an array of rows, or a row fails its schema: the datasets are then not the ones this code writes.
 */
export function readSiteDataset<N extends SiteDatasetName>(dir: string, name: N): Array<SiteDatasetRow<N>> {
  return readSiteDatasetAs(dir, name, SITE_DATASETS[name].schema) as Array<SiteDatasetRow<N>>;
}

/**
 * readSiteDataset with a schema of its own for the rows: a reader that needs a few fields of each row gives a
 * narrower schema (z.object of the dataset schema's fields), and the rest of each row is dropped as it is read.
 */
export function readSiteDatasetAs<S extends z.ZodType>(dir: string, name: SiteDatasetName, schema: S): Array<z.output<S>> {
  const source: DatasetSource = SITE_DATASETS[name];
  const path = join(dir, source.file);
  const shown = relative(process.cwd(), path) || path;
  const hint = "run `npm run data` to write the datasets this site reads";
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "the file is missing" : error instanceof Error ? error.message : String(error);
    throw new Error(`${shown}: cannot read the ${name} dataset: ${reason}; ${hint}`);
  }
  const rows = source.select === undefined ? json : typeof json === "object" && json !== null ? source.select(json as Record<string, unknown>) : undefined;
  if (!Array.isArray(rows)) throw new Error(`${shown}: expected an array of ${name} rows, found ${JSON.stringify(rows)?.slice(0, 60) ?? "nothing"}; ${hint}`);
  return rows.map((row: unknown, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    throw new Error(`${shown}: ${describeRowIssue(name, index, row, parsed.error)}; ${hint}`);
  });
}
