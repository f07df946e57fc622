/**
 * The pipeline's cache on disk: `data/build/cache/{stage}/{key[0..2]}/{key}.json`, one file per entry (see
 * src/pipeline/cache/stageCache.ts). The dataset writer carries the folder over from one build's output to the next
 * (src/build/write.ts); the site never publishes it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import type { CacheStore, ReferenceFingerprints, StageCache } from "../pipeline/cache/stageCache.ts";

/** The name of the cache folder inside the dataset folder. */
export const CACHE_FOLDER = "cache";

/**
 * The versions of the dataset folder's text files, kept by the writer in the cache folder (src/build/write.ts): a
 * rebuild links the text of a report it did not analyse again without reading its document.
 */
export const FILE_VERSIONS = `${CACHE_FOLDER}/file-versions.json`;

/** A store of entry files under `dir`, which remembers the entries a build used so that the others can be pruned. */
export interface FileCacheStore extends CacheStore {
  /** whether an entry file exists (whatever it holds), without reading it or counting it as used */
  has(stage: string, key: string): boolean;
  /**
   * Remove every entry file this store neither read, kept nor wrote, and empty folders: what a build no longer needs
   * (a removed report, an entry from before a code change). Files beside the stages' folders are left. Returns how
   * many files were removed.
   */
  prune(): number;
}

/**
 * A store of entry files under `dir` (absolute). Reads are synchronous, as the pipeline is; a missing or unreadable
 * entry reads as none. Writes go to a temporary file renamed into place, so an entry is whole or absent.
 */
export function openFileCacheStore(dir: string): FileCacheStore {
  const used = new Set<string>();
  const pathOf = (stage: string, key: string) => {
    if (!/^[a-z-]+$/.test(stage) || !/^[0-9a-f]{64}$/.test(key)) throw new Error(`cache entry name is not allowed: expected a stage name and a sha256 key, found ${JSON.stringify(`${stage}/${key}`)}`);
    return join(dir, stage, key.slice(0, 2), `${key}.json`);
  };
  return {
    has(stage, key) {
      return existsSync(pathOf(stage, key));
    },
    keep(stage, key) {
      const path = pathOf(stage, key);
      if (!existsSync(path)) return false;
      used.add(path);
      return true;
    },
    read(stage, key) {
      const path = pathOf(stage, key);
      used.add(path);
      try {
        return readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
    },
    write(stage, key, text) {
      const path = pathOf(stage, key);
      used.add(path);
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.tmp-${process.pid}`;
      writeFileSync(temp, text);
      renameSync(temp, path);
    },
    prune() {
      let removed = 0;
      // Files at the top of the folder are no entries (the writer's FILE_VERSIONS): only the stages' folders are pruned.
      const walk = (folder: string, top = false): boolean => {
        let entries;
        try {
          entries = readdirSync(folder, { withFileTypes: true });
        } catch {
          return true;
        }
        let empty = true;
        for (const entry of entries) {
          const full = join(folder, entry.name);
          if (entry.isDirectory()) {
            if (walk(full)) rmSync(full, { recursive: true, force: true });
            else empty = false;
          } else if (top || used.has(full)) empty = false;
          else {
            rmSync(full, { force: true });
            removed += 1;
          }
        }
        return empty;
      };
      walk(dir, true);
      return removed;
    },
  };
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
