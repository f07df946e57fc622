import { mkdtemp, mkdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/build/inputs.ts";

describe("readInputs(root, dir)", () => {
  it("pairs sidecars, skips the folder's README, and reports orphans and links that leave the folder", async () => {
    const root = await mkdtemp(join(tmpdir(), "tongbao-inputs-"));
    const dir = join(root, "data/raw/reports");
    await mkdir(join(dir, "2022"), { recursive: true });
    await writeFile(join(dir, "README.md"), "# provenance");
    await writeFile(join(dir, "b.txt"), "乙");
    await writeFile(join(dir, "b.meta.yaml"), "published_date: 2022-04-13\n");
    await writeFile(join(dir, "2022/a.html"), "<p>甲</p>");
    await writeFile(join(dir, "lost.meta.yaml"), "title: x\n");
    await writeFile(join(root, "secret.txt"), "outside");
    await symlink(join(root, "secret.txt"), join(dir, "link.txt"));
    await symlink(join(dir, "b.txt"), join(dir, "inside.txt"));
    await writeFile(join(dir, "c.txt"), "丙");
    await writeFile(join(dir, "c.meta.yaml"), new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xb1, 0xea]));

    const input = await readInputs(root, dir);
    expect(input.reports.map((r) => [r.path, r.sidecar?.path ?? null])).toEqual([
      ["data/raw/reports/2022/a.html", null],
      ["data/raw/reports/b.txt", "data/raw/reports/b.meta.yaml"],
      ["data/raw/reports/c.txt", null],
      ["data/raw/reports/inside.txt", null],
    ]);
    expect(new TextDecoder().decode(input.reports[1]?.bytes)).toBe("乙");
    expect(input.orphanSidecars).toEqual([{ path: "data/raw/reports/lost.meta.yaml" }]);
    expect(input.unreadable.map((i) => [i.code, i.path, i.message])).toEqual([
      ["file-unreadable", "data/raw/reports/link.txt", expect.any(String)],
      ["file-unreadable", "data/raw/reports/c.meta.yaml", "the sidecar cannot be read: expected UTF-8 YAML text, found bytes that are not UTF-8"],
    ]);
    // The target is named relative to the repository, so the build report is the same on every machine.
    expect(input.unreadable.find((i) => i.path.endsWith("link.txt"))?.message).toBe("the link leads outside data/raw/reports/: expected a file inside the inputs folder, found a link to secret.txt");
  });
});
