/**
 * The download list and the data dictionary of the /data/ page, read from datapackage.json: one entry per dataset
 * with its CSV and JSON files and, per column, the Chinese title and English description the schemas give.
 */
import { z } from "zod";

/** A field of a table schema as datapackage.json writes it. */
export const packageFieldSchema = z.object({
  name: z.string().min(1),
  type: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
});

/** A resource of datapackage.json; other keys (dialect, constraints …) are kept but not read. */
export const packageResourceSchema = z.looseObject({
  name: z.string().min(1),
  path: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  schema: z.looseObject({ fields: z.array(packageFieldSchema) }).optional(),
});

export type PackageResource = z.infer<typeof packageResourceSchema>;

/** One column of the data dictionary. */
export interface DictionaryField {
  name: string;
  /** Chinese title, `` when the schema gives none */
  title: string;
  /** English description, `` when the schema gives none */
  description: string;
  /** the Table Schema type in the CSV file, e.g. `string` for a list written as JSON text */
  csvType: string | null;
  /** the type in the JSON file, e.g. `array` */
  jsonType: string | null;
}

/** One dataset of the /data/ page: its files and its columns. */
export interface DictionaryEntry {
  /** the dataset's file stem, e.g. `risk_areas`; also the page anchor */
  name: string;
  title: string;
  description: string;
  /** the files to download, relative to the data folder: CSV first, then JSON */
  files: Array<{ format: string; path: string }>;
  fields: DictionaryField[];
}

/**
 * The datasets of `resources` (datapackage.json's, in its order), a CSV resource and its `-json` twin joined into
 * one entry by file stem; a resource alone (build-report.json) is an entry of its own. Field order is the first
 * file's; a field in only one file has a null type for the other. Never throws.
 */
export function buildDataDictionary(resources: readonly PackageResource[]): DictionaryEntry[] {
  const entries = new Map<string, { entry: DictionaryEntry; fields: Map<string, DictionaryField> }>();
  for (const resource of resources) {
    const stem = resource.path.replace(/\.[^./]+$/, "");
    const format = resource.format ?? resource.path.slice(resource.path.lastIndexOf(".") + 1);
    let slot = entries.get(stem);
    if (slot === undefined) {
      slot = {
        entry: { name: stem, title: (resource.title ?? stem).replace(/ \(JSON\)$/, ""), description: resource.description ?? "", files: [], fields: [] },
        fields: new Map(),
      };
      entries.set(stem, slot);
    }
    slot.entry.files.push({ format, path: resource.path });
    for (const field of resource.schema?.fields ?? []) {
      let row = slot.fields.get(field.name);
      if (row === undefined) {
        row = { name: field.name, title: field.title ?? "", description: field.description ?? "", csvType: null, jsonType: null };
        slot.fields.set(field.name, row);
        slot.entry.fields.push(row);
      }
      if (format === "csv") {
        row.csvType = field.type;
        // The CSV's description ends with a note on how it writes lists; the JSON's is the plain one.
        if (row.jsonType === null && field.description) row.description = field.description;
      } else {
        row.jsonType = field.type;
        if (field.description) row.description = field.description;
      }
    }
  }
  for (const { entry } of entries.values()) entry.files.sort((a, b) => (a.format === "csv" ? 0 : 1) - (b.format === "csv" ? 0 : 1));
  return [...entries.values()].map(({ entry }) => entry);
}
