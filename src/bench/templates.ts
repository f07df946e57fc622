/**
 * The samples the benchmark corpus is made from: each sample report with the fate a pipeline run over the samples
 * gave it, so that the generator knows which reports need a sidecar to be published and why the others fail.
 */
import type { IssueCode } from "../pipeline/issues.ts";
import type { SourceFile } from "../pipeline/records.ts";
import type { BuildReport } from "../pipeline/validate/schemas.ts";
import type { CorpusTemplate } from "./corpus.ts";

/**
 * One template per report of `reports`, with the sorted, distinct codes of the error issues that rejected it in
 * `report` (the build report of a run over exactly these reports); [] when it was published. A report missing from
 * the build report, or not published and not rejected (left out as of a day), gives no template: the generator
 * cannot know what to expect of it.
 */
export function getCorpusTemplates(reports: readonly SourceFile[], report: BuildReport): CorpusTemplate[] {
  const entries = new Map(report.files.map((entry) => [entry.path, entry]));
  const templates: CorpusTemplate[] = [];
  for (const file of reports) {
    const entry = entries.get(file.path);
    if (entry === undefined || (entry.status !== "published" && entry.status !== "rejected")) continue;
    const codes = entry.status === "published"
      ? []
      : [...new Set(entry.issues.filter((issue) => issue.severity === "error").map((issue) => issue.code as IssueCode))].sort();
    templates.push({ file, rejectedFor: codes });
  }
  return templates;
}
