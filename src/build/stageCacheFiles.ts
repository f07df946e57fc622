/**
 * The pipeline's cache on disk (see src/pipeline/cache/stageCache.ts): packs of entries under
 * `data/build/cache/packs/`. Each store that writes (a build, each of its cache workers) appends its entries to a pack
 * of its own, `{sequence}-{thread}.pack`, and a line per entry to the pack's `.index`
 * (`{stage} {key} {offset} {length}`), the entry's bytes always before its line. A build reads the indexes when it
 * opens the cache and each entry where its line says. A file per entry, as before, cost each cache worker 2.7 of its
 * 20.7 s at 10,000 reports (30,000 files made, renamed into place and listed again), and the run 0.3 s to read them.
 *
 * The dataset writer carries the folder over from one build's output to the next (src/build/write.ts); the site
 * never publishes it.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";
import { createHash } from "node:crypto";
import type { CacheStore, ReferenceFingerprints, StageCache } from "../pipeline/cache/stageCache.ts";

/** The name of the cache folder inside the dataset folder. */
export const CACHE_FOLDER = "cache";

/** The folder of the packs inside the cache folder. */
export const PACK_FOLDER = "packs";

/**
 * The versions of the dataset folder's text files, kept by the writer in the cache folder (src/build/write.ts): a
 * rebuild links the text of a report it did not analyse again without reading its document.
 */
export const FILE_VERSIONS = `${CACHE_FOLDER}/file-versions.json`;

/**
 * A pack smaller than this is merged with the other small ones when a build prunes: each rebuild after a few new
 * reports writes a pack of a few kilobytes, and the folder would otherwise gain one per build.
 */
const SMALL_PACK_BYTES = 1 << 20;

/** A store of packs under `dir`, which remembers the entries a build used so that the others can be dropped. */
export interface FileCacheStore extends CacheStore {
  /** whether an entry is stored (whatever it holds), without reading it or counting it as used */
  has(stage: string, key: string): boolean;
  /** Read the index lines written since the store was opened or last refreshed (by the cache workers of a build). */
  refresh(): void;
  /**
   * Remove the entries this store neither read, kept nor wrote: what a build no longer needs (a removed report, an
   * entry from before a code change). A pack of none of the used entries is removed. Another has its used entries
   * copied to this store's pack and is removed when it is small (under 1 MB) and holds an unused entry or there are
   * other small packs, or when it is large and its used entries are less than half its bytes: a large pack keeps a
   * few unused entries (a report edited) until then. Anything else under `dir` but the packs and the files at its
   * top (the writer's FILE_VERSIONS) is removed: the folders of entry files an older build kept. Returns how many
   * entries were removed. The store can be used again after.
   */
  prune(): number;
}

/** Where an entry is: its pack's name (without extension), and its bytes there. */
interface Located {
  pack: string;
  offset: number;
  length: number;
}

const INDEX_LINE = /^([a-z-]+) ([0-9a-f]{64}) (\d+) (\d+)$/;
const PACK_NAME = /^(\d{8})-\d+$/;

/**
 * A store of packs under `dir` (absolute). Reads are synchronous, as the pipeline is; a missing entry, or one whose
 * bytes are not all there (a pack cut short), reads as none. Entries written by other stores after this one was
 * opened are seen after `refresh()`.
 */
export function openFileCacheStore(dir: string): FileCacheStore {
  const folder = join(dir, PACK_FOLDER);
  const idOf = (stage: string, key: string) => {
    if (!/^[a-z-]+$/.test(stage) || !/^[0-9a-f]{64}$/.test(key)) throw new Error(`cache entry name is not allowed: expected a stage name and a sha256 key, found ${JSON.stringify(`${stage}/${key}`)}`);
    return `${stage} ${key}`;
  };
  const used = new Set<string>();
  const index = new Map<string, Located>();
  // Bytes of each pack's index read so far: a refresh reads only what was added since.
  const indexRead = new Map<string, number>();
  const readers = new Map<string, number>();
  let newest = 0;
  let own: { name: string; size: number; pack: number | null; index: number | null } | null = null;

  const listPacks = (): string[] => {
    try {
      return readdirSync(folder)
        .filter((name) => name.endsWith(".index") && PACK_NAME.test(name.slice(0, -".index".length)))
        .map((name) => name.slice(0, -".index".length))
        .sort();
    } catch {
      return [];
    }
  };
  const refresh = () => {
    for (const pack of listPacks()) {
      newest = Math.max(newest, Number(PACK_NAME.exec(pack)![1]));
      if (pack === own?.name) continue;
      const from = indexRead.get(pack) ?? 0;
      // Index files only grow: one no longer than what was read has nothing new (prune refreshes after the run did).
      if ((statSync(join(folder, `${pack}.index`), { throwIfNoEntry: false })?.size ?? 0) <= from) continue;
      let text: string;
      try {
        text = readFileSync(join(folder, `${pack}.index`), "utf8");
      } catch {
        continue;
      }
      // Only whole lines: a worker may be writing the next one.
      const upTo = text.lastIndexOf("\n") + 1;
      if (upTo <= from) continue;
      for (const line of text.slice(from, upTo).split("\n")) {
        const m = INDEX_LINE.exec(line);
        if (m !== null) index.set(`${m[1]} ${m[2]}`, { pack, offset: Number(m[3]), length: Number(m[4]) });
      }
      indexRead.set(pack, upTo);
    }
  };
  const closeFiles = () => {
    for (const fd of readers.values()) closeSync(fd);
    readers.clear();
    if (own?.pack != null) closeSync(own.pack);
    if (own?.index != null) closeSync(own.index);
    if (own !== null) own = { ...own, pack: null, index: null };
  };
  const append = (id: string, bytes: Uint8Array) => {
    if (own === null) {
      mkdirSync(folder, { recursive: true });
      // Named by a sequence after every pack the store saw and by the thread (the cache workers of one build write at
      // once), so that the same build writes the same files. Created exclusively: another build running in the same
      // folder takes the next number.
      for (let sequence = newest + 1; own === null; sequence++) {
        const name = `${String(sequence).padStart(8, "0")}-${threadId}`;
        try {
          own = { name, size: 0, pack: openSync(join(folder, `${name}.pack`), "wx"), index: null };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
      }
    }
    own.pack ??= openSync(join(folder, `${own.name}.pack`), "a");
    own.index ??= openSync(join(folder, `${own.name}.index`), "a");
    const offset = own.size;
    // A short write (a full disk) would shift every later entry of the pack: the build stops instead.
    const written = writeSync(own.pack, bytes);
    if (written !== bytes.length) throw new Error(`${join(folder, `${own.name}.pack`)}: cache entry cut short: expected ${bytes.length} bytes written, found ${written}`);
    writeSync(own.index, `${id} ${offset} ${bytes.length}\n`);
    own.size += bytes.length;
    index.set(id, { pack: own.name, offset, length: bytes.length });
  };
  const readBytes = (at: Located): Buffer | undefined => {
    try {
      let fd = readers.get(at.pack);
      if (fd === undefined) readers.set(at.pack, (fd = openSync(join(folder, `${at.pack}.pack`), "r")));
      const bytes = Buffer.allocUnsafe(at.length);
      return readSync(fd, bytes, 0, at.length, at.offset) === at.length ? bytes : undefined;
    } catch {
      return undefined;
    }
  };
  refresh();

  return {
    has(stage, key) {
      return index.has(idOf(stage, key));
    },
    keep(stage, key) {
      const id = idOf(stage, key);
      if (!index.has(id)) return false;
      used.add(id);
      return true;
    },
    read(stage, key) {
      const id = idOf(stage, key);
      used.add(id);
      const at = index.get(id);
      return at === undefined ? undefined : readBytes(at)?.toString("utf8");
    },
    write(stage, key, text) {
      const id = idOf(stage, key);
      used.add(id);
      append(id, Buffer.from(text));
    },
    refresh,
    prune() {
      refresh();
      let removed = 0;
      // Each pack's entries (those the index holds, the last written of each), and the bytes of those used.
      const packs = new Map<string, { size: number; usedBytes: number; entries: Array<[string, Located]> }>();
      for (const pack of listPacks()) {
        // A pack without data (its entries read as none) has size 0, and goes below.
        const size = statSync(join(folder, `${pack}.pack`), { throwIfNoEntry: false })?.size ?? 0;
        packs.set(pack, { size, usedBytes: 0, entries: [] });
      }
      for (const [id, at] of index) {
        const pack = packs.get(at.pack);
        if (pack === undefined) continue;
        pack.entries.push([id, at]);
        if (used.has(id)) pack.usedBytes += at.length;
      }
      const small = [...packs].filter(([name, p]) => p.size < SMALL_PACK_BYTES && name !== own?.name);
      const mergeSmall = small.length + (own !== null && own.size < SMALL_PACK_BYTES ? 1 : 0) >= 2;
      const gone: string[] = [];
      for (const [name, pack] of packs) {
        if (name === own?.name) continue;
        const unused = pack.entries.some(([id]) => !used.has(id));
        // Rewriting a large pack for a few unused entries (a report edited) would cost more than the space they take.
        const keep = pack.usedBytes > 0 && (pack.size < SMALL_PACK_BYTES ? !unused && !mergeSmall : pack.usedBytes >= pack.size / 2);
        if (keep) continue;
        for (const [id, at] of pack.entries) {
          if (!used.has(id)) {
            index.delete(id);
            removed += 1;
            continue;
          }
          const bytes = readBytes(at);
          if (bytes === undefined) index.delete(id);
          else append(id, bytes);
        }
        gone.push(name);
      }
      closeFiles();
      for (const name of gone) {
        rmSync(join(folder, `${name}.pack`), { force: true });
        rmSync(join(folder, `${name}.index`), { force: true });
        indexRead.delete(name);
      }
      // Whatever else is in the cache folder's subfolders: a pack's data without its index, and the entry files of
      // an older build (one file per entry).
      const packsLeft = new Set(listPacks());
      for (const entry of safeReaddir(dir)) {
        if (!entry.isDirectory()) continue;
        if (entry.name !== PACK_FOLDER) {
          removed += countFiles(join(dir, entry.name));
          rmSync(join(dir, entry.name), { recursive: true, force: true });
          continue;
        }
        for (const file of safeReaddir(folder)) {
          const stem = file.name.replace(/\.(pack|index)$/, "");
          if (!file.isFile() || stem === file.name || !packsLeft.has(stem)) rmSync(join(folder, file.name), { recursive: true, force: true });
        }
      }
      return removed;
    },
  };
}

function safeReaddir(folder: string) {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** How many files a folder holds, at any depth. */
function countFiles(folder: string): number {
  return safeReaddir(folder).reduce((n, entry) => n + (entry.isDirectory() ? countFiles(join(folder, entry.name)) : 1), 0);
}

/** The folder of the pipeline's code: src/pipeline/, beside this file's folder. */
const PIPELINE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "pipeline");

/**
 * The version of the code an entry was computed by: a hash of every file of src/pipeline/, the lock file of the
 * libraries (`root`/package-lock.json, when there is one) and the Node version (its ICU data splits sentences).
 * Any change of them makes every entry unused.
 */
export async function getCodeVersion(root: string): Promise<string> {
  const hash = createHash("sha256");
  const files = (await readdir(PIPELINE_DIR, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    hash.update(`${relative(PIPELINE_DIR, file).split(sep).join("/")}\u0000`);
    hash.update(await readFile(file));
    hash.update("\u0000");
  }
  const lock = await readFile(join(root, "package-lock.json")).catch(() => null);
  hash.update(lock ?? "no lock file");
  hash.update(`\u0000${process.version}`);
  return hash.digest("hex");
}

/** The cache of a build writing its datasets to `outDir` (absolute), with the reference data's fingerprints. */
export async function openStageCache(root: string, outDir: string, fingerprints: ReferenceFingerprints): Promise<StageCache & { store: FileCacheStore }> {
  return { store: openFileCacheStore(join(outDir, CACHE_FOLDER)), codeVersion: await getCodeVersion(root), fingerprints };
}
