/**
 * Read the input folder: every report file with its sidecar. The only place that lists and reads
 * `data/raw/reports/`.
 */
// Synchronous on purpose: awaiting each of 15,000 small files in turn cost ~0.2 ms a file in round trips to the
// thread pool (3 s in all), reading them synchronously 0.2 s; the build has nothing else to do meanwhile.
import { lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Issue } from "../pipeline/issues.ts";
import type { SourceFile } from "../pipeline/records.ts";
import type { OrphanSidecar, RunInput } from "../pipeline/run.ts";
import type { CsvInput } from "../pipeline/extract/datasets.ts";
import { SIDECAR_SUFFIX, sha256Hex, sidecarPathFor } from "../pipeline/documentId.ts";


/** Files in the inputs folder that document it rather than being reports. */
function isDocumentation(name: string): boolean {
  return /^readme(\.[a-z]+)?$/i.test(name) || name.startsWith(".");
}

/**
 * List `dir` (absolute) recursively, skipping its README and dot files. Links are followed only
 * when they stay inside `dir`; one that leaves it is an issue. A missing folder lists nothing.
 */
async function listFiles(root: string, dir: string): Promise<{ found: string[]; unreadable: Issue[] }> {
  const found: string[] = [];
  const unreadable: Issue[] = [];
  const realDir = realPathOf(dir);
  if (realDir === null) return { found, unreadable };
  const walk = async (folder: string): Promise<void> => {
    const names = readdirSync(folder).sort();
    for (const name of names) {
      if (isDocumentation(name)) continue;
      const full = join(folder, name);
      const info = lstatSync(full);
      if (info.isSymbolicLink()) {
        const target = realPathOf(full);
        if (target === null || !(target === realDir || target.startsWith(realDir + sep))) {
          // Name the target relative to the repository: an absolute path would differ between machines.
          const shown = target === null ? "nothing (the link is broken)" : describeTarget(root, target);
          unreadable.push(readIssue(root, full, `the link leads outside ${posix(relative(root, dir))}/: expected a file inside the inputs folder, found a link to ${shown}`));
          continue;
        }
        const targetInfo = lstatSync(target);
        if (targetInfo.isDirectory()) continue; // its files are listed where they really are
        found.push(full);
      } else if (info.isDirectory()) await walk(full);
      else if (info.isFile()) found.push(full);
    }
  };
  await walk(dir);
  return { found, unreadable };
}

/**
 * Read every CSV file of `dir` (absolute; data/raw/cases/, data/raw/risk-areas/) as UTF-8. Other
 * files there are issues; a file that cannot be read or is not UTF-8 is listed as unreadable.
 */
export async function readCsvInputs(root: string, dir: string): Promise<{ files: CsvInput[]; unreadable: Issue[] }> {
  const { found, unreadable } = await listFiles(root, dir);
  const files: CsvInput[] = [];
  for (const full of found) {
    if (!full.toLowerCase().endsWith(".csv")) {
      unreadable.push(readIssue(root, full, `the file is not a CSV file: expected a .csv file in ${posix(relative(root, dir))}/, found "${full.slice(full.lastIndexOf(sep) + 1)}"`));
      continue;
    }
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(full));
      files.push({ path: posix(relative(root, full)), text });
    } catch (error) {
      const found = error instanceof TypeError ? "bytes that are not UTF-8" : errorCode(error);
      unreadable.push(readIssue(root, full, `the file cannot be read: expected UTF-8 CSV text, found ${found}`));
    }
  }
  return { files, unreadable };
}

/**
 * List `dir` (absolute) recursively and read every report and sidecar. Paths in the result are
 * relative to `root` (the repository), posix. CSV inputs are read by `readCsvInputs`.
 */
export async function readInputs(root: string, dir: string): Promise<Omit<RunInput, "caseCsv" | "riskAreaCsv">> {
  const { found, unreadable } = await listFiles(root, dir);
  const rel = (full: string) => posix(relative(root, full));
  const sidecars = new Set<string>();
  const reports: string[] = [];
  for (const full of found) {
    if (full.endsWith(SIDECAR_SUFFIX)) sidecars.add(full);
    else reports.push(full);
  }
  const used = new Set<string>();
  const files: SourceFile[] = [];
  for (const full of reports) {
    const candidate = sidecarPathFor(full.split(sep).join("/")).split("/").join(sep);
    const sidecarPath = sidecars.has(candidate) ? candidate : undefined;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(full));
    } catch (error) {
      unreadable.push(readIssue(root, full, `the file cannot be read: expected a readable file, found ${errorCode(error)}`));
      continue;
    }
    let sidecar: SourceFile["sidecar"];
    if (sidecarPath !== undefined) {
      used.add(sidecarPath);
      try {
        const sidecarBytes = readFileSync(sidecarPath);
        sidecar = { path: rel(sidecarPath), text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(sidecarBytes) };
      } catch (error) {
        // The report goes on without the sidecar's facts; the sidecar is listed as rejected with the reason.
        const found = error instanceof TypeError ? "bytes that are not UTF-8" : errorCode(error);
        unreadable.push(readIssue(root, sidecarPath, `the sidecar cannot be read: expected UTF-8 YAML text, found ${found}`));
      }
    }
    // Hashed once here: the run needs the hash three times, the build's look-up of what the cache lacks once more.
    files.push({ path: rel(full), bytes, sha256: sha256Hex(bytes), sidecar });
  }
  const orphanSidecars: OrphanSidecar[] = [...sidecars]
    .filter((full) => !used.has(full))
    .sort()
    .map((full) => ({ path: rel(full) }));
  return { reports: files, orphanSidecars, unreadable };
}

/** The real path of `path`, or null when it cannot be resolved (a broken link, a missing folder). */
function realPathOf(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** A platform path in the posix form the build report uses. */
function posix(path: string): string {
  return path.split(sep).join("/");
}

/** Where a link leads, without machine-specific absolute paths. */
function describeTarget(root: string, target: string): string {
  const inside = relative(root, target);
  return inside.startsWith("..") || inside === "" ? "a path outside the repository" : posix(inside);
}

/** The system's code for a failed read (`ENOENT`, `EACCES`): stable across machines, unlike its message. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "an error";
}

function readIssue(root: string, full: string, message: string): Issue {
  return {
    code: "file-unreadable",
    severity: "error",
    path: posix(relative(root, full)),
    line: null,
    column: null,
    message,
  };
}
