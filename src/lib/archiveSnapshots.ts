/**
 * The archived snapshots as the /archive/ pages read them: each snapshot's manifest and emitted datasets under
 * data/archive/{date}/ (never raw reports), and the live build's corrections. File-system reads at build time, like
 * src/lib/buildFiles.ts; the comparisons are pure (src/lib/archiveChanges.ts, findCorrectionsAfter below).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CorrectionRow } from "../pipeline/validate/correctionSchema.ts";
import { getCorrectionsFor } from "./corrections.ts";
import { normalizeManifest, type Manifest } from "../build/archive.ts";
import { isIsoDate } from "../pipeline/parse/date.ts";
import type { SnapshotRows } from "./archiveChanges.ts";

/** data/archive/ of the project, or TONGBAO_ARCHIVE_DIR (src/build/site.ts sets it to the root's data/archive/). */
export function getArchiveDir(): string {
  return resolve(process.cwd(), process.env.TONGBAO_ARCHIVE_DIR ?? "data/archive");
}

/** The day of the snapshot being built (TONGBAO_SNAPSHOT_DATE, set by buildSite's snapshotDate), or null for the live site. */
export function findSnapshotDate(): string | null {
  const date = process.env.TONGBAO_SNAPSHOT_DATE;
  return date !== undefined && isIsoDate(date) ? date : null;
}

/** One snapshot as /archive/ lists it. */
export interface SnapshotSummary {
  /** YYYY-MM-DD */
  date: string;
  manifest: Manifest;
  /** files the manifest lists (manifest.json itself not counted) */
  fileCount: number;
  /** their total size in bytes */
  totalBytes: number;
  /** the manifest's sha256 of data/documents.json, for the citation; null when the snapshot has none */
  documentsSha256: string | null;
  /** rows per dataset, from the snapshot's build-report.json (`documents` = reports published by then) */
  rows: Record<string, number>;
  /** the sum of `rows`: every row of every dataset */
  totalRows: number;
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

/** District name → slug of snapshot `date` (its districts dataset), for links into its risk-area pages. */
export function readSnapshotDistrictSlugs(date: string, dir: string = getArchiveDir()): Map<string, string> {
  const rows = readJson(join(dir, date, "data", "districts.json"));
  return new Map(Array.isArray(rows) ? rows.map((r: { name: string; slug: string }) => [r.name, r.slug] as const) : []);
}

/** The key of a row in its dataset, as corrections name it: `id`, else `name` (people), else `source_path:source_line`. */
export function getRowKey(row: Record<string, unknown>): string {
  if (typeof row.id === "string") return row.id;
  if (typeof row.name === "string") return row.name;
  return `${String(row.source_path)}:${String(row.source_line)}`;
}

/** Every row key of dataset `name` of snapshot `date` (empty when the snapshot lacks it). */
export function readSnapshotKeys(date: string, name: string, dir: string = getArchiveDir()): Set<string> {
  if (!/^[a-z_]+$/.test(name)) return new Set();
  const rows = readJson(join(dir, date, "data", `${name}.json`));
  return new Set(Array.isArray(rows) ? rows.map((r) => getRowKey(r as Record<string, unknown>)) : []);
}

/**
 * The corrections made after `date` (correction date later than it, getCorrectionsFor in src/lib/corrections.ts)
 * that touch a row the snapshot holds (`hasRow(dataset, rowId)`), sorted by date then id. Pure.
 */
export function findCorrectionsAfter(corrections: readonly CorrectionRow[], date: string, hasRow: (dataset: string, rowId: string) => boolean): CorrectionRow[] {
  return getCorrectionsFor(corrections, { after: date })
    .filter((c) => hasRow(c.dataset, c.row_id))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A size for people: `980 B`, `12.3 KB`, `58.2 MB` (1 KB = 1024 B, one decimal). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8"));
}
