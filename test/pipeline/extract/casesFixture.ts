/** Parsed documents made from short texts, through the real pipeline, for the case extraction tests. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractCases, type CaseRow } from "../../../src/pipeline/extract/cases.ts";
import type { Issue } from "../../../src/pipeline/issues.ts";
import { findDistricts } from "../../../src/pipeline/parse/districts.ts";
import type { ParsedDoc } from "../../../src/pipeline/records.ts";
import { analyzeFile, getReference } from "../../support/pipeline.ts";

const dir = mkdtempSync(join(tmpdir(), "tongbao-cases-"));

/** The ParsedDoc of `text` saved as data/raw/reports/`name`, with `published` as if a sidecar supplied it. */
export async function docOf(name: string, text: string, published: string | null = null): Promise<ParsedDoc> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const doc = await analyzeFile(file, `data/raw/reports/${name}`);
  return published === null ? doc : { ...doc, published_date: published };
}

/** extractCases on `doc` with the repository's reference data and the document's district mentions. */
export async function extractCasesOf(doc: ParsedDoc): Promise<{ rows: CaseRow[]; issues: Issue[] }> {
  const reference = await getReference();
  return extractCases(doc, reference, findDistricts(doc.text, reference.gazetteer).mentions);
}
