/**
 * Archived snapshots (data/archive/{date}/): their manifest, its verification on every build, and their copy into
 * the live site. A snapshot is written once (scripts/snapshot.ts); a build that finds one changed, missing a file or
 * holding an extra one fails, naming the files, before it writes anything.
 *
 *   data/archive/2022-04-13/manifest.json   format, date, tongbao version, every other file (path, bytes, sha256)
 *                                           and the input files that went in (path, sha256); no timestamp
 *   data/archive/2022-04-13/data/           the datasets as `npm run data -- --as-of 2022-04-13` emits them
 *   data/archive/2022-04-13/site/           the site built from them under /archive/2022-04-13/site/
 */
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { isIsoDate } from "../pipeline/parse/date.ts";

/** The manifest's format version: bump it when its shape changes. */
export const MANIFEST_FORMAT = 1;

/** One file of a snapshot. */
export interface ManifestFile {
  /** posix path relative to the snapshot folder, e.g. `data/documents.json` */
  path: string;
  /** size in bytes */
  bytes: number;
  /** sha256 of the bytes, lower-case hex */
  sha256: string;
}

/** One input file that went into a snapshot: what an archivist cites. */
export interface ManifestInput {
  /** repo-relative posix path, e.g. `data/raw/reports/004.txt` */
  path: string;
  /** sha256 of its bytes when the snapshot was made, lower-case hex */
  sha256: string;
}

/** manifest.json of a snapshot. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** YYYY-MM-DD: the day the snapshot stands on (the folder's name) */
  date: string;
  /** package.json's version of the tongbao that built it */
  tongbao_version: string;
  /** every file of the snapshot but manifest.json, sorted by path */
  files: ManifestFile[];
  /** the input files, sorted by path */
  inputs: ManifestInput[];
}

/** The manifest's file name in a snapshot folder. */
export const MANIFEST_NAME = "manifest.json";

/** sha256 of `bytes`, lower-case hex. */
export function sha256Of(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Every file under `folder` (symlinks included), as posix paths relative to it, sorted; [] when it is missing. */
export async function listFolderFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The manifest of the snapshot folder `folder`: every file in it but manifest.json, with its size and sha256, sorted
 * by path; `inputs` sorted by path. Same files, same manifest: no timestamp.
 */
export async function buildManifest(folder: string, about: { date: string; version: string; inputs: readonly ManifestInput[] }): Promise<Manifest> {
  const files: ManifestFile[] = [];
  for (const path of await listFolderFiles(folder)) {
    if (path === MANIFEST_NAME) continue;
    const bytes = await readFile(join(folder, path));
    files.push({ path, bytes: bytes.length, sha256: sha256Of(bytes) });
  }
  const inputs = [...about.inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: MANIFEST_FORMAT, date: about.date, tongbao_version: about.version, files, inputs };
}

/** The bytes of manifest.json: keys in a fixed order, two-space indent, a final newline. */
export function emitManifest(manifest: Manifest): string {
  const ordered: Manifest = {
    format: manifest.format,
    date: manifest.date,
    tongbao_version: manifest.tongbao_version,
    files: manifest.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })),
    inputs: manifest.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const SHA256 = /^[0-9a-f]{64}$/;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A manifest from parsed JSON, or the first thing wrong with it as `what is wrong: expected X, found "Y"`. Checks the
 * format, the date (`date`, a calendar day), the version, and every file and input entry (a relative path without
 * `..`, a byte count, a sha256), and that no path is listed twice.
 */
export function normalizeManifest(spec: unknown): { manifest: Manifest } | { problem: string } {
  const found = (value: unknown): string => JSON.stringify(JSON.stringify(value)?.slice(0, 60) ?? "undefined");
  if (!isRecord(spec)) return { problem: `manifest is not an object: expected { "format": ${MANIFEST_FORMAT}, … }, found ${found(spec)}` };
  if (spec.format !== MANIFEST_FORMAT) return { problem: `manifest format is unknown: expected ${MANIFEST_FORMAT}, found ${found(spec.format)}` };
  if (typeof spec.date !== "string" || !isIsoDate(spec.date)) return { problem: `manifest date is not a date: expected YYYY-MM-DD, found ${found(spec.date)}` };
  if (typeof spec.tongbao_version !== "string" || spec.tongbao_version === "") return { problem: `manifest tongbao_version is missing: expected a version, found ${found(spec.tongbao_version)}` };
  if (!Array.isArray(spec.files)) return { problem: `manifest files is not a list: expected [{ "path", "bytes", "sha256" }, …], found ${found(spec.files)}` };
  if (!Array.isArray(spec.inputs)) return { problem: `manifest inputs is not a list: expected [{ "path", "sha256" }, …], found ${found(spec.inputs)}` };
  const goodPath = (p: unknown): p is string => typeof p === "string" && p !== "" && !p.startsWith("/") && !p.split("/").some((part) => part === ".." || part === "" || part === ".");
  const files: ManifestFile[] = [];
  const seen = new Set<string>();
  for (const f of spec.files) {
    if (!isRecord(f) || !goodPath(f.path) || f.path === MANIFEST_NAME || typeof f.bytes !== "number" || !Number.isInteger(f.bytes) || f.bytes < 0 || typeof f.sha256 !== "string" || !SHA256.test(f.sha256)) {
      return { problem: `manifest file entry is malformed: expected { "path": a relative path, "bytes": a size, "sha256": 64 hex digits }, found ${found(f)}` };
    }
    if (seen.has(f.path)) return { problem: `manifest lists a file twice: expected each path once, found ${found(f.path)} again` };
    seen.add(f.path);
    files.push({ path: f.path, bytes: f.bytes, sha256: f.sha256 });
  }
  const inputs: ManifestInput[] = [];
  for (const i of spec.inputs) {
    if (!isRecord(i) || !goodPath(i.path) || typeof i.sha256 !== "string" || !SHA256.test(i.sha256)) {
      return { problem: `manifest input entry is malformed: expected { "path": a relative path, "sha256": 64 hex digits }, found ${found(i)}` };
    }
    inputs.push({ path: i.path, sha256: i.sha256 });
  }
  return { manifest: { format: MANIFEST_FORMAT, date: spec.date, tongbao_version: spec.tongbao_version, files, inputs } };
}

/** True for a name a snapshot folder can have: a calendar day, `2022-04-13`. */
export function isSnapshotName(name: string): boolean {
  return isIsoDate(name);
}

/**
 * The snapshot folders of `archiveRoot`, oldest first: entries named YYYY-MM-DD that are folders. Files (README.md)
 * and dot entries (a snapshot being written) are not snapshots. [] when the folder is missing.
 */
export async function listSnapshotDates(archiveRoot: string): Promise<string[]> {
  const entries = await readdir(archiveRoot, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && isSnapshotName(e.name)).map((e) => e.name).sort();
}

/**
 * Check every snapshot of `archiveRoot` (data/archive/) against its manifest.json. Returns one message per problem,
 * `path: what is wrong: expected X, found "Y"` with paths relative to `root` (default: the working directory, the
 * repository), in folder order and path order; [] when every snapshot is intact or there is none. Problems: a folder
 * in `archiveRoot` that is no snapshot (not a date; dot entries and files such as README.md are skipped), a missing
 * or malformed manifest.json (or one whose date is not its folder's), a file whose sha256 differs (both hashes
 * named), a listed file missing, a file the manifest does not list. Never throws on what it finds on disk.
 */
export async function verifyArchives(archiveRoot: string, root: string = process.cwd()): Promise<string[]> {
  const shown = (path: string): string => relative(root, path).split("\\").join("/") || ".";
  const messages: string[] = [];
  const entries = (await readdir(archiveRoot, { withFileTypes: true }).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || !entry.isDirectory()) continue;
    const folder = resolve(archiveRoot, entry.name);
    if (!isSnapshotName(entry.name)) {
      messages.push(`${shown(folder)}: folder is not a snapshot: expected a folder named YYYY-MM-DD, found ${JSON.stringify(entry.name)}`);
      continue;
    }
    const manifestPath = join(folder, MANIFEST_NAME);
    const text = await readFile(manifestPath, "utf8").catch(() => null);
    if (text === null) {
      messages.push(`${shown(manifestPath)}: snapshot has no manifest: expected manifest.json listing every file with its sha256, found none`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      messages.push(`${shown(manifestPath)}: manifest is not JSON: expected a JSON object, found ${JSON.stringify(error instanceof Error ? error.message : String(error))}`);
      continue;
    }
    const normalized = normalizeManifest(parsed);
    if ("problem" in normalized) {
      messages.push(`${shown(manifestPath)}: ${normalized.problem}`);
      continue;
    }
    const { manifest } = normalized;
    if (manifest.date !== entry.name) {
      messages.push(`${shown(manifestPath)}: manifest date is not its folder's: expected ${JSON.stringify(entry.name)}, found ${JSON.stringify(manifest.date)}`);
      continue;
    }
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    const present = new Set((await listFolderFiles(folder)).filter((p) => p !== MANIFEST_NAME));
    const paths = [...new Set([...listed.keys(), ...present])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const path of paths) {
      const expected = listed.get(path);
      const full = join(folder, path);
      if (expected === undefined) {
        messages.push(`${shown(full)}: file is not in the snapshot's manifest: expected only the files manifest.json lists, found an extra file`);
        continue;
      }
      if (!present.has(path)) {
        messages.push(`${shown(full)}: file of the snapshot is missing: expected a file with sha256 ${expected.sha256}, found none`);
        continue;
      }
      const bytes = await readFile(full).catch(() => null);
      const found = bytes === null ? "an unreadable file" : sha256Of(bytes);
      if (found !== expected.sha256) {
        messages.push(`${shown(full)}: file differs from the snapshot's manifest: expected sha256 ${expected.sha256}, found ${found}`);
      }
    }
  }
  return messages;
}

/** What every caller of verifyArchives prints after the messages. */
export const ARCHIVE_HINT =
  "a snapshot is written once: restore its files from git (git checkout -- data/archive/), and make corrections in data/reference/corrections.csv, never in the archive";

/**
 * Copy each snapshot of `archiveRoot` (manifest.json, data/, site/) into `outDir/archive/{date}/`, for the live
 * site, which serves them under /archive/{date}/. The archived site's /data/ downloads are stored once, in data/
 * (scripts/snapshot.ts drops the identical site/data/ files), so data/ is also copied to site/data/ where a file is
 * not there. Returns the dates copied, oldest first. Rejects when a copy fails.
 */
export async function copyArchives(archiveRoot: string, outDir: string): Promise<string[]> {
  const dates = await listSnapshotDates(archiveRoot);
  for (const date of dates) {
    const from = join(archiveRoot, date);
    const to = join(outDir, "archive", date);
    await mkdir(to, { recursive: true });
    for (const name of [MANIFEST_NAME, "data", "site"]) {
      if (await stat(join(from, name)).then(() => true, () => false)) await cp(join(from, name), join(to, name), { recursive: true });
    }
    if (await stat(join(from, "data")).then(() => true, () => false)) await cp(join(from, "data"), join(to, "site", "data"), { recursive: true, force: false });
  }
  return dates;
}
