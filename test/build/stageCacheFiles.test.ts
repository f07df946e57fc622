/**
 * The pipeline's cache on disk (src/build/stageCacheFiles.ts): entry files under a temporary folder, written whole,
 * read back, and pruned to what one build used; the code version entries are tied to.
 */
import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadReference, REFERENCE_FILES } from "../../src/build/reference.ts";
import { CACHE_FOLDER, getCodeVersion, openFileCacheStore, openStageCache } from "../../src/build/stageCacheFiles.ts";

const KEY_A = `ab${"0".repeat(62)}`;
const KEY_B = `ab${"1".repeat(62)}`;
const KEY_C = `cd${"2".repeat(62)}`;

const made: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tongbao-cache-"));
  made.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every file and folder under `dir`, relative, sorted (folders end with /). */
async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        out.push(`${relative(dir, full)}/`);
        await walk(full);
      } else out.push(relative(dir, full));
    }
  };
  await walk(dir);
  return out.sort();
}

describe("openFileCacheStore(dir)", () => {
  it("writes an entry to {stage}/{key[0..2]}/{key}.json and reads it back", async () => {
    const dir = await tempDir();
    const store = openFileCacheStore(dir);
    const text = JSON.stringify({ reads: { gazetteer: "f" }, value: { title: "密云区:紧盯形势" } });
    store.write("analysis", KEY_A, text);
    expect(await readFile(join(dir, "analysis", "ab", `${KEY_A}.json`), "utf8")).toBe(text);
    expect(store.read("analysis", KEY_A)).toBe(text);
    // Another store over the same folder (the next build) reads it too.
    expect(openFileCacheStore(dir).read("analysis", KEY_A)).toBe(text);
  });

  it("overwrites an entry whole, and leaves no temporary file", async () => {
    const dir = await tempDir();
    const store = openFileCacheStore(dir);
    store.write("analysis", KEY_A, "x".repeat(10_000));
    store.write("analysis", KEY_A, "short");
    store.write("extraction", KEY_C, "{}");
    expect(store.read("analysis", KEY_A)).toBe("short");
    expect(await listTree(dir)).toEqual(["analysis/", "analysis/ab/", `analysis/ab/${KEY_A}.json`, "extraction/", "extraction/cd/", `extraction/cd/${KEY_C}.json`]);
  });

  it("reads a missing entry, or one in a folder that does not exist, as undefined", async () => {
    const dir = await tempDir();
    expect(openFileCacheStore(join(dir, "nowhere")).read("analysis", KEY_A)).toBeUndefined();
    const store = openFileCacheStore(dir);
    store.write("analysis", KEY_A, "{}");
    expect(store.read("analysis", KEY_B)).toBeUndefined();
    expect(store.read("extraction", KEY_A)).toBeUndefined();
  });

  it.each([
    ["a stage with capitals", "Analysis", KEY_A],
    ["a stage with a slash", "analysis/../..", KEY_A],
    ["a stage with digits", "stage1", KEY_A],
    ["an empty stage", "", KEY_A],
    ["a key going up", "analysis", `../${"0".repeat(61)}`],
    ["a key in capitals", "analysis", KEY_A.toUpperCase().replace("AB", "AF")],
    ["a key one digit short", "analysis", KEY_A.slice(1)],
    ["a key one digit long", "analysis", `${KEY_A}0`],
  ])("refuses %s on read and write", async (_name, stage, key) => {
    const dir = await tempDir();
    const store = openFileCacheStore(dir);
    expect(() => store.read(stage, key)).toThrow(/^cache entry name is not allowed: expected a stage name and a sha256 key, found "/);
    expect(() => store.write(stage, key, "{}")).toThrow(/cache entry name is not allowed/);
    expect(await readdir(dir)).toEqual([]);
  });

  describe("prune()", () => {
    it("removes the entries this store neither read nor wrote, and the folders left empty", async () => {
      const dir = await tempDir();
      const before = openFileCacheStore(dir);
      before.write("analysis", KEY_A, "a");
      before.write("analysis", KEY_B, "b");
      before.write("extraction", KEY_C, "c");
      // A write cut short by a crash, in an entry folder.
      await writeFile(join(dir, "analysis", "ab", `${KEY_A}.json.tmp-123`), "half");

      const build = openFileCacheStore(dir);
      expect(build.read("analysis", KEY_A)).toBe("a");
      build.write("analysis", KEY_C, "new");
      // Reading an entry that is not there marks nothing to keep, and does not fail.
      expect(build.read("extraction", KEY_A)).toBeUndefined();
      expect(build.prune()).toBe(3);
      expect(await listTree(dir)).toEqual(["analysis/", "analysis/ab/", `analysis/ab/${KEY_A}.json`, "analysis/cd/", `analysis/cd/${KEY_C}.json`]);
      expect(build.read("analysis", KEY_A)).toBe("a");
      expect(build.read("analysis", KEY_C)).toBe("new");
    });

    it("removes every entry of a store that used none, keeping the cache folder itself", async () => {
      const dir = await tempDir();
      const before = openFileCacheStore(dir);
      before.write("analysis", KEY_A, "a");
      before.write("extraction", KEY_C, "c");
      expect(openFileCacheStore(dir).prune()).toBe(2);
      expect(await readdir(dir)).toEqual([]);
    });

    it("removes nothing on a second prune, and nothing when the folder does not exist", async () => {
      const dir = await tempDir();
      const store = openFileCacheStore(dir);
      store.write("analysis", KEY_A, "a");
      expect(store.prune()).toBe(0);
      expect(store.prune()).toBe(0);
      expect(openFileCacheStore(join(dir, "missing")).prune()).toBe(0);
      expect(existsSync(join(dir, "missing"))).toBe(false);
    });

    it("also removes stray files and empty folders beside the entries, and leaves the files beside the stages' folders", async () => {
      const dir = await tempDir();
      await mkdir(join(dir, "old-stage", "ff"), { recursive: true });
      await mkdir(join(dir, "analysis", "ab"), { recursive: true });
      await writeFile(join(dir, "analysis", "notes.txt"), "x");
      await writeFile(join(dir, "file-versions.json"), "{}");
      const store = openFileCacheStore(dir);
      store.write("analysis", KEY_A, "a");
      expect(store.prune()).toBe(1);
      expect(await listTree(dir)).toEqual(["analysis/", "analysis/ab/", `analysis/ab/${KEY_A}.json`, "file-versions.json"]);
    });

    it("keeps an entry kept without being read; keep tells whether the entry exists", async () => {
      const dir = await tempDir();
      const before = openFileCacheStore(dir);
      before.write("document", KEY_A, "a");
      before.write("document", KEY_B, "b");
      const build = openFileCacheStore(dir);
      expect(build.keep("document", KEY_A)).toBe(true);
      expect(build.keep("document", KEY_C)).toBe(false);
      expect(build.prune()).toBe(1);
      expect(await listTree(dir)).toEqual(["document/", "document/ab/", `document/ab/${KEY_A}.json`]);
    });
  });
});

describe("getCodeVersion(root)", () => {
  it("is a sha256 in hex, the same on two calls", async () => {
    const root = process.cwd();
    const [first, second] = await Promise.all([getCodeVersion(root), getCodeVersion(root)]);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
  });

  it("changes with the libraries' lock file", async () => {
    const withLock = await getCodeVersion(process.cwd());
    const bare = await tempDir();
    const withoutLock = await getCodeVersion(bare);
    expect(withoutLock).not.toBe(withLock);
    await writeFile(join(bare, "package-lock.json"), "{}\n");
    expect(await getCodeVersion(bare)).not.toBe(withoutLock);
  });
});

describe("openStageCache(root, outDir, fingerprints)", () => {
  it("keeps its entries in OUT/cache/, with the code version and the fingerprints given", async () => {
    const out = await tempDir();
    const cache = await openStageCache(process.cwd(), out, { gazetteer: "g" });
    expect(cache.codeVersion).toBe(await getCodeVersion(process.cwd()));
    expect(cache.fingerprints).toEqual({ gazetteer: "g" });
    cache.store.write("extraction", KEY_C, "{}");
    expect(await listTree(out)).toEqual([`${CACHE_FOLDER}/`, `${CACHE_FOLDER}/extraction/`, `${CACHE_FOLDER}/extraction/cd/`, `${CACHE_FOLDER}/extraction/cd/${KEY_C}.json`]);
  });
});

describe("loadReference(root, dir).fingerprints (what the cache compares)", () => {
  const PARTS = ["caseWords", "categories", "chrome", "cues", "gazetteer", "genres", "outlets", "placeWords"];

  /** The fingerprints of a copy of data/reference/ with a newline appended to `file` (its data unchanged, its text not). */
  async function fingerprintsAfter(file: string): Promise<Record<string, string>> {
    const dir = await tempDir();
    await cp(join(process.cwd(), "data/reference"), dir, { recursive: true });
    await appendFile(join(dir, file), "\n");
    const loaded = await loadReference(process.cwd(), dir);
    expect(loaded.value, file).not.toBeNull();
    return { ...loaded.fingerprints };
  }

  it("has one sha256 per part of the reference data, the same on two loads", async () => {
    const dir = join(process.cwd(), "data/reference");
    const [a, b] = await Promise.all([loadReference(process.cwd(), dir), loadReference(process.cwd(), dir)]);
    expect(Object.keys(a.fingerprints).sort()).toEqual(PARTS);
    for (const fingerprint of Object.values(a.fingerprints)) expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(a.fingerprints)).size).toBe(PARTS.length);
    expect(b.fingerprints).toEqual(a.fingerprints);
  });

  it.each([
    [REFERENCE_FILES.measureCategories, "categories"],
    [REFERENCE_FILES.pageChrome, "chrome"],
    [REFERENCE_FILES.gazetteer, "gazetteer"],
    [REFERENCE_FILES.districtAliases, "gazetteer"],
    [REFERENCE_FILES.caseWords, "caseWords"],
  ])("changes for %s the fingerprint of %s only", async (file, part) => {
    const before = (await loadReference(process.cwd(), join(process.cwd(), "data/reference"))).fingerprints;
    const after = await fingerprintsAfter(file);
    const changed = PARTS.filter((p) => after[p] !== before[p]);
    expect(changed).toEqual([part]);
  });
});
