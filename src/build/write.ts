/**
 * Atomic output: a run writes a whole new folder beside the old one and swaps it in only when every
 * file is written, so a failed run leaves the previous output untouched.
 */
import { linkSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";

/** A file to write, relative to the output folder. */
export interface OutputFile {
  path: string;
  /** the bytes, or a function making them, called only when the file is not carried over by its `version` */
  content: string | Uint8Array | (() => string | Uint8Array);
  /**
   * a name of the content (a hash of what it is made from; same version, same bytes): when the previous output's
   * file at this path was written with this version and is still as it was left then (same size, modification time
   * and inode: not edited or replaced since), it is linked without making the content. Used only with a versions
   * file (writeFolderAtomically's `versions`).
   */
  version?: string;
}

/** What the versions file holds of a file: its version, and its size, modification time (ns) and inode then. */
type FileVersion = [version: string, size: string, mtimeNs: string, ino: string];

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Replace folder `target` by a folder holding exactly `files`, taken one at a time (a generator making each file when
 * asked, as emitDatasetFiles of src/pipeline/emit/datasets.ts, then has one file's text in memory at once). Writes
 * into `target.tmp-PID`, then renames `target` → `target.old-PID`, the new folder → `target`, and removes the old
 * one. If the process dies between the two renames, `recoverOutput` puts the old folder back on the next run.
 * Subfolders of the old `target` named in `carry` (the pipeline's cache) are moved into the new one
 * as they are; no file of `files` may be inside them. A file whose bytes are those of the same path in the old
 * `target` is linked to it instead of written again (a rebuild after one new report leaves most files as they were;
 * at 10,000 reports writing them all again took 1–3.5 s, most of it waiting for the disk). With `versions` (a path
 * inside a carried folder), the versions of the files that have one are kept there from one build to the next, and a
 * file of the same version as before is linked without its content being made or compared (see OutputFile).
 */
export async function writeFolderAtomically(target: string, files: Iterable<OutputFile>, pid = process.pid, carry: readonly string[] = [], versions?: string): Promise<void> {
  await recoverOutput(target);
  const temp = `${target}.tmp-${pid}`;
  await rm(temp, { recursive: true, force: true });
  const made = new Set<string>();
  const before = versions === undefined ? null : readVersions(join(target, versions));
  const after: Record<string, FileVersion> = {};
  try {
    for (const file of files) {
      if (file.path.split("/").some((part) => part === ".." || part === "")) {
        throw new Error(`refusing to write outside ${target}: ${JSON.stringify(file.path)}`);
      }
      if (carry.includes(file.path.split("/")[0]!)) throw new Error(`refusing to write into the carried folder ${file.path.split("/")[0]}/: ${JSON.stringify(file.path)}`);
      const full = join(temp, file.path);
      // Synchronous: awaiting 10,000 small writes one by one costs a thread-pool round trip each (seconds in all).
      const folder = dirname(full);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      const previous = join(target, file.path);
      const version = before === null ? undefined : file.version;
      if (version !== undefined) {
        const was = before?.get(file.path);
        if (was?.[0] === version && linkUnchanged(previous, full, was)) {
          after[file.path] = was;
          continue;
        }
      }
      writeOrLink(full, typeof file.content === "function" ? file.content() : file.content, previous);
      if (version !== undefined) after[file.path] = versionOf(full, version);
    }
    mkdirSync(temp, { recursive: true });
    for (const name of carry) {
      if (await exists(join(target, name))) await rename(join(target, name), join(temp, name));
    }
    if (versions !== undefined) {
      mkdirSync(dirname(join(temp, versions)), { recursive: true });
      writeFileSync(join(temp, versions), `${JSON.stringify(after)}\n`);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  await replaceFolder(temp, target, pid);
}

/**
 * Write `content` to `path`, or, when `previous` is a regular file holding exactly these bytes, hard-link `path` to
 * it (the old folder is removed after the swap, so the new folder keeps the only link). Written when linking fails
 * (a file system without hard links).
 */
function writeOrLink(path: string, content: string | Uint8Array, previous: string): void {
  // Encoded once, for its size, then to compare or to write (measuring a dataset's text without encoding it is a scan
  // of its own: 0.3 s of a 10,000-report rebuild).
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const old = lstatSync(previous, { throwIfNoEntry: false });
  if (old?.isFile() === true && old.size === bytes.length && readFileSync(previous).equals(bytes)) {
    try {
      linkSync(previous, path);
      return;
    } catch {
      // written below
    }
  }
  writeFileSync(path, bytes);
}

/** The versions file at `path` as a map; empty when it is missing or not one (every file is then made). */
function readVersions(path: string): Map<string, FileVersion> {
  try {
    const stored = JSON.parse(readFileSync(path, "utf8")) as unknown;
    if (typeof stored !== "object" || stored === null) return new Map();
    const isVersion = (value: unknown): value is FileVersion => Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === "string");
    return new Map(Object.entries(stored).filter((entry): entry is [string, FileVersion] => isVersion(entry[1])));
  } catch {
    return new Map();
  }
}

/** The version record of the file just written at `path`. */
function versionOf(path: string, version: string): FileVersion {
  const stats = lstatSync(path, { bigint: true });
  return [version, String(stats.size), String(stats.mtimeNs), String(stats.ino)];
}

/** Link `path` to `previous` when that is a regular file with the size, modification time and inode of `was`. */
function linkUnchanged(previous: string, path: string, was: FileVersion): boolean {
  const old = lstatSync(previous, { bigint: true, throwIfNoEntry: false });
  if (old?.isFile() !== true || String(old.size) !== was[1] || String(old.mtimeNs) !== was[2] || String(old.ino) !== was[3]) return false;
  try {
    linkSync(previous, path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Put the finished folder `temp` in place of `target`: rename `target` aside, rename `temp` into
 * place, then remove the old folder. Used for the datasets and for the site.
 */
export async function replaceFolder(temp: string, target: string, pid = process.pid): Promise<void> {
  const old = `${target}.old-${pid}`;
  const hadOld = await exists(target);
  if (hadOld) await rename(target, old);
  await rename(temp, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/**
 * Undo a swap that was cut short: when `target` is missing but a `target.old-*` folder exists, move
 * it back. Leftover temporary folders are removed.
 */
export async function recoverOutput(target: string): Promise<void> {
  const parent = dirname(target);
  if (!(await exists(parent))) return;
  const base = target.slice(parent.length + 1);
  const names = (await readdir(parent)).sort();
  const olds = names.filter((n) => n.startsWith(`${base}.old-`));
  if (!(await exists(target)) && olds.length > 0) await rename(join(parent, olds[0]!), target);
  for (const name of names) {
    if (name.startsWith(`${base}.tmp-`) || (name.startsWith(`${base}.old-`) && (await exists(target)))) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
}
