/**
 * The measured extraction quality the /about/ page shows, read from the table of README.md's "Extraction quality"
 * section (the numbers `npm run eval` printed on the development set), so the page and the README cannot disagree.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** One row of the quality table. */
export interface QualityRow {
  /** the dataset and its matching rule, as the README words it (English) */
  dataset: string;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * The rows of the first Markdown table after the `## Extraction quality` heading of `markdown` whose header is
 * `dataset | precision | recall | F1`. Rows whose three numbers do not parse are left out; [] when there is no
 * such section or table. Never throws.
 */
export function parseQualityTable(markdown: string): QualityRow[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+Extraction quality\s*$/.test(line));
  if (start === -1) return [];
  const rows: QualityRow[] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^##\s/.test(line)) break;
    const cells = line.trim().startsWith("|") ? line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim()) : null;
    if (cells === null) {
      if (inTable) break;
      continue;
    }
    if (!inTable) {
      inTable = cells.length === 4 && cells[0] === "dataset" && cells[3] === "F1";
      continue;
    }
    if (cells.every((c) => /^-+$/.test(c))) continue;
    const [dataset, p, r, f] = cells;
    const numbers = [p, r, f].map((c) => (c !== undefined && /^\d+(\.\d+)?$/.test(c) ? Number(c) : NaN));
    if (dataset && numbers.every((n) => !Number.isNaN(n))) rows.push({ dataset, precision: numbers[0]!, recall: numbers[1]!, f1: numbers[2]! });
  }
  return rows;
}

/** The quality table of the project's README.md (read from the folder the build runs in); [] when it has none. */
export function readExtractionQuality(): QualityRow[] {
  return parseQualityTable(readFileSync(resolve(process.cwd(), "README.md"), "utf8"));
}
