import { describe, expect, it } from "vitest";
import { countBuildInputs, listRejectedInputs } from "../../src/lib/buildReportSummary.ts";
import type { BuildReportEntry } from "../../src/pipeline/validate/schemas.ts";

const issue = (code: string, severity: "error" | "warning", line: number | null, column: number | null, message: string) => ({ code, severity, line, column, byte_offset: null, message, hint: severity === "error" ? "add title: to the sidecar" : null });
const entries: BuildReportEntry[] = [
  { path: "data/raw/reports/016.txt", status: "rejected", id: null, issues: [issue("title-missing", "error", 1, 18, "report has no title"), issue("cases-sum-mismatch", "warning", 3, 1, "sum")] },
  { path: "data/raw/reports/011.txt", status: "rejected", id: null, issues: [issue("date-missing", "error", null, null, "report has no date")] },
  { path: "data/raw/reports/016.meta.yaml", status: "rejected", id: null, issues: [] },
  { path: "data/raw/reports/004.txt", status: "published", id: "004", issues: [] },
  { path: "data/raw/reports/004.meta.yaml", status: "published", id: "004", issues: [] },
  { path: "data/raw/cases/a.csv", status: "published", id: null, issues: [] },
];

describe("countBuildInputs(entries)", () => {
  it("counts reports apart from tables and sidecars", () => {
    expect(countBuildInputs(entries)).toEqual({ reports: 3, published: 1, rejected: 2, tables: 1, sidecars: 2 });
  });
});

describe("listRejectedInputs(entries)", () => {
  it("lists rejected inputs by path with their errors and positions, leaving out sidecars", () => {
    expect(listRejectedInputs(entries)).toEqual([
      { path: "data/raw/reports/011.txt", reasons: [{ code: "date-missing", text: "data/raw/reports/011.txt: report has no date", hint: "add title: to the sidecar" }] },
      { path: "data/raw/reports/016.txt", reasons: [{ code: "title-missing", text: "data/raw/reports/016.txt:1:18: report has no title", hint: "add title: to the sidecar" }] },
    ]);
  });
});
