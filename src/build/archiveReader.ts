/**
 * The archived snapshots read from disk for the /archive/ pages at build time: each snapshot's manifest and emitted
 * datasets under data/archive/{date}/ (never raw reports), and the day of the snapshot being built. These are the
 * effects (file system, environment); what the pages compute from them is pure and lives in src/lib/
 * (archiveSnapshots.ts findCorrectionsAfter and formatSize, archiveChanges.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isIsoDate } from "../pipeline/parse/date.ts";
import type { SnapshotRows } from "../lib/archiveChanges.ts";
import { getRowKey, type SnapshotSummary } from "../lib/archiveSnapshots.ts";
import { normalizeManifest } from "./archive.ts";

/** data/archive/ of the project, or TONGBAO_ARCHIVE_DIR (src/build/site.ts sets it to the root's data/archive/). */
export function getArchiveDir(): string {
  return resolve(process.cwd(), process.env.TONGBAO_ARCHIVE_DIR ?? "data/archive");
}

/**
 * The day of the snapshot being built (TONGBAO_SNAPSHOT_DATE, set by buildSite's snapshotDate), or null for the live
 * site (unset, or not a YYYY-MM-DD day).
 */
export function findSnapshotDate(): string | null {
  const date = process.env.TONGBAO_SNAPSHOT_DATE;
  return date !== undefined && isIsoDate(date) ? date : null;
}

/**
 * Every snapshot of `dir` (default getArchiveDir()), newest first: folders named YYYY-MM-DD with a valid
 * manifest.json. [] when the folder is missing, and always [] while a snapshot's own site is built (an archived site
 * does not list other snapshots: they are not inside it). Throws when a snapshot's manifest is malformed: the build
 * checks them first (src/build/archive.ts verifyArchives), so that is a bug.
 */
export function listSnapshots(dir: string = getArchiveDir()): SnapshotSummary[] {
  if (findSnapshotDate() !== null || !existsSync(dir)) return [];
  const dates = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && isIsoDate(e.name)).map((e) => e.name);
  return dates.sort().reverse().map((date) => readSnapshot(date, dir));
}

/** The summary of the snapshot `date` of `dir`. Throws when its manifest is missing or malformed. */
export function readSnapshot(date: string, dir: string = getArchiveDir()): SnapshotSummary {
  const path = join(dir, date, "manifest.json");
  const normalized = normalizeManifest(JSON.parse(readFileSync(path, "utf8")));
  if ("problem" in normalized) throw new Error(`${path}: ${normalized.problem}`);
  const { manifest } = normalized;
  const report = readJson(join(dir, date, "data", "build-report.json")) as { summary?: { rows?: Record<string, number> } } | null;
  return {
    date,
    manifest,
    fileCount: manifest.files.length,
    totalBytes: manifest.files.reduce((sum, f) => sum + f.bytes, 0),
    documentsSha256: manifest.files.find((f) => f.path === "data/documents.json")?.sha256 ?? null,
    rows: { ...(report?.summary?.rows ?? {}) },
    totalRows: Object.values(report?.summary?.rows ?? {}).reduce((sum, n) => sum + n, 0),
  };
}

/** The datasets of snapshot `date` that the changes page compares; a dataset the snapshot lacks reads as []. */
export function readSnapshotRows(date: string, dir: string = getArchiveDir()): SnapshotRows {
  const rows = (name: string) => (readJson(join(dir, date, "data", `${name}.json`)) ?? []) as never[];
  return { documents: rows("documents"), risk_areas: rows("risk_areas"), directives: rows("directives"), case_csv: rows("case_csv"), cases: rows("cases") };
}

/** District name → slug of snapshot `date` (its districts dataset), for links into its risk-area pages; empty when absent. */
export function readSnapshotDistrictSlugs(date: string, dir: string = getArchiveDir()): Map<string, string> {
  const rows = readJson(join(dir, date, "data", "districts.json"));
  return new Map(Array.isArray(rows) ? rows.map((r: { name: string; slug: string }) => [r.name, r.slug] as const) : []);
}

/** Every row key (getRowKey) of dataset `name` of snapshot `date`; empty when the snapshot lacks it or the name is not a dataset's. */
export function readSnapshotKeys(date: string, name: string, dir: string = getArchiveDir()): Set<string> {
  if (!/^[a-z_]+$/.test(name)) return new Set();
  const rows = readJson(join(dir, date, "data", `${name}.json`));
  return new Set(Array.isArray(rows) ? rows.map((r) => getRowKey(r as Record<string, unknown>)) : []);
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8"));
}
