/**
 * Load the reference data editors maintain in `data/reference/`.
 */
import { readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Issue } from "../pipeline/issues.ts";
import type { StageResult } from "../pipeline/records.ts";
import type { Reference } from "../pipeline/run.ts";
import { parseChromeRules } from "../pipeline/clean/chromeRules.ts";
import { parseDistrictAliases, parseGazetteer, withDistrictAliases } from "../pipeline/parse/gazetteer.ts";

/** The files of the reference folder, by role. */
export const REFERENCE_FILES = {
  gazetteer: "gazetteer.csv",
  districtAliases: "district-aliases.csv",
  pageChrome: "page-chrome.csv",
} as const;

/**
 * Read and parse the reference folder `dir` (absolute). Any error in it makes the value null: a
 * build on a broken gazetteer or rule set would publish wrong data, so the run stops instead.
 * Issue paths are relative to `root`.
 */
export async function loadReference(root: string, dir: string): Promise<StageResult<Reference>> {
  const rel = (name: string) => relative(root, join(dir, name)).split(sep).join("/");
  const issues: Issue[] = [];
  const read = async (name: string): Promise<string | null> => {
    try {
      return await readFile(join(dir, name), "utf8");
    } catch (error) {
      issues.push({
        code: "file-unreadable",
        severity: "error",
        path: rel(name),
        line: null,
        column: null,
        message: `reference file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
        hint: name === REFERENCE_FILES.gazetteer ? "regenerate it with `npm run gazetteer`" : undefined,
      });
      return null;
    }
  };
  const [gazetteerText, aliasesText, chromeText] = await Promise.all([
    read(REFERENCE_FILES.gazetteer),
    read(REFERENCE_FILES.districtAliases),
    read(REFERENCE_FILES.pageChrome),
  ]);
  if (gazetteerText === null || aliasesText === null || chromeText === null) return { value: null, issues };

  const gazetteer = parseGazetteer(gazetteerText, rel(REFERENCE_FILES.gazetteer));
  const chrome = parseChromeRules(chromeText, rel(REFERENCE_FILES.pageChrome));
  issues.push(...gazetteer.issues, ...chrome.issues);
  const aliases = gazetteer.value
    ? parseDistrictAliases(aliasesText, rel(REFERENCE_FILES.districtAliases), gazetteer.value)
    : { value: null, issues: [] };
  issues.push(...aliases.issues);
  if (gazetteer.value === null || chrome.value === null || aliases.value === null || issues.some((i) => i.severity === "error")) {
    return { value: null, issues };
  }
  return { value: { gazetteer: withDistrictAliases(gazetteer.value, aliases.value), chrome: chrome.value }, issues };
}
