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
  content: string | Uint8Array;
}

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
 * at 10,000 reports writing them all again took 1–3.5 s, most of it waiting for the disk).
 */
export async function writeFolderAtomically(target: string, files: Iterable<OutputFile>, pid = process.pid, carry: readonly string[] = []): Promise<void> {
  await recoverOutput(target);
  const temp = `${target}.tmp-${pid}`;
  await rm(temp, { recursive: true, force: true });
  const made = new Set<string>();
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
      writeOrLink(full, file.content, join(target, file.path));
    }
    mkdirSync(temp, { recursive: true });
    for (const name of carry) {
      if (await exists(join(target, name))) await rename(join(target, name), join(temp, name));
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
  const old = lstatSync(previous, { throwIfNoEntry: false });
  // The sizes first: encoding a dataset's text to compare it costs as much as writing it.
  const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
  if (old?.isFile() !== true || old.size !== size) {
    writeFileSync(path, content);
    return;
  }
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  if (readFileSync(previous).equals(bytes)) {
    try {
      linkSync(previous, path);
      return;
    } catch {
      // written below
    }
  }
  writeFileSync(path, bytes);
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
