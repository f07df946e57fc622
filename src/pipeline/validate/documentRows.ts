/**
 * The rows one document's extraction adds to the datasets, checked against their datasets' schemas as soon as they
 * are extracted. A cached extraction then carries rows already checked, and a rebuild that reuses ten thousand of
 * them does not check them again (validateDatasets skips the rows it is told were checked).
 */
import type { z } from "zod";
import type { DocumentExtraction } from "../extract/datasets.ts";
import { DATASETS, type DatasetName } from "./datasets.ts";

/** The fields of a document's extraction that go into a dataset row for row, with that dataset's name. */
const ROW_FIELDS = [
  ["directives", "directives"],
  ["personMentions", "person_mentions"],
  ["places", "places"],
  ["cases", "cases"],
] as const satisfies ReadonlyArray<readonly [keyof DocumentExtraction, DatasetName]>;

function schemaOf(name: DatasetName): z.ZodType {
  const spec = DATASETS.find((s) => s.name === name);
  if (spec === undefined) throw new Error(`no dataset named ${name}`);
  return spec.schema as z.ZodType;
}

const SCHEMAS = ROW_FIELDS.map(([field, name]) => [field, schemaOf(name)] as const);

/**
 * `extraction` with every row as its dataset's schema gives it back, marked `validated`, when every row passes;
 * otherwise `extraction` as it is: the run's validateDatasets then reports each bad row at its place in the report.
 */
export function validateExtractionRows(extraction: DocumentExtraction): DocumentExtraction {
  const checked: Partial<Record<(typeof ROW_FIELDS)[number][0], unknown[]>> = {};
  for (const [field, schema] of SCHEMAS) {
    const rows: unknown[] = [];
    for (const row of extraction[field]) {
      const parsed = schema.safeParse(row);
      if (!parsed.success) return extraction;
      rows.push(parsed.data);
    }
    checked[field] = rows;
  }
  return { ...extraction, ...(checked as Partial<DocumentExtraction>), validated: true };
}

/** The rows of a `validated` extraction, which the run's check of every row can skip; none for one not validated. */
export function getValidatedRows(extraction: DocumentExtraction): object[] {
  if (extraction.validated !== true) return [];
  return ROW_FIELDS.flatMap(([field]) => extraction[field] as object[]);
}
