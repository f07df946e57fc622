import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildManifest, copyArchives, emitManifest, listSnapshotDates, normalizeManifest, sha256Of, verifyArchives } from "../../src/build/archive.ts";

let root: string;
const archive = () => join(root, "data", "archive");

async function put(path: string, text: string): Promise<void> {
  await mkdir(join(root, path, ".."), { recursive: true });
  await writeFile(join(root, path), text);
}

/** A snapshot of two files with its manifest. */
async function makeSnapshot(date: string): Promise<void> {
  await put(`data/archive/${date}/data/documents.json`, "[]\n");
  await put(`data/archive/${date}/site/index.html`, "<p>首页</p>\n");
  const manifest = await buildManifest(join(archive(), date), { date, version: "0.1.0", inputs: [{ path: "data/raw/reports/b.txt", sha256: sha256Of("b") }, { path: "data/raw/reports/a.txt", sha256: sha256Of("a") }] });
  await put(`data/archive/${date}/manifest.json`, emitManifest(manifest));
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "tongbao-archive-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("buildManifest(folder, about) and emitManifest(manifest)", () => {
  it("lists every file but the manifest, sorted, with size and sha256, and the inputs sorted; no timestamp", async () => {
    await makeSnapshot("2022-04-13");
    const manifest = await buildManifest(join(archive(), "2022-04-13"), { date: "2022-04-13", version: "0.1.0", inputs: [] });
    expect(manifest).toEqual({
      format: 1,
      date: "2022-04-13",
      tongbao_version: "0.1.0",
      files: [
        { path: "data/documents.json", bytes: 3, sha256: sha256Of("[]\n") },
        { path: "site/index.html", bytes: Buffer.byteLength("<p>首页</p>\n"), sha256: sha256Of("<p>首页</p>\n") },
      ],
      inputs: [],
    });
    const again = await buildManifest(join(archive(), "2022-04-13"), { date: "2022-04-13", version: "0.1.0", inputs: [] });
    expect(emitManifest(again)).toBe(emitManifest(manifest));
    expect(emitManifest(manifest).endsWith("}\n")).toBe(true);
  });
  it("sorts the inputs by path", async () => {
    await makeSnapshot("2022-04-13");
    const parsed = normalizeManifest(JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(join(archive(), "2022-04-13", "manifest.json"), "utf8"))));
    expect("manifest" in parsed && parsed.manifest.inputs.map((i) => i.path)).toEqual(["data/raw/reports/a.txt", "data/raw/reports/b.txt"]);
  });
});

describe("verifyArchives(archiveRoot, root)", () => {
  it("finds nothing wrong with intact snapshots, a README and no archive at all", async () => {
    expect(await verifyArchives(archive(), root)).toEqual([]);
    await makeSnapshot("2022-04-13");
    await makeSnapshot("2022-05-23");
    await put("data/archive/README.md", "# snapshots\n");
    await put("data/archive/.2022-06-01.tmp-1/x", "being written");
    expect(await verifyArchives(archive(), root)).toEqual([]);
    expect(await listSnapshotDates(archive())).toEqual(["2022-04-13", "2022-05-23"]);
  });

  it("names a changed file with both hashes", async () => {
    await makeSnapshot("2022-04-13");
    await put("data/archive/2022-04-13/site/index.html", "<p>改过</p>\n");
    expect(await verifyArchives(archive(), root)).toEqual([
      `data/archive/2022-04-13/site/index.html: file differs from the snapshot's manifest: expected sha256 ${sha256Of("<p>首页</p>\n")}, found ${sha256Of("<p>改过</p>\n")}`,
    ]);
  });

  it("names a missing file and an added one", async () => {
    await makeSnapshot("2022-04-13");
    await rm(join(archive(), "2022-04-13", "data", "documents.json"));
    await put("data/archive/2022-04-13/data/extra.csv", "a\n");
    expect(await verifyArchives(archive(), root)).toEqual([
      `data/archive/2022-04-13/data/documents.json: file of the snapshot is missing: expected a file with sha256 ${sha256Of("[]\n")}, found none`,
      "data/archive/2022-04-13/data/extra.csv: file is not in the snapshot's manifest: expected only the files manifest.json lists, found an extra file",
    ]);
  });

  it("names a missing, unparsable or malformed manifest, and a folder that is no snapshot", async () => {
    await put("data/archive/2022-04-13/data/documents.json", "[]\n");
    await put("data/archive/2022-04-14/manifest.json", "{ not json");
    await put("data/archive/2022-04-15/manifest.json", JSON.stringify({ format: 1, date: "2022-04-15", tongbao_version: "0.1.0", files: [{ path: "../x", bytes: 1, sha256: "00" }], inputs: [] }));
    await put("data/archive/2022-04-16/manifest.json", JSON.stringify({ format: 2 }));
    await put("data/archive/2022-04-17/manifest.json", JSON.stringify({ format: 1, date: "2022-04-13", tongbao_version: "0.1.0", files: [], inputs: [] }));
    await put("data/archive/latest/manifest.json", "{}");
    const messages = await verifyArchives(archive(), root);
    expect(messages).toEqual([
      "data/archive/2022-04-13/manifest.json: snapshot has no manifest: expected manifest.json listing every file with its sha256, found none",
      expect.stringMatching(/^data\/archive\/2022-04-14\/manifest\.json: manifest is not JSON: expected a JSON object, found ".+"$/),
      'data/archive/2022-04-15/manifest.json: manifest file entry is malformed: expected { "path": a relative path, "bytes": a size, "sha256": 64 hex digits }, found "{\\"path\\":\\"../x\\",\\"bytes\\":1,\\"sha256\\":\\"00\\"}"',
      'data/archive/2022-04-16/manifest.json: manifest format is unknown: expected 1, found "2"',
      'data/archive/2022-04-17/manifest.json: manifest date is not its folder\'s: expected "2022-04-17", found "2022-04-13"',
      'data/archive/latest: folder is not a snapshot: expected a folder named YYYY-MM-DD, found "latest"',
    ]);
  });
});

describe("copyArchives(archiveRoot, outDir)", () => {
  it("copies each snapshot under archive/{date}/ and restores the site's data downloads from data/", async () => {
    await makeSnapshot("2022-04-13");
    const out = join(root, "dist");
    expect(await copyArchives(archive(), out)).toEqual(["2022-04-13"]);
    const { listFolderFiles } = await import("../../src/build/archive.ts");
    expect(await listFolderFiles(join(out, "archive"))).toEqual([
      "2022-04-13/data/documents.json",
      "2022-04-13/manifest.json",
      "2022-04-13/site/data/documents.json",
      "2022-04-13/site/index.html",
    ]);
  });
});
