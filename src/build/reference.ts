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
import { parseOutlets } from "../pipeline/parse/outlets.ts";
import { parseGenreRules } from "../pipeline/parse/genre.ts";
import { parseMeasureCategories } from "../pipeline/extract/measureCategories.ts";
import { parsePlaceWords } from "../pipeline/extract/placeWords.ts";
import { parseSpeechCues } from "../pipeline/extract/speechCues.ts";
import { parseCaseWords } from "../pipeline/extract/caseWords.ts";
import { parseCorrections, type Correction } from "../pipeline/correct/corrections.ts";
import { sha256Hex } from "../pipeline/documentId.ts";
import type { ReferenceFingerprints } from "../pipeline/cache/stageCache.ts";

/** The files of the reference folder, by role. */
export const REFERENCE_FILES = {
  gazetteer: "gazetteer.csv",
  districtAliases: "district-aliases.csv",
  pageChrome: "page-chrome.csv",
  outlets: "outlets.csv",
  genres: "genres.csv",
  measureCategories: "measure-categories.csv",
  speechCues: "speech-cues.csv",
  placeWords: "place-words.csv",
  caseWords: "case-words.csv",
} as const;

/** Which files each part of `Reference` is parsed from: a part's fingerprint is the hash of these files' texts. */
const PART_FILES: Readonly<Record<keyof Reference, ReadonlyArray<(typeof REFERENCE_FILES)[keyof typeof REFERENCE_FILES]>>> = {
  gazetteer: [REFERENCE_FILES.gazetteer, REFERENCE_FILES.districtAliases],
  chrome: [REFERENCE_FILES.pageChrome],
  outlets: [REFERENCE_FILES.outlets],
  genres: [REFERENCE_FILES.genres],
  categories: [REFERENCE_FILES.measureCategories],
  cues: [REFERENCE_FILES.speechCues],
  placeWords: [REFERENCE_FILES.placeWords],
  caseWords: [REFERENCE_FILES.caseWords],
};

/**
 * Read and parse the reference folder `dir` (absolute). Any error in it makes the value null: a
 * build on a broken gazetteer or rule set would publish wrong data, so the run stops instead.
 * Issue paths are relative to `root`. `fingerprints` has, for each part of the value (`gazetteer`, `categories`, …),
 * a hash of the files it was parsed from: what the pipeline's cache compares (src/pipeline/cache/stageCache.ts).
 */
export async function loadReference(root: string, dir: string): Promise<StageResult<Reference> & { fingerprints: ReferenceFingerprints }> {
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
        message: `reference file cannot be read: expected a readable file, found ${(error as { code?: string }).code ?? "an error"}`,
        hint: name === REFERENCE_FILES.gazetteer ? "regenerate it with `npm run gazetteer`" : undefined,
      });
      return null;
    }
  };
  const names = Object.values(REFERENCE_FILES);
  const texts = await Promise.all(names.map(read));
  if (texts.some((t) => t === null)) return { value: null, issues, fingerprints: {} };
  const text = (name: (typeof names)[number]): string => texts[names.indexOf(name)]!;
  const fingerprints = Object.fromEntries(
    Object.entries(PART_FILES).map(([part, files]) => [part, sha256Hex(files.map((f) => `${f}\u0000${sha256Hex(text(f))}`).join("\u0000"))]),
  );

  const gazetteer = parseGazetteer(text(REFERENCE_FILES.gazetteer), rel(REFERENCE_FILES.gazetteer));
  const chrome = parseChromeRules(text(REFERENCE_FILES.pageChrome), rel(REFERENCE_FILES.pageChrome));
  const outlets = parseOutlets(text(REFERENCE_FILES.outlets), rel(REFERENCE_FILES.outlets));
  const genres = parseGenreRules(text(REFERENCE_FILES.genres), rel(REFERENCE_FILES.genres));
  const categories = parseMeasureCategories(text(REFERENCE_FILES.measureCategories), rel(REFERENCE_FILES.measureCategories));
  const cues = parseSpeechCues(text(REFERENCE_FILES.speechCues), rel(REFERENCE_FILES.speechCues));
  const placeWords = parsePlaceWords(text(REFERENCE_FILES.placeWords), rel(REFERENCE_FILES.placeWords));
  const caseWords = parseCaseWords(text(REFERENCE_FILES.caseWords), rel(REFERENCE_FILES.caseWords));
  issues.push(...gazetteer.issues, ...chrome.issues, ...outlets.issues, ...genres.issues, ...categories.issues, ...cues.issues, ...placeWords.issues, ...caseWords.issues);
  const aliases = gazetteer.value
    ? parseDistrictAliases(text(REFERENCE_FILES.districtAliases), rel(REFERENCE_FILES.districtAliases), gazetteer.value)
    : { value: null, issues: [] };
  issues.push(...aliases.issues);
  if (
    gazetteer.value === null ||
    chrome.value === null ||
    aliases.value === null ||
    outlets.value === null ||
    genres.value === null ||
    categories.value === null ||
    cues.value === null ||
    placeWords.value === null ||
    caseWords.value === null ||
    issues.some((i) => i.severity === "error")
  ) {
    return { value: null, issues, fingerprints };
  }
  return {
    fingerprints,
    value: {
      gazetteer: withDistrictAliases(gazetteer.value, aliases.value),
      chrome: chrome.value,
      outlets: outlets.value,
      genres: genres.value,
      categories: categories.value,
      cues: cues.value,
      placeWords: placeWords.value,
      caseWords: caseWords.value,
    },
    issues,
  };
}

/** The corrections file of the reference folder: read apart from loadReference, because only a build applies it. */
export const CORRECTIONS_FILE = "corrections.csv";

/**
 * Read and parse `corrections.csv` of the reference folder `dir` (absolute): the corrections a build applies to
 * the datasets (src/pipeline/correct/corrections.ts). A folder without the file has no corrections. Any error in
 * it makes the value null, so the build stops: a correction that cannot be read must not be skipped silently.
 * Issue paths are relative to `root`.
 */
export async function loadCorrections(root: string, dir: string): Promise<StageResult<Correction[]>> {
  const path = relative(root, join(dir, CORRECTIONS_FILE)).split(sep).join("/");
  let text: string;
  try {
    text = await readFile(join(dir, CORRECTIONS_FILE), "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return { value: [], issues: [] };
    const issue: Issue = {
      code: "file-unreadable",
      severity: "error",
      path,
      line: null,
      column: null,
      message: `reference file cannot be read: expected a readable file, found ${(error as { code?: string }).code ?? "an error"}`,
    };
    return { value: null, issues: [issue] };
  }
  const parsed = parseCorrections(text, path);
  return { value: parsed.issues.some((i) => i.severity === "error") ? null : parsed.value, issues: parsed.issues };
}
