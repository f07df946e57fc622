/**
 * Document ids and input file names. An id must be the same on every machine and survive edits of
 * the file (it is part of the report's address), so it comes from the file name, not its content.
 */
import { createHash } from "node:crypto";
import type { Issue } from "./issues.ts";
import { quoteFound } from "./issues.ts";

const PLAIN_STEM = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The file name of a posix path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The file name without its last extension (`004.txt` → `004`, `a.meta.yaml` → `a.meta`). */
export function stemOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Sidecars end with this; `004.meta.yaml` belongs to `004.txt` (or `004.html`, `004.md`). */
export const SIDECAR_SUFFIX = ".meta.yaml";

/** The sidecar path of a report: `data/raw/reports/004.txt` → `data/raw/reports/004.meta.yaml`. */
export function sidecarPathFor(path: string): string {
  const name = baseName(path);
  return `${path.slice(0, path.length - name.length)}${stemOf(path)}${SIDECAR_SUFFIX}`;
}

/** sha256 of bytes or text, hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** sha256Hex of a report's bytes: the one its reader computed (SourceFile.sha256), else computed here. */
export function getFileHash(file: { bytes: Uint8Array; sha256?: string | undefined }): string {
  return file.sha256 ?? sha256Hex(file.bytes);
}

/**
 * The id of the report at `path`: its stem lower-cased when that is plain ASCII
 * (`000_76bc26fd7b02b4ab.txt` → `000_76bc26fd7b02b4ab`); otherwise (Chinese, spaces) `r` and the
 * first 12 hex digits of the sha256 of the NFC path, so `海淀 通报.txt` still gets a stable id.
 */
export function documentIdFor(path: string): string {
  const stem = stemOf(path);
  if (PLAIN_STEM.test(stem)) return stem.toLowerCase();
  return `r${sha256Hex(path.normalize("NFC")).slice(0, 12)}`;
}

/**
 * Check a file name an editor gave. Chinese and spaces are fine (the id is then a hash); `..`,
 * control characters and backslashes are not: they are mistaken for paths by the tools that
 * handle the published files. Returns an error issue, or null when the name is usable.
 */
export function checkFileName(path: string): Issue | null {
  const name = baseName(path);
  let problem: string | null = null;
  if (name.includes("..")) problem = `".." in a file name`;
  else if (/[\u0000-\u001f\u007f]/.test(name)) problem = "a control character in a file name";
  else if (name.includes("\\")) problem = "a backslash in a file name";
  else if (name.startsWith("-")) problem = `a file name starting with "-"`;
  if (problem === null) return null;
  return {
    code: "file-name-unsafe",
    severity: "error",
    path,
    line: null,
    column: null,
    message: `file name cannot be used: expected letters, digits, Chinese, spaces, "-", "_" and one "." before the extension, found ${problem}: ${quoteFound(name)}`,
    hint: "rename the file; its id and address come from its name",
  };
}
