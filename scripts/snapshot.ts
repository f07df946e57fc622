/**
 * `npm run snapshot -- 2022-04-13`: the datasets and the site as they stood on that day (only inputs published on or
 * before it, src/pipeline/asOf.ts), written once into data/archive/2022-04-13/ with a manifest.json giving every
 * file's sha256 (src/build/archive.ts). Built in a temporary folder beside it and renamed into place at the end.
 *
 * Exit status: 0 when the snapshot was written; 1 when it was refused (not a real day, or the snapshot exists: a
 * snapshot is written once); 2 when the build broke (nothing is left behind).
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { buildManifest, emitManifest, listFolderFiles, MANIFEST_NAME, sha256Of, type ManifestInput } from "../src/build/archive.ts";
import { buildSite } from "../src/build/site.ts";
import { formatSize } from "../src/lib/archiveSnapshots.ts";
import { isAsOfDate } from "../src/pipeline/asOf.ts";

const exec = promisify(execFile);
const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  // Load inputs.
  const args = process.argv.slice(2);
  const date = args[0];
  if (args.length !== 1 || date === undefined || !isAsOfDate(date)) {
    log(`snapshot: the day is not a date: expected one real day written YYYY-MM-DD, found ${JSON.stringify(args.join(" "))}`);
    log("usage: npm run snapshot -- YYYY-MM-DD");
    return 1;
  }
  const root = process.cwd();
  const archiveRoot = resolve(root, "data", "archive");
  const target = join(archiveRoot, date);
  const shown = relative(root, target);
  if (await stat(target).then(() => true, () => false)) {
    log(`${shown}: snapshot exists: expected a day without a snapshot, found ${JSON.stringify(date)} already archived`);
    log("  hint: a snapshot is written once; corrections go in data/reference/corrections.csv");
    return 1;
  }
  const version = String((JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version?: unknown }).version ?? "0.0.0");
  // A dot folder beside the snapshots: on the same disk for the final rename, and skipped by verifyArchives.
  const temp = join(archiveRoot, `.${date}.tmp-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });

  try {
    // Process.
    log(`snapshot ${date}: 1/3 datasets as of ${date}`);
    try {
      await exec(process.execPath, ["--experimental-strip-types", "--no-warnings=ExperimentalWarning", "scripts/build-data.ts", "--as-of", date, "--out", join(temp, "data"), "--no-cache"], {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      log(e.stderr?.trimEnd() ?? e.message);
      throw new Error("the data build failed");
    }
    log(`snapshot ${date}: 2/3 site under /archive/${date}/site/`);
    await buildSite({ root, target: join(temp, "site"), dataDir: join(temp, "data"), base: `/archive/${date}/site/`, snapshotDate: date });

    // The archived site's /data/ downloads repeat data/ byte for byte: keep one copy (copyArchives restores them).
    const shared = await dropSiteData(temp);
    // Astro copies public/_headers into every build. Inside a snapshot it would be a dead copy of today's rules: hosts
    // read _headers only at the published folder's root, where the live site's file already covers /archive/* (with
    // the strict policy), and a stale copy in the write-once archive would mislead whoever reads it later.
    await rm(join(temp, "site", "_headers"), { force: true });
    // The live site's scripts: no archived page loads them (a snapshot's search page has no index and its embed
    // pages no height script, src/layouts/EmbedLayout.astro), and the archive's policy runs no script anyway.
    await rm(join(temp, "site", "embed", "height.js"), { force: true });
    for (const name of await readdir(join(temp, "site", "search")).catch(() => [])) {
      if (name.endsWith(".js")) await rm(join(temp, "site", "search", name), { force: true });
    }
    log(`snapshot ${date}: 3/3 manifest (${shared} downloads of site/data/ kept once, in data/)`);
    const inputs = await listInputs(root, join(temp, "data", "build-report.json"));
    const manifest = await buildManifest(temp, { date, version, inputs });

    // Save outputs.
    await writeFile(join(temp, MANIFEST_NAME), emitManifest(manifest));
    if (await stat(target).then(() => true, () => false)) throw new Error(`${shown} appeared while the snapshot was built`);
    await rename(temp, target);
    const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    const dataBytes = manifest.files.filter((f) => f.path.startsWith("data/")).reduce((sum, f) => sum + f.bytes, 0);
    log(`snapshot written to ${shown}/: ${manifest.files.length + 1} files, ${formatSize(bytes)} (data/ ${formatSize(dataBytes)}, site/ ${formatSize(bytes - dataBytes)}), ${inputs.length} inputs`);
    return 0;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    log(`snapshot: the build broke, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

/** Remove each file of `snapshot/site/data/` that is identical to the same path of `snapshot/data/`; returns how many. */
async function dropSiteData(snapshot: string): Promise<number> {
  let dropped = 0;
  for (const path of await listFolderFiles(join(snapshot, "site", "data"))) {
    const copy = await readFile(join(snapshot, "data", path)).catch(() => null);
    if (copy === null || !copy.equals(await readFile(join(snapshot, "site", "data", path)))) continue;
    await rm(join(snapshot, "site", "data", path));
    dropped++;
  }
  // Folders left empty (site/data/text/, site/data/) go too: the manifest lists files only.
  for (const dir of [join(snapshot, "site", "data", "text"), join(snapshot, "site", "data")]) {
    if ((await readdir(dir).catch(() => ["?"])).length === 0) await rm(dir, { recursive: true });
  }
  return dropped;
}

/**
 * The input files that went into the snapshot, with their sha256: every file of its build report that was not left
 * out as published later (reports, sidecars, tables, also rejected ones: they were read), and the reference files.
 */
async function listInputs(root: string, buildReport: string): Promise<ManifestInput[]> {
  const report = JSON.parse(await readFile(buildReport, "utf8")) as { files: Array<{ path: string; status: string }> };
  const paths = report.files.filter((f) => f.status !== "not-yet-published").map((f) => f.path);
  for (const name of await readdir(join(root, "data", "reference"))) {
    if (name.endsWith(".csv")) paths.push(`data/reference/${name}`);
  }
  const inputs: ManifestInput[] = [];
  for (const path of [...new Set(paths)].sort()) {
    const bytes = await readFile(join(root, path)).catch(() => null);
    // An unreadable input (a link out of the folder) has no bytes to cite.
    if (bytes !== null) inputs.push({ path, sha256: sha256Of(bytes) });
  }
  return inputs;
}

process.exitCode = await main();
