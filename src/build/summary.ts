/**
 * The summary printed at the end of `npm run data`.
 */
import { formatIssue, type Issue } from "../pipeline/issues.ts";
import type { BuildReport } from "../pipeline/validate/schemas.ts";

/**
 * Summary lines: inputs read, documents published and rejected, each rejected file with its errors,
 * then counts of issues by severity and code. Warnings are counted, not listed one by one beyond
 * `maxListed`, so a big run stays readable; the build report has them all.
 */
export function summarize(report: BuildReport, issues: Issue[], outDir: string, maxListed = 20): string[] {
  const lines: string[] = [];
  const { summary } = report;
  lines.push(
    `files read: ${summary.files} (${summary.reports} reports, ${summary.sidecars} sidecars, ${summary.tables} tables); documents published: ${summary.published}; reports rejected: ${summary.rejected}`,
  );
  lines.push(`rows: ${Object.entries(summary.rows).map(([name, n]) => `${name} ${n}`).join(", ")}`);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    lines.push("rejected:");
    for (const issue of errors.slice(0, maxListed)) lines.push(`  ${formatIssue(issue).replace(/\n/g, "\n  ")}`);
    if (errors.length > maxListed) lines.push(`  … and ${errors.length - maxListed} more errors in ${outDir}/build-report.json`);
  }
  for (const severity of ["error", "warning", "info"] as const) {
    const counts = new Map<string, number>();
    for (const issue of issues) if (issue.severity === severity) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
    if (counts.size === 0) continue;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const byCode = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, n]) => `${code} ${n}`);
    lines.push(`${severity === "info" ? "notes" : `${severity}s`}: ${total} (${byCode.join(", ")})`);
  }
  lines.push(`datasets written to ${outDir}/ (each as .json and .csv, text/, datapackage.json, build-report.json)`);
  return lines;
}
