/**
 * The pipeline's cache on disk (src/build/stageCacheFiles.ts): packs of entries under a temporary folder, read back
 * by the next store, cut short, and pruned to what one build used; the code version entries are tied to.
 */
import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadReference, REFERENCE_FILES } from "../../src/build/reference.ts";
import { CACHE_FOLDER, getCodeVersion, openFileCacheStore, openStageCache, PACK_FOLDER } from "../../src/build/stageCacheFiles.ts";
import { listCacheEntries } from "../support/cacheEntries.ts";

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

/** The packs' files under `dir`, with the pack names replaced by their order (`1.pack`, `1.index`, `2.pack`…). */
async function listPacks(dir: string): Promise<string[]> {
  const folder = join(dir, PACK_FOLDER);
  const names = existsSync(folder) ? (await readdir(folder)).sort() : [];
  const stems = [...new Set(names.map((n) => n.replace(/\.(pack|index)$/, "")))];
  return names.map((n) => n.replace(/^[^.]+/, (stem) => String(stems.indexOf(stem) + 1)));
}

describe("openFileCacheStore(dir)", () => {
  it("appends entries to a pack of its own under packs/, and another store over the folder (the next build) reads them", async () => {
    const dir = await tempDir();
    const store = openFileCacheStore(dir);
    const text = JSON.stringify({ reads: { gazetteer: "f" }, value: { title: "密云区:紧盯形势" } });
    store.write("analysis", KEY_A, text);
    store.write("extraction", KEY_C, "{}");
    expect(store.read("analysis", KEY_A)).toBe(text);
    expect(await listPacks(dir)).toEqual(["1.index", "1.pack"]);
    const [name] = (await readdir(join(dir, PACK_FOLDER))).filter((n) => n.endsWith(".pack"));
    expect(name).toMatch(/^00000001-\d+\.pack$/);
    const bytes = Buffer.byteLength(text);
    expect(await readFile(join(dir, PACK_FOLDER, name!.replace(".pack", ".index")), "utf8")).toBe(`analysis ${KEY_A} 0 ${bytes}\nextraction ${KEY_C} ${bytes} 2\n`);
    const next = openFileCacheStore(dir);
    expect(next.read("analysis", KEY_A)).toBe(text);
    expect(next.read("extraction", KEY_C)).toBe("{}");
    expect(next.has("analysis", KEY_A)).toBe(true);
    expect(next.has("analysis", KEY_B)).toBe(false);
  });

  it("reads the last entry written for a key, in its own pack and in a later build's", async () => {
    const dir = await tempDir();
    const store = openFileCacheStore(dir);
    store.write("analysis", KEY_A, "x".repeat(10_000));
    store.write("analysis", KEY_A, "short");
    expect(store.read("analysis", KEY_A)).toBe("short");
    const later = openFileCacheStore(dir);
    expect(later.read("analysis", KEY_A)).toBe("short");
    later.write("analysis", KEY_A, "later");
    expect(openFileCacheStore(dir).read("analysis", KEY_A)).toBe("later");
  });

  it("sees entries another store wrote after it was opened only once refreshed (the cache workers' packs)", async () => {
    const dir = await tempDir();
    const run = openFileCacheStore(dir);
    const worker = openFileCacheStore(dir);
    worker.write("analysis", KEY_A, "from a worker");
    expect(run.read("analysis", KEY_A)).toBeUndefined();
    run.refresh();
    expect(run.read("analysis", KEY_A)).toBe("from a worker");
    worker.write("analysis", KEY_B, "later still");
    run.refresh();
    expect(run.has("analysis", KEY_B)).toBe(true);
  });

  it("gives two stores opened at once (two builds in one folder) a pack each", async () => {
    const dir = await tempDir();
    const one = openFileCacheStore(dir);
    const other = openFileCacheStore(dir);
    one.write("analysis", KEY_A, "one");
    other.write("analysis", KEY_B, "other");
    expect(await listPacks(dir)).toEqual(["1.index", "1.pack", "2.index", "2.pack"]);
    const next = openFileCacheStore(dir);
    expect([next.read("analysis", KEY_A), next.read("analysis", KEY_B)]).toEqual(["one", "other"]);
  });

  it("reads a missing entry, one in a folder that does not exist, and one whose bytes a pack cut short lacks, as undefined", async () => {
    const dir = await tempDir();
    expect(openFileCacheStore(join(dir, "nowhere")).read("analysis", KEY_A)).toBeUndefined();
    const store = openFileCacheStore(dir);
    store.write("analysis", KEY_A, "{}");
    store.write("analysis", KEY_B, "a longer entry");
    expect(store.read("analysis", KEY_C)).toBeUndefined();
    expect(store.read("extraction", KEY_A)).toBeUndefined();
    // A pack cut short (a build killed while writing): the entries it lacks read as none; a half index line is skipped.
    const [pack] = (await readdir(join(dir, PACK_FOLDER))).filter((n) => n.endsWith(".pack"));
    await writeFile(join(dir, PACK_FOLDER, pack!), "{}a longer");
    await appendFile(join(dir, PACK_FOLDER, pack!.replace(".pack", ".index")), `analysis ${KEY_C} 0`);
    const next = openFileCacheStore(dir);
    expect(next.read("analysis", KEY_A)).toBe("{}");
    expect(next.read("analysis", KEY_B)).toBeUndefined();
    expect(next.has("analysis", KEY_C)).toBe(false);
  });

  it.each([
    ["a stage with capitals", "Analysis", KEY_A],
    ["a stage with a slash", "analysis/../..", KEY_A],
    ["a stage with digits", "stage1", KEY_A],
    ["a stage with a space", "analysis x", KEY_A],
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
    it("removes the entries this store neither read nor wrote from a small pack, copying the others to its own", async () => {
      const dir = await tempDir();
      const before = openFileCacheStore(dir);
      before.write("analysis", KEY_A, "a");
      before.write("analysis", KEY_B, "b");
      before.write("extraction", KEY_C, "c");

      const build = openFileCacheStore(dir);
      expect(build.read("analysis", KEY_A)).toBe("a");
      build.write("analysis", KEY_C, "new");
      // Reading an entry that is not there marks nothing to keep, and does not fail.
      expect(build.read("extraction", KEY_A)).toBeUndefined();
      expect(build.prune()).toBe(2);
      expect(await listCacheEntries(dir)).toEqual([`analysis ${KEY_A}`, `analysis ${KEY_C}`]);
      expect(await listPacks(dir)).toEqual(["1.index", "1.pack"]);
      expect(build.read("analysis", KEY_A)).toBe("a");
      expect(build.read("analysis", KEY_C)).toBe("new");
      const next = openFileCacheStore(dir);
      expect(next.read("analysis", KEY_A)).toBe("a");
      expect(next.read("analysis", KEY_C)).toBe("new");
    });

    it("removes every pack of a store that used none, keeping the cache folder itself", async () => {
      const dir = await tempDir();
      const before = openFileCacheStore(dir);
      before.write("analysis", KEY_A, "a");
      before.write("extraction", KEY_C, "c");
      expect(openFileCacheStore(dir).prune()).toBe(2);
      expect(await listPacks(dir)).toEqual([]);
      expect(await listCacheEntries(dir)).toEqual([]);
    });

    it("leaves a small pack whose entries were all used, and merges small packs when there are several", async () => {
      const dir = await tempDir();
      const first = openFileCacheStore(dir);
      first.write("analysis", KEY_A, "a");
      const second = openFileCacheStore(dir);
      expect(second.keep("analysis", KEY_A)).toBe(true);
      expect(second.prune()).toBe(0);
      expect(await listPacks(dir)).toEqual(["1.index", "1.pack"]);
      const third = openFileCacheStore(dir);
      expect(third.read("analysis", KEY_A)).toBe("a");
      third.write("analysis", KEY_B, "b");
      expect(third.prune()).toBe(0);
      expect(await listPacks(dir)).toEqual(["1.index", "1.pack"]);
      expect(await listCacheEntries(dir)).toEqual([`analysis ${KEY_A}`, `analysis ${KEY_B}`]);
    });

    it("rewrites a large pack only once less than half of it is used", async () => {
      const dir = await tempDir();
      const first = openFileCacheStore(dir);
      const big = "x".repeat(700_000);
      first.write("analysis", KEY_A, big);
      first.write("analysis", KEY_B, big);
      first.write("extraction", KEY_C, "c");
      // One of the two large entries unused: half of the pack is still used, and it stays as it is.
      const second = openFileCacheStore(dir);
      second.keep("analysis", KEY_A);
      second.keep("extraction", KEY_C);
      expect(second.prune()).toBe(0);
      expect(await listCacheEntries(dir)).toEqual([`analysis ${KEY_A}`, `analysis ${KEY_B}`, `extraction ${KEY_C}`]);
      // Both unused: the small entry left is copied to the build's own pack, the large pack removed.
      const third = openFileCacheStore(dir);
      third.keep("extraction", KEY_C);
      expect(third.prune()).toBe(2);
      expect(await listCacheEntries(dir)).toEqual([`extraction ${KEY_C}`]);
      expect(await listPacks(dir)).toEqual(["1.index", "1.pack"]);
      expect(openFileCacheStore(dir).read("extraction", KEY_C)).toBe("c");
    });

    it("removes nothing on a second prune, and nothing when the folder does not exist", async () => {
      const dir = await tempDir();
      const store = openFileCacheStore(dir);
      store.write("analysis", KEY_A, "a");
      expect(store.prune()).toBe(0);
      expect(store.prune()).toBe(0);
      store.write("analysis", KEY_B, "b");
      expect(store.read("analysis", KEY_A)).toBe("a");
      expect(openFileCacheStore(dir).read("analysis", KEY_B)).toBe("b");
      expect(openFileCacheStore(join(dir, "missing")).prune()).toBe(0);
      expect(existsSync(join(dir, "missing"))).toBe(false);
    });

    it("removes the entry folders of an older build and stray files among the packs, and leaves the files at the top", async () => {
      const dir = await tempDir();
      await mkdir(join(dir, "analysis", "ab"), { recursive: true });
      await writeFile(join(dir, "analysis", "ab", `${KEY_A}.json`), "{}");
      await writeFile(join(dir, "analysis", "notes.txt"), "x");
      await mkdir(join(dir, PACK_FOLDER), { recursive: true });
      await writeFile(join(dir, PACK_FOLDER, "00000001-0.pack"), "data without an index");
      await writeFile(join(dir, PACK_FOLDER, "stray.tmp"), "x");
      await writeFile(join(dir, "file-versions.json"), "{}");
      const store = openFileCacheStore(dir);
      store.write("analysis", KEY_A, "a");
      expect(store.prune()).toBe(2);
      expect(await listTree(dir)).toEqual(["file-versions.json", `${PACK_FOLDER}/`, ...(await listPacks(dir)).map(() => expect.stringMatching(new RegExp(`^${PACK_FOLDER}/0000000[12]-\\d+\\.(index|pack)$`)))]);
      expect(await listCacheEntries(dir)).toEqual([`analysis ${KEY_A}`]);
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
    expect(await listCacheEntries(join(out, CACHE_FOLDER))).toEqual([`extraction ${KEY_C}`]);
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
