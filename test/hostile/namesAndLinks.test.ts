/**
 * Hostile input: file names with `..`, spaces and Chinese, and links that leave data/raw/. Run with
 * the real `scripts/build-data.ts` in a temporary repository, so the build report on disk is checked.
 */
import { readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentIdFor } from "../../src/pipeline/documentId.ts";
import { buildDataIn, GOOD, makeRoot, OTHER } from "./fixtures.ts";

interface ReportFile {
  path: string;
  status: string;
  id: string | null;
  issues: Array<{ code: string; message: string }>;
}

describe("hostile names and links (npm run data in a temporary repository)", () => {
  it("rejects `..` and links out of the inputs, publishes spaces and Chinese with stable ids, and lists every file", async () => {
    const root = await makeRoot();
    const dir = join(root, "data/raw/reports");
    for (const file of GOOD) await writeFile(join(dir, file.name), file.text!);
    await writeFile(join(dir, "report..txt"), OTHER.replace("张革", "张一"));
    await writeFile(join(dir, "海淀 通报.txt"), OTHER);
    await writeFile(join(dir, "with space.txt"), OTHER.replace("5月9日", "5月8日"));
    await writeFile(join(root, "secret.txt"), OTHER.replace("5月9日", "5月7日"));
    await symlink(join(root, "secret.txt"), join(dir, "link.txt"));
    await symlink("/etc/hostname", join(dir, "system.txt"));
    await symlink(join(root, "data/reference"), join(dir, "reference-folder"));
    await symlink(join(dir, "missing.txt"), join(dir, "broken.txt"));
    await symlink(join(dir, "good-meeting.txt"), join(dir, "inside.txt"));

    const { code, stderr } = await buildDataIn(root);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(await readFile(join(root, "data/build/build-report.json"), "utf8")) as { files: ReportFile[] };
    const rel = (name: string) => `data/raw/reports/${name}`;
    expect(report.files.map((f) => [f.path, f.status, f.id, f.issues.map((i) => i.code)])).toEqual([
      [rel("broken.txt"), "rejected", null, ["file-unreadable"]],
      [rel("good-bulletin.txt"), "published", "good-bulletin", []],
      [rel("good-meeting.txt"), "published", "good-meeting", []],
      // A link inside the folder is a second name for a file there: the same bytes, a duplicate.
      [rel("inside.txt"), "rejected", null, ["file-duplicate"]],
      [rel("link.txt"), "rejected", null, ["file-unreadable"]],
      [rel("reference-folder"), "rejected", null, ["file-unreadable"]],
      [rel("report..txt"), "rejected", null, ["file-name-unsafe"]],
      [rel("system.txt"), "rejected", null, ["file-unreadable"]],
      [rel("with space.txt"), "published", documentIdFor(rel("with space.txt")), []],
      [rel("海淀 通报.txt"), "published", documentIdFor(rel("海淀 通报.txt")), []],
    ]);
    const messages = Object.fromEntries(report.files.map((f) => [f.path, f.issues.map((i) => i.message)]));
    expect(messages[rel("link.txt")]).toEqual(["the link leads outside data/raw/reports/: expected a file inside the inputs folder, found a link to secret.txt"]);
    expect(messages[rel("system.txt")]).toEqual(["the link leads outside data/raw/reports/: expected a file inside the inputs folder, found a link to a path outside the repository"]);
    expect(messages[rel("broken.txt")]).toEqual(["the link leads outside data/raw/reports/: expected a file inside the inputs folder, found a link to nothing (the link is broken)"]);
    expect(messages[rel("reference-folder")]).toEqual(["the link leads outside data/raw/reports/: expected a file inside the inputs folder, found a link to data/reference"]);
    // The ids of names with spaces and Chinese are plain ASCII, the same on every machine.
    expect([documentIdFor(rel("with space.txt")), documentIdFor(rel("海淀 通报.txt"))].every((id) => /^r[0-9a-f]{12}$/.test(id))).toBe(true);
    // Nothing of the files outside the inputs reached the datasets.
    const documents = JSON.parse(await readFile(join(root, "data/build/documents.json"), "utf8")) as Array<{ path: string; event_date: string }>;
    expect(documents.map((d) => d.path).sort()).toEqual([rel("good-bulletin.txt"), rel("good-meeting.txt"), rel("with space.txt"), rel("海淀 通报.txt")]);
    expect(documents.map((d) => d.event_date)).not.toContain("2022-05-07");
    expect(stderr).toMatch(/reports rejected: 6/);
  }, 60_000);
});
