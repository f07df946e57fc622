/**
 * A throw-away copy of the repository in the temp folder, to build a site from altered inputs
 * without touching the repository's data/build/ or dist/.
 */
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Top-level entries never copied: outputs, history, tests, caches. */
const SKIP_TOP = new Set(["node_modules", "dist", ".git", ".astro", "test"]);
/** Caches inside node_modules the copy must not share with the repository (Astro's data store, Vite's). */
const SKIP_MODULES = new Set([".astro", ".vite", ".vite-temp", ".vitest-cache", ".cache"]);

/** A copy of the repository; `remove()` deletes it. */
export interface ProjectCopy {
  root: string;
  remove(): Promise<void>;
}

/** What to leave out of a copy besides outputs, history, tests and caches. */
export interface CopyOptions {
  /**
   * false: leave out the committed snapshots of data/archive/ (its README stays), for tests that make their own
   * snapshots of those days (a snapshot is written once: the command refuses a day that has one).
   */
  snapshots?: boolean;
}

/**
 * Copies `repo` (sources, scripts, config, data/raw, data/reference and data/archive; not data/build,
 * dist, .git or test) into a new temp folder. node_modules becomes a real folder of symlinks to the
 * repository's packages, so Astro and Vite keep their caches in the copy, not in the repository.
 */
export async function copyProject(repo: string, options: CopyOptions = {}): Promise<ProjectCopy> {
  const archive = join(repo, "data", "archive");
  const keep = (source: string): boolean => {
    if (source.startsWith(join(repo, "data", "build"))) return false;
    // data/archive/2022-04-13/… is a snapshot; data/archive/README.md is not.
    if (options.snapshots === false && source.startsWith(`${archive}/`) && /^\d{4}-\d{2}-\d{2}$/.test(source.slice(archive.length + 1).split("/")[0] ?? "")) return false;
    return true;
  };
  const root = await mkdtemp(join(tmpdir(), "tongbao-copy-"));
  for (const entry of await readdir(repo)) {
    if (SKIP_TOP.has(entry) || entry.startsWith("dist.tmp")) continue;
    await cp(join(repo, entry), join(root, entry), {
      recursive: true,
      filter: keep,
    });
  }
  await mkdir(join(root, "node_modules"));
  for (const entry of await readdir(join(repo, "node_modules"))) {
    if (SKIP_MODULES.has(entry)) continue;
    await symlink(join(repo, "node_modules", entry), join(root, "node_modules", entry));
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
