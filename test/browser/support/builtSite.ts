/**
 * The built site the browser tests run against: dist/ of the repository, built once when missing
 * (`.ci/run` runs `npm run build` before `npm test`, so in CI it is always there).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

/** The repository root: tests run from it (`npx vitest run`, `npm test`). */
export const REPO = process.cwd();
/** The built site folder of the repository. */
export const DIST = resolve(REPO, "dist");
/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = resolve(REPO, "test/browser/screenshots");

/** Node flags the package scripts use to run TypeScript directly. */
export const NODE_TS_FLAGS = ["--experimental-strip-types", "--no-warnings=ExperimentalWarning"];

/**
 * Runs `scripts/build-data.ts` then `scripts/build-site.ts` in `root` (a repository or a copy of
 * one) with the Node running the tests. Rejects with both commands' stderr when either fails.
 */
export async function buildSiteIn(root: string, dataArgs: readonly string[] = []): Promise<void> {
  for (const [script, args] of [["scripts/build-data.ts", dataArgs], ["scripts/build-site.ts", []]] as const) {
    try {
      await exec(process.execPath, [...NODE_TS_FLAGS, script, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: "" } });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${script} failed in ${root}:\n${e.stderr ?? e.message}`);
    }
  }
}

/**
 * Makes sure dist/ holds a built site, building it (data, then site) when dist/index.html is
 * missing. Several test files may ask at once: a lock folder in the temp directory makes one build
 * and the others wait for it. Returns a sentence saying what was done, for the test output.
 */
export async function ensureSite(): Promise<string> {
  if (existsSync(join(DIST, "index.html"))) return `using the built site in ${relative(REPO, DIST)}/`;
  const lock = join(tmpdir(), `tongbao-site-build-${createHash("sha256").update(REPO).digest("hex").slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const acquired = await mkdir(lock).then(() => true, () => false);
    if (acquired) break;
    if (existsSync(join(DIST, "index.html"))) return "using the site another test file built";
    if (Date.now() > deadline) throw new Error(`ensureSite: gave up waiting for the build lock ${lock}: remove it if no build is running`);
    await new Promise((done) => setTimeout(done, 250));
  }
  try {
    await writeFile(join(lock, "pid"), String(process.pid));
    if (existsSync(join(DIST, "index.html"))) return "using the site another test file built";
    await buildSiteIn(REPO);
    return "dist/ was missing: built it with scripts/build-data.ts and scripts/build-site.ts";
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Every file of a folder, as posix paths relative to it, sorted. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** The URL path of an HTML file of dist/: `reports/004/index.html` → `/reports/004/`, `404.html` → `/404.html`. */
export function getUrlPath(file: string): string {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}
