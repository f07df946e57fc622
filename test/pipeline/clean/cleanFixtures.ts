/**
 * Test helpers for the clean stage: a DecodedText for a plain UTF-8 text, the chrome rules, the corpus.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseChromeRules } from "../../../src/pipeline/clean/chromeRules.ts";
import type { CleanContext } from "../../../src/pipeline/clean/clean.ts";
import { identityMap } from "../../../src/pipeline/clean/offsets.ts";
import type { DecodedText } from "../../../src/pipeline/records.ts";

/** The DecodedText of a plain UTF-8 text file. */
export function decodedOf(text: string, filePath = "test.txt"): DecodedText {
  return {
    path: filePath,
    encoding: "utf-8",
    format: "text",
    source: text,
    text,
    toSource: identityMap(text.length),
    frontMatter: null,
    frontMatterSpans: {},
    htmlTitle: null,
    headings: [],
  };
}

/** The clean context with the repository's page-chrome.csv. */
export function getContext(): CleanContext {
  const csvPath = "data/reference/page-chrome.csv";
  const parsed = parseChromeRules(readFileSync(path.resolve(process.cwd(), csvPath), "utf8"), csvPath);
  if (parsed.value === null) throw new Error("page-chrome.csv does not parse");
  return { chrome: parsed.value };
}

/** The shared corpus directory (absent on machines without ../shared). */
export const corpusDir = path.resolve(process.cwd(), "../shared/corpus");
