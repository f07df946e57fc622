/**
 * What the /about/ page says about the last data build: how many inputs were read and published, and every
 * rejected input with its reasons, from build-report.json's file entries.
 */
import type { BuildReportEntry } from "../pipeline/validate/schemas.ts";
import { compareText } from "./compareText.ts";

/** Counts of a build's inputs. */
export interface BuildCounts {
  /** report files (.txt .html .md), published and rejected */
  reports: number;
  published: number;
  rejected: number;
  /** CSV tables and sidecars (`.meta.yaml`) */
  tables: number;
  sidecars: number;
}

const isTable = (path: string) => path.endsWith(".csv");
const isSidecar = (path: string) => path.endsWith(".meta.yaml");

/** The counts of `entries`: sidecars and CSV tables are counted apart from the reports. */
export function countBuildInputs(entries: readonly BuildReportEntry[]): BuildCounts {
  const reports = entries.filter((e) => !isTable(e.path) && !isSidecar(e.path));
  return {
    reports: reports.length,
    published: reports.filter((e) => e.status === "published").length,
    rejected: reports.filter((e) => e.status === "rejected").length,
    tables: entries.filter((e) => isTable(e.path)).length,
    sidecars: entries.filter((e) => isSidecar(e.path)).length,
  };
}

/**
 * Every rejected input, by path, with only its errors (the reasons it was rejected; warnings and notes are left
 * out), each as `path:line:col: message` with its hint. An entry rejected without an error keeps all its issues.
 * Sidecars (`.meta.yaml`) are left out, as countBuildInputs counts them apart: one is rejected with its report and
 * carries no issue of its own (the report's entry says why).
 */
export function listRejectedInputs(entries: readonly BuildReportEntry[]): Array<{ path: string; reasons: Array<{ code: string; text: string; hint: string | null }> }> {
  return entries
    .filter((e) => e.status === "rejected" && !isSidecar(e.path))
    .sort((a, b) => compareText(a.path, b.path))
    .map((entry) => {
      const errors = entry.issues.filter((i) => i.severity === "error");
      const reasons = (errors.length > 0 ? errors : entry.issues).map((issue) => {
        const where = issue.line === null ? entry.path : `${entry.path}:${issue.line}${issue.column === null ? "" : `:${issue.column}`}`;
        return { code: issue.code, text: `${where}: ${issue.message}`, hint: issue.hint };
      });
      return { path: entry.path, reasons };
    });
}
