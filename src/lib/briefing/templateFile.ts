/**
 * Reading the briefing templates at build time: the site reads data/reference/briefing-templates.csv as it reads
 * the other reference data, from the project folder (the folder `astro build` runs in).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseBriefingTemplates, type BriefingTemplates } from "./templates.ts";

/** The file's path relative to the project, as messages name it. */
export const BRIEFING_TEMPLATES_PATH = "data/reference/briefing-templates.csv";

/**
 * The checked templates of the project at `root` (default: the working folder). Throws the loader's
 * `path:line: …` error for a bad file, and `…: cannot read …` when the file is missing.
 */
export function readBriefingTemplates(root: string = process.cwd()): BriefingTemplates {
  let text: string;
  try {
    text = readFileSync(resolve(root, BRIEFING_TEMPLATES_PATH), "utf8");
  } catch (error) {
    throw new Error(`${BRIEFING_TEMPLATES_PATH}: cannot read the briefing templates: expected the file, found ${JSON.stringify(String(error))}`);
  }
  return parseBriefingTemplates(text, BRIEFING_TEMPLATES_PATH);
}
