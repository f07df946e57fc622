/**
 * Corrections of the extracted datasets (every dataset but documents), applied after extraction and before
 * validation; the measures are counted again from corrected directives, so the timeline follows.
 */
import type { z } from "zod";
import type { Issue } from "../issues.ts";
import type { ExtractionResult } from "../extract/datasets.ts";
import { aggregateMeasures } from "../extract/measures.ts";
import { DATASETS } from "../validate/datasets.ts";
import type { Correction } from "./corrections.ts";
import { correctRows } from "./correctionApply.ts";
import { getCorrectionTargets } from "./correctionTargets.ts";

/**
 * Apply `corrections` (file order; those of documents are not theirs: see analyzeCorrected) to the rows of
 * `extraction`, which is changed in place: each corrected dataset's array gets the corrected rows, and when a
 * directive was corrected the measures are aggregated again with `ctx`. Returns the corrections applied and an
 * error of corrections.csv for each that could not be (unknown row, stale old value, invalid new value).
 */
export function correctExtraction(
  extraction: ExtractionResult,
  corrections: readonly Correction[],
  ctx: Parameters<typeof aggregateMeasures>[1],
): { applied: Correction[]; correctionIssues: Issue[] } {
  const targets = getCorrectionTargets();
  const applied: Correction[] = [];
  const correctionIssues: Issue[] = [];
  for (const spec of DATASETS) {
    const target = targets.get(spec.name);
    const mine = corrections.filter((c) => c.dataset === spec.name);
    if (!target || mine.length === 0) continue;
    // The registry reads each dataset's array from the extraction: replacing its items corrects the dataset.
    const rows = spec.rows(extraction) as Array<Record<string, unknown>>;
    const outcome = correctRows(rows, mine, target, spec.schema as z.ZodType);
    rows.splice(0, rows.length, ...outcome.rows);
    applied.push(...outcome.applied);
    correctionIssues.push(...outcome.correctionIssues);
  }
  if (applied.some((c) => c.dataset === "directives")) {
    extraction.measures = aggregateMeasures(extraction.directives, ctx).rows;
  }
  return { applied, correctionIssues };
}
