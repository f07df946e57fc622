import { mkdtemp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
