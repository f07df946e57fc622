/**
 * Content collections need an id per entry; some datasets have none (people are keyed by name, the
 * CSV case counts by file and line). This builds the id without touching the row, so that the
 * pipeline's strict schemas still validate it as emitted.
 */

/** A row as parsed from a dataset's JSON file. */
export type JsonRow = Record<string, unknown>;

/**
 * A parser for Astro's `file()` loader: the JSON array of `text` (or the array `select` picks from the parsed
 * JSON, e.g. datapackage.json's `resources`) as an object `{ [key]: row }`, the key given by `keyOf`. Rows are left
 * as they are (no `id` added). Throws when that is not an array of objects or two rows share a key: both are bugs
 * of the emit stage, not bad input.
 */
export function keyedJsonParser(
  keyOf: (row: JsonRow) => string,
  select: (json: JsonRow) => unknown = (json) => json,
): (text: string) => Record<string, JsonRow> {
  return (text) => {
    const rows: unknown = select(JSON.parse(text));
    if (!Array.isArray(rows)) throw new Error(`dataset is not a JSON array: expected [ … ], found ${JSON.stringify(text.slice(0, 20))}`);
    const keyed: Record<string, JsonRow> = {};
    for (const row of rows) {
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        throw new Error(`dataset row is not an object: expected { … }, found ${JSON.stringify(row)}`);
      }
      const key = keyOf(row as JsonRow);
      if (Object.hasOwn(keyed, key)) throw new Error(`dataset key is not unique: expected one row per key, found "${key}" twice`);
      keyed[key] = row as JsonRow;
    }
    return keyed;
  };
}

/**
 * The key of a `case_csv` row: `path:line:measure:scope`, e.g.
 * `data/raw/cases/cases-beijing-citywide.csv:3:new:all`; one CSV line gives a row per measure and scope.
 */
export function caseCsvKey(row: JsonRow): string {
  return `${String(row.source_path)}:${String(row.source_line)}:${String(row.measure)}:${String(row.scope)}`;
}
