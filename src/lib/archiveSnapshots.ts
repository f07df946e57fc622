/**
 * The archived snapshots as the /archive/ pages show them: what a snapshot is (SnapshotSummary), which later
 * corrections its page lists, and sizes for people. Pure: the reads from data/archive/ are in
 * src/build/archiveReader.ts, the comparison of two snapshots in src/lib/archiveChanges.ts.
 */
import type { Manifest } from "../build/archive.ts";
import type { CorrectionRow } from "../pipeline/validate/correctionSchema.ts";
import { getCorrectionsFor } from "./corrections.ts";

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

/** The key of a row in its dataset, as corrections name it: `id`, else `name` (people), else `source_path:source_line`. */
export function getRowKey(row: Record<string, unknown>): string {
  if (typeof row.id === "string") return row.id;
  if (typeof row.name === "string") return row.name;
  return `${String(row.source_path)}:${String(row.source_line)}`;
}

/**
 * True when correction `c` moves a report into the snapshot of `date`: it corrects a report's published_date to a
 * day on or before `date` from a later day or from unknown (""). A build as of `date` takes the reports published
 * by then (src/pipeline/asOf.ts), so with the corrected date the report would have been in the snapshot, e.g.
 * `documents/029/published_date` 2025-04-12 → 2022-11-27 for the snapshot of 2022-11-30. A date corrected to
 * unknown (new value null) moves nothing in.
 */
export function isMovedIntoSnapshot(c: Pick<CorrectionRow, "dataset" | "field" | "old_value" | "new_value">, date: string): boolean {
  if (c.dataset !== "documents" || c.field !== "published_date" || c.new_value === null || c.new_value === "") return false;
  return c.new_value <= date && (c.old_value === "" || c.old_value > date);
}

/**
 * The corrections made after `date` (correction date later than it, getCorrectionsFor in src/lib/corrections.ts)
 * that concern the snapshot: those of a row it holds (`hasRow(dataset, rowId)`), and those that move a report into
 * its window (isMovedIntoSnapshot: the report is not in the snapshot but would have been). Sorted by date then id;
 * [] when none.
 */
export function findCorrectionsAfter(corrections: readonly CorrectionRow[], date: string, hasRow: (dataset: string, rowId: string) => boolean): CorrectionRow[] {
  return getCorrectionsFor(corrections, { after: date })
    .filter((c) => hasRow(c.dataset, c.row_id) || isMovedIntoSnapshot(c, date))
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
