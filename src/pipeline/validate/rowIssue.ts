/**
 * What a schema issue of a row says: the value it points at, and the sentence that names the dataset, the row, the
 * field, what was expected and what was found (the pipeline's check of every row, and the site's read of the
 * datasets, say it the same way).
 */
import type { z } from "zod";

/** The value at `path` (a zod issue's path) inside `value`; undefined where the path leaves objects and arrays. */
export function findValueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined), value);
}

/**
 * `directives row 3 is not valid: expected date to be …, found "2022-13-01"`: row `index` (0-based) of dataset `name`,
 * from the first issue of `error`; the value found is cut to 120 characters of JSON.
 */
export function describeRowIssue(name: string, index: number, row: unknown, error: z.ZodError): string {
  const first = error.issues[0];
  const field = first?.path.join(".") || "the row";
  const found = first ? findValueAt(row, first.path) : row;
  return `${name} row ${index + 1} is not valid: expected ${field} to be ${first?.message ?? "valid"}, found ${JSON.stringify(found)?.slice(0, 120) ?? "nothing"}`;
}
