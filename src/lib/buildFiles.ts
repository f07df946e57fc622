/**
 * The files of the data build (data/build/) as the site reads them: the downloads of /data/ and the clean text of
 * each report. The only file-system reads of the site besides the datasets' rows (src/build/datasetFiles.ts); paths
 * are checked so a dataset value can never name a file outside the folder.
 */
import { readFileSync, readdirSync } from "node:fs";
import { resolve, sep } from "node:path";

/**
 * The datasets the site is built from: data/build/ under the project root (the folder `astro build` runs in), or
 * TONGBAO_DATA_DIR when src/build/site.ts builds an archived snapshot from its own datasets.
 */
export function getBuildDir(): string {
  return resolve(process.cwd(), process.env.TONGBAO_DATA_DIR ?? "data/build");
}

/** True for a path relative to data/build/ that a page may serve: `name.ext` or `text/name.txt`, no `..`. */
export function isBuildFilePath(path: string): boolean {
  return /^(text\/)?[A-Za-z0-9_][A-Za-z0-9_.-]*\.(csv|json|txt)$/.test(path) && !path.includes("..");
}

/**
 * Every file a reader may download, relative to data/build/ (or `dir`) and sorted: the datasets (`*.csv`, `*.json`,
 * datapackage.json, build-report.json) and the clean texts (`text/*.txt`). Throws when the folder is missing:
 * `npm run site` checks for it first.
 */
export function listBuildFiles(dir: string = getBuildDir()): string[] {
  const top = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  const texts = readdirSync(resolve(dir, "text")).map((name) => `text/${name}`);
  return [...top, ...texts].filter(isBuildFilePath).sort();
}

/** The bytes of `path` (relative to data/build/). Throws for a path `isBuildFilePath` refuses or a missing file. */
export function readBuildFile(path: string): Uint8Array<ArrayBuffer> {
  if (!isBuildFilePath(path)) throw new Error(`build file path is not allowed: expected name.csv, name.json or text/name.txt, found ${JSON.stringify(path)}`);
  const full = resolve(getBuildDir(), path);
  if (!full.startsWith(getBuildDir() + sep)) throw new Error(`build file path leaves data/build/: found ${JSON.stringify(path)}`);
  const bytes = readFileSync(full);
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** The clean text of a report from its `text_path` (`text/004.txt`), as UTF-8. Throws when it is missing. */
export function readReportText(textPath: string): string {
  return new TextDecoder("utf-8").decode(readBuildFile(textPath));
}
