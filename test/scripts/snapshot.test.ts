/**
 * `npm run snapshot` in two throw-away copies of the project: a snapshot is written once, a tampered one makes the data
 * and site builds fail naming the file, and the same inputs give the same manifest.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_TS_FLAGS, REPO } from "../browser/support/builtSite.ts";
import { copyProject, type ProjectCopy } from "../browser/support/projectCopy.ts";

const exec = promisify(execFile);

/** Runs a script of the copy; resolves with its exit code and stderr (never rejects on a non-zero exit). */
async function runScript(root: string, script: string, args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await exec(process.execPath, [...NODE_TS_FLAGS, script, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: "" } });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stderr: e.stderr ?? "" };
  }
}

let first: ProjectCopy;
let second: ProjectCopy;
let made: Array<{ code: number; stderr: string }>;

beforeAll(async () => {
  [first, second] = await Promise.all([copyProject(REPO, { snapshots: false }), copyProject(REPO, { snapshots: false })]);
  // Two snapshots of one day in two copies, one after the other (each runs an Astro build).
  made = [await runScript(first.root, "scripts/snapshot.ts", ["2022-04-13"]), await runScript(second.root, "scripts/snapshot.ts", ["2022-04-13"])];
}, 600_000);

afterAll(async () => {
  await Promise.all([first?.remove(), second?.remove()]);
});

describe("npm run snapshot -- 2022-04-13", () => {
  it("writes data/archive/2022-04-13/ with a manifest and a summary", async () => {
    expect(made[0]!.code, made[0]!.stderr).toBe(0);
    expect(made[0]!.stderr).toMatch(/^snapshot written to data\/archive\/2022-04-13\/: \d+ files, [\d.]+ MB \(data\/ [\d.]+ MB, site\/ [\d.]+ MB\), \d+ inputs$/m);
    const manifest = JSON.parse(await readFile(join(first.root, "data/archive/2022-04-13/manifest.json"), "utf8"));
    expect(manifest.date).toBe("2022-04-13");
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain("data/documents.json");
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain("site/index.html");
    expect(manifest.inputs.map((i: { path: string }) => i.path)).toContain("data/raw/reports/004_d2a4c35ad713cded.txt");
    // 000_76bc26fd7b02b4ab was published on 2022-05-23: not an input of a snapshot of 2022-04-13.
    expect(manifest.inputs.map((i: { path: string }) => i.path)).not.toContain("data/raw/reports/000_76bc26fd7b02b4ab.txt");
    const documents = JSON.parse(await readFile(join(first.root, "data/archive/2022-04-13/data/documents.json"), "utf8")) as Array<{ published_date: string | null }>;
    expect(documents.every((d) => d.published_date !== null && d.published_date <= "2022-04-13")).toBe(true);
  });

  it("gives byte-identical manifests for the same inputs in two copies", async () => {
    expect(made[1]!.code, made[1]!.stderr).toBe(0);
    const [a, b] = await Promise.all([first, second].map((c) => readFile(join(c.root, "data/archive/2022-04-13/manifest.json"), "utf8")));
    expect(a).toBe(b);
  });

  it("refuses a snapshot that exists, and a day that is not a real day", async () => {
    const again = await runScript(first.root, "scripts/snapshot.ts", ["2022-04-13"]);
    expect(again).toEqual({
      code: 1,
      stderr: 'data/archive/2022-04-13: snapshot exists: expected a day without a snapshot, found "2022-04-13" already archived\n  hint: a snapshot is written once; corrections go in data/reference/corrections.csv\n',
    });
    const bad = await runScript(first.root, "scripts/snapshot.ts", ["2022-02-30"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split("\n")[0]).toBe('snapshot: the day is not a date: expected one real day written YYYY-MM-DD, found "2022-02-30"');
  });

  it("makes npm run data and the site build fail, naming a tampered file", async () => {
    const file = join(second.root, "data/archive/2022-04-13/site/index.html");
    const manifest = JSON.parse(await readFile(join(second.root, "data/archive/2022-04-13/manifest.json"), "utf8")) as { files: Array<{ path: string; sha256: string }> };
    const expected = manifest.files.find((f) => f.path === "site/index.html")!.sha256;
    await writeFile(file, (await readFile(file, "utf8")).replace("存档快照", "存档快照（改）"));
    const data = await runScript(second.root, "scripts/build-data.ts", []);
    expect(data.code).toBe(2);
    const line = data.stderr.split("\n").find((l) => l.startsWith("data/archive/"));
    expect(line).toMatch(new RegExp(`^data/archive/2022-04-13/site/index\\.html: file differs from the snapshot's manifest: expected sha256 ${expected}, found [0-9a-f]{64}$`));
    expect(data.stderr).toContain("build-data: 1 problems in the archived snapshots; nothing was written");
    const site = await runScript(second.root, "scripts/build-site.ts", []);
    expect(site.code).toBe(2);
    expect(site.stderr).toContain(`build-site: data/archive/2022-04-13/site/index.html: file differs from the snapshot's manifest: expected sha256 ${expected}`);
  }, 120_000);
});
