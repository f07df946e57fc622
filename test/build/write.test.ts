import { lstat, mkdtemp, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recoverOutput, writeFolderAtomically } from "../../src/build/write.ts";

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "tongbao-write-"));
}

describe("writeFolderAtomically(target, files)", () => {
  it("replaces the whole folder: files of the last run do not linger", async () => {
    const root = await tempDir();
    const target = join(root, "build");
    await writeFolderAtomically(target, [
      { path: "a.json", content: "1" },
      { path: "text/x.txt", content: "x" },
    ]);
    await writeFolderAtomically(target, [{ path: "a.json", content: "2" }]);
    expect(await readdir(target)).toEqual(["a.json"]);
    expect(await readFile(join(target, "a.json"), "utf8")).toBe("2");
    expect((await readdir(root)).sort()).toEqual(["build"]);
  });

  it("leaves the previous output untouched when writing fails", async () => {
    const root = await tempDir();
    const target = join(root, "build");
    await writeFolderAtomically(target, [{ path: "a.json", content: "old" }]);
    await expect(
      writeFolderAtomically(target, [
        { path: "a.json", content: "new" },
        { path: "../escape.txt", content: "no" },
      ]),
    ).rejects.toThrow(/refusing to write outside/);
    expect(await readFile(join(target, "a.json"), "utf8")).toBe("old");
    expect((await readdir(root)).sort()).toEqual(["build"]);
  });
});

describe("writeFolderAtomically(target, files): files that did not change", () => {
  it("links a file whose bytes are the old one's, and writes the others", async () => {
    const root = await tempDir();
    const target = join(root, "build");
    await writeFolderAtomically(target, [
      { path: "same.json", content: "北京" },
      { path: "text/same.txt", content: new TextEncoder().encode("文本\n") },
      { path: "longer.json", content: "1" },
      { path: "other.json", content: "a" },
    ]);
    const before = await Promise.all(["same.json", "text/same.txt", "longer.json", "other.json"].map((p) => stat(join(target, p))));
    await writeFolderAtomically(target, [
      { path: "same.json", content: "北京" },
      { path: "text/same.txt", content: "文本\n" },
      { path: "longer.json", content: "12" },
      { path: "other.json", content: "b" },
    ]);
    const after = await Promise.all(["same.json", "text/same.txt", "longer.json", "other.json"].map((p) => stat(join(target, p))));
    expect(after.map((s, i) => s.ino === before[i]!.ino)).toEqual([true, true, false, false]);
    // The old folder is gone: each linked file has one name again.
    expect(after.map((s) => s.nlink)).toEqual([1, 1, 1, 1]);
    expect(await readFile(join(target, "longer.json"), "utf8")).toBe("12");
    expect(await readFile(join(target, "other.json"), "utf8")).toBe("b");
    expect((await readdir(root)).sort()).toEqual(["build"]);
  });

  it("writes a regular file where the old output had a link to elsewhere with the same bytes", async () => {
    const root = await tempDir();
    const target = join(root, "build");
    await writeFolderAtomically(target, [{ path: "a.json", content: "1" }]);
    await writeFile(join(root, "outside.json"), "secret");
    await symlink(join(root, "outside.json"), join(target, "b.json"));
    await writeFolderAtomically(target, [{ path: "b.json", content: "secret" }]);
    expect((await lstat(join(target, "b.json"))).isSymbolicLink()).toBe(false);
    expect((await stat(join(target, "b.json"))).ino).not.toBe((await stat(join(root, "outside.json"))).ino);
    expect(await readFile(join(target, "b.json"), "utf8")).toBe("secret");
  });
});

describe("recoverOutput(target)", () => {
  it("puts the old folder back when a swap was cut short", async () => {
    const root = await tempDir();
    await mkdir(join(root, "build.old-123"));
    await writeFile(join(root, "build.old-123", "a.json"), "kept");
    await mkdir(join(root, "build.tmp-123"));
    await recoverOutput(join(root, "build"));
    expect((await readdir(root)).sort()).toEqual(["build"]);
    expect(await readFile(join(root, "build", "a.json"), "utf8")).toBe("kept");
  });
});

describe("writeFolderAtomically(target, files, pid, carry)", () => {
  const roots: string[] = [];
  afterAll(async () => {
    await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
  });

  /** An output folder as a cached build leaves it: datasets, and the cache's entry files. */
  async function cachedOutput(): Promise<{ root: string; target: string; entry: string }> {
    const root = await tempDir();
    roots.push(root);
    const target = join(root, "build");
    await writeFolderAtomically(target, [{ path: "documents.json", content: "old" }]);
    const entry = join("cache", "analysis", "ab", `ab${"0".repeat(62)}.json`);
    await mkdir(join(target, "cache", "analysis", "ab"), { recursive: true });
    await writeFile(join(target, entry), '{"reads":{},"value":1}');
    return { root, target, entry };
  }

  it("moves the carried folders of the old output into the new one untouched", async () => {
    const { root, target, entry } = await cachedOutput();
    await writeFolderAtomically(target, [{ path: "documents.json", content: "new" }, { path: "text/004.txt", content: "x" }], 123, ["cache"]);
    expect((await readdir(target)).sort()).toEqual(["cache", "documents.json", "text"]);
    expect(await readFile(join(target, "documents.json"), "utf8")).toBe("new");
    expect(await readFile(join(target, entry), "utf8")).toBe('{"reads":{},"value":1}');
    expect(await readdir(join(target, "cache"))).toEqual(["analysis"]);
    expect((await readdir(root)).sort()).toEqual(["build"]);
  });

  it("carries nothing when the old output has no such folder, or when there is no old output", async () => {
    const root = await tempDir();
    roots.push(root);
    const target = join(root, "build");
    await writeFolderAtomically(target, [{ path: "a.json", content: "1" }], 123, ["cache"]);
    await writeFolderAtomically(target, [{ path: "a.json", content: "2" }], 123, ["cache"]);
    expect(await readdir(target)).toEqual(["a.json"]);
    expect((await readdir(root)).sort()).toEqual(["build"]);
  });

  it("drops the folder when it is not carried (a build without cache)", async () => {
    const { target } = await cachedOutput();
    await writeFolderAtomically(target, [{ path: "documents.json", content: "new" }]);
    expect(await readdir(target)).toEqual(["documents.json"]);
  });

  it.each(["cache/analysis/x.json", "cache"])("refuses an emitted file %s inside a carried folder and leaves the old output as it was", async (path) => {
    const { root, target, entry } = await cachedOutput();
    await expect(
      writeFolderAtomically(target, [{ path: "documents.json", content: "new" }, { path, content: "no" }], 123, ["cache"]),
    ).rejects.toThrow(`refusing to write into the carried folder cache/: ${JSON.stringify(path)}`);
    expect(await readFile(join(target, "documents.json"), "utf8")).toBe("old");
    expect(await readFile(join(target, entry), "utf8")).toBe('{"reads":{},"value":1}');
    expect((await readdir(target)).sort()).toEqual(["cache", "documents.json"]);
    expect((await readdir(root)).sort()).toEqual(["build"]);
  });
});

describe("writeFolderAtomically(target, files, pid, carry, versions): files named by a version", () => {
  const VERSIONS = "cache/file-versions.json";
  /** A text file whose content must not be made: the writer is expected to carry it over by its version. */
  const unmade = (path: string, version: string) => ({
    path,
    version,
    content: () => {
      throw new Error(`${path} was made`);
    },
  });

  async function versionedOutput(): Promise<string> {
    const target = join(await tempDir(), "build");
    await writeFolderAtomically(target, [{ path: "text/a.txt", version: "v1", content: () => "甲\n" }, { path: "text/b.txt", version: "v1", content: "乙\n" }, { path: "data.json", content: "1" }], 123, ["cache"], VERSIONS);
    return target;
  }

  it("links a file of the same version as before without making its content, and keeps the versions in the carried folder", async () => {
    const target = await versionedOutput();
    const before = await stat(join(target, "text/a.txt"));
    await writeFolderAtomically(target, [unmade("text/a.txt", "v1"), { path: "text/b.txt", version: "v2", content: () => "乙二\n" }, { path: "data.json", content: "2" }], 123, ["cache"], VERSIONS);
    const after = await stat(join(target, "text/a.txt"));
    expect(after.ino).toBe(before.ino);
    expect(after.nlink).toBe(1);
    expect(await readFile(join(target, "text/a.txt"), "utf8")).toBe("甲\n");
    expect(await readFile(join(target, "text/b.txt"), "utf8")).toBe("乙二\n");
    const versions = JSON.parse(await readFile(join(target, VERSIONS), "utf8")) as Record<string, string[]>;
    expect(Object.keys(versions).sort()).toEqual(["text/a.txt", "text/b.txt"]);
    expect(versions["text/b.txt"]?.[0]).toBe("v2");
    // Carried again: a third build still links a.txt.
    await writeFolderAtomically(target, [unmade("text/a.txt", "v1"), unmade("text/b.txt", "v2")], 123, ["cache"], VERSIONS);
    expect((await stat(join(target, "text/a.txt"))).ino).toBe(before.ino);
  });

  it.each([
    ["edited in place", async (file: string) => writeFile(file, "改\n")],
    ["replaced by another file", async (file: string) => (await rm(file), writeFile(file, "甲\n"))],
    ["removed", async (file: string) => rm(file)],
  ])("makes the content of a file of the same version that was %s since", async (_name, change) => {
    const target = await versionedOutput();
    await change(join(target, "text/a.txt"));
    let made = 0;
    await writeFolderAtomically(target, [{ path: "text/a.txt", version: "v1", content: () => (made++, "甲\n") }], 123, ["cache"], VERSIONS);
    expect(made).toBe(1);
    expect(await readFile(join(target, "text/a.txt"), "utf8")).toBe("甲\n");
  });

  it("makes every content without a versions file, and when the versions file is not one", async () => {
    const target = await versionedOutput();
    let made = 0;
    await writeFolderAtomically(target, [{ path: "text/a.txt", version: "v1", content: () => (made++, "甲\n") }], 123, ["cache"]);
    expect(made).toBe(1);
    const again = await versionedOutput();
    await writeFile(join(again, VERSIONS), "not json");
    await writeFolderAtomically(again, [{ path: "text/a.txt", version: "v1", content: () => (made++, "甲\n") }], 123, ["cache"], VERSIONS);
    expect(made).toBe(2);
    expect(await readFile(join(again, "text/a.txt"), "utf8")).toBe("甲\n");
  });
});
