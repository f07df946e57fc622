/**
 * Test fixtures for the directive and people extractors: the repository's reference CSVs parsed into a
 * SpeechContext, and a ParsedDoc made from a text in memory (identity offsets).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { extractDirectives, type DirectiveRow } from "../../../src/pipeline/extract/directives.ts";
import { extractPeople } from "../../../src/pipeline/extract/people.ts";
import type { Issue } from "../../../src/pipeline/issues.ts";
import { parseMeasureCategories } from "../../../src/pipeline/extract/measureCategories.ts";
import { parseSpeechCues, type SpeechContext } from "../../../src/pipeline/extract/speechCues.ts";
import type { ParsedDoc } from "../../../src/pipeline/records.ts";
import { makeDoc } from "../../support/parsedDoc.ts";
import { getReference } from "../../support/pipeline.ts";

/** The SpeechContext of data/reference/, with `categoriesCsv` instead of measure-categories.csv when given. */
export async function getSpeechContext(categoriesCsv?: string): Promise<SpeechContext> {
  const dir = resolve(process.cwd(), "data/reference");
  const cues = parseSpeechCues(readFileSync(`${dir}/speech-cues.csv`, "utf8"), "data/reference/speech-cues.csv");
  const categories = parseMeasureCategories(categoriesCsv ?? readFileSync(`${dir}/measure-categories.csv`, "utf8"), "data/reference/measure-categories.csv");
  if (cues.value === null || categories.value === null || cues.issues.length + categories.issues.length > 0) {
    throw new Error(`reference CSVs have issues: ${[...cues.issues, ...categories.issues].map((i) => i.message).join("; ")}`);
  }
  return { gazetteer: (await getReference()).gazetteer, categories: categories.value, cues: cues.value };
}

/** extractDirectives on `doc` with the person mentions extractPeople finds in it, as extractDocument passes them. */
export function directivesOf(doc: ParsedDoc, ctx: SpeechContext): { rows: DirectiveRow[]; issues: Issue[] } {
  return extractDirectives(doc, ctx, extractPeople(doc, ctx).rows);
}

export { makeDoc };
