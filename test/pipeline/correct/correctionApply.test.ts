import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorrections } from "../../../src/build/reference.ts";
import { parseCorrections } from "../../../src/pipeline/correct/corrections.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { runPipeline, type RunResult } from "../../../src/pipeline/run.ts";
import { findLatestDirectives } from "../../../src/lib/keyFigures.ts";
import type { DirectiveRecord } from "../../../src/pipeline/validate/directiveSchema.ts";
import { getReference } from "../../support/pipeline.ts";

const HEADER = "what,old_value,new_value,reason,source,date";
const REPORT_029 = "data/raw/reports/029.txt";
const CASES = "data/raw/cases/cases-test.csv";
const CASES_CSV = [
  "date,district,district_raw,new_confirmed,new_asymptomatic,cumulative_confirmed,cumulative_cured,cumulative_dead,method,coverage,date_basis,source,source_url",
  "2022-04-20,朝阳区,,5,1,,,,case_list_count,complete,bulletin_day,test,",
  "2022-04-20,海淀区,,2,0,,,,case_list_count,complete,bulletin_day,test,",
].join("\n");

/** The pipeline on report 029 as it is in data/raw/reports/ and a two-row case table, with `rows` as corrections.csv. */
async function runWith(...rows: string[]): Promise<RunResult> {
  const corrections = parseCorrections([HEADER, ...rows].join("\n"), "data/reference/corrections.csv");
  expect(corrections.issues.map(formatIssue)).toEqual([]);
  const bytes = new Uint8Array(await readFile(resolve(REPORT_029)));
  return runPipeline(
    { reports: [{ path: REPORT_029, bytes }], orphanSidecars: [], unreadable: [], caseCsv: [{ path: CASES, text: CASES_CSV }], riskAreaCsv: [], corrections: corrections.value },
    await getReference(),
    { today: "2026-11-26" },
  );
}

const directivesOf = (result: RunResult) => result.datasets.directives as unknown as DirectiveRecord[];

describe("corrections applied by runPipeline", () => {
  it("without corrections: 029 carries the forum's repost date, and so do its directives", async () => {
    const result = await runWith();
    expect(result.correctionIssues).toEqual([]);
    expect(result.documents[0]!.row.published_date).toBe("2025-04-12");
    expect(directivesOf(result).map((d) => [d.id, d.date])).toEqual([["029-d001", "2025-04-12"]]);
    expect(result.datasets.corrections).toEqual([]);
  });

  it("a document's date correction is applied before extraction: directives, measures and counts follow", async () => {
    const result = await runWith("documents/029/published_date,2025-04-12,2022-11-27,转帖日期,http://example.org/a,2026-11-26");
    expect(result.correctionIssues).toEqual([]);
    const row = result.documents[0]!.row;
    expect([row.published_date, row.supplied, row.provenance.published_date]).toEqual(["2022-11-27", ["published_date"], undefined]);
    expect(directivesOf(result).map((d) => [d.id, d.date])).toEqual([["029-d001", "2022-11-27"]]);
    expect([...new Set(result.datasets.measures.map((m) => m.date))]).toEqual(["2022-11-27"]);
    expect(result.datasets.cases.find((c) => c.id === "029-case-2")?.date).toBe("2022-11-27");
    const [listed] = result.datasets.corrections as Array<Record<string, unknown>>;
    expect(listed).toMatchObject({ id: "c001", what: "documents/029/published_date", dataset: "documents", row_id: "029", field: "published_date", old_value: "2025-04-12", new_value: "2022-11-27", line: 2, doc_ids: ["029"] });
    // 029's one directive is city-wide: its measures rows have no district, so only the city's measures chart draws
    // them (not measures-chaoyang …); its counts come from its text, which no chart draws (the cases charts draw the
    // case tables).
    expect(listed!.charts).toEqual(["measures"]);
    expect((listed!.districts as string[]).length).toBe(16);
  });

  it("a correction to unknown empties the value and its provenance, never a guess", async () => {
    const result = await runWith("documents/029/source,中新网,,转帖未注明可靠来源,论坛转帖,2026-11-26");
    expect(result.correctionIssues).toEqual([]);
    const row = result.documents[0]!.row;
    expect([row.source, row.supplied, row.provenance.source]).toEqual([null, ["source"], undefined]);
    expect((result.datasets.corrections[0] as Record<string, unknown>).new_value).toBeNull();
  });

  it("a report whose only date is corrected to unknown is rejected by the document schema, as any undated report", async () => {
    const result = await runWith("documents/029/published_date,2025-04-12,,不知道发表日期,论坛转帖,2026-11-26");
    expect(result.correctionIssues).toEqual([]);
    expect(result.documents).toEqual([]);
    expect(result.report.files.find((f) => f.path === REPORT_029)?.issues.map((i) => i.message)).toEqual([
      "document field published_date is not valid: expected a document needs a published_date or an event_date, found null",
    ]);
  });

  it("a case table value correction changes the row and is listed with the charts it touches", async () => {
    const result = await runWith(`case_csv/${CASES}:2/confirmed,5,6,核对原表,北京市卫健委通报,2026-11-26`);
    expect(result.correctionIssues).toEqual([]);
    const rows = result.datasets.case_csv.filter((r) => r.source_line === 2 && r.measure === "new");
    expect(rows.map((r) => [r.district, r.confirmed])).toEqual([["朝阳区", 6]]);
    expect(result.datasets.corrections).toEqual([
      {
        id: "c001",
        what: `case_csv/${CASES}:2/confirmed`,
        dataset: "case_csv",
        row_id: `${CASES}:2`,
        field: "confirmed",
        old_value: "5",
        new_value: "6",
        reason: "核对原表",
        source: "北京市卫健委通报",
        date: "2026-11-26",
        line: 2,
        doc_ids: [],
        charts: ["cases", "cases-chaoyang"],
        districts: ["朝阳区"],
      },
    ]);
  });

  it("a directive correction re-counts the measures", async () => {
    const result = await runWith("directives/029-d001/date,2025-04-12,2022-11-28,r,s,2026-11-26");
    expect(result.correctionIssues).toEqual([]);
    expect([...new Set(result.datasets.measures.map((m) => m.date))]).toEqual(["2022-11-28"]);
  });

  it("reports a stale old value, an unknown row and an invalid new value at the line of corrections.csv", async () => {
    const result = await runWith(
      "documents/029/published_date,2025-04-11,2022-11-27,r,s,2026-11-26",
      "documents/999/title,a,b,r,s,2026-11-26",
      "directives/029-d009/date,a,b,r,s,2026-11-26",
      "documents/029/event_date,,2022-11-31,r,s,2026-11-26",
      `case_csv/${CASES}:3/confirmed,2,two,r,s,2026-11-26`,
    );
    expect(result.correctionIssues.map((i) => i.code)).toEqual(["correction-stale", "correction-target-unknown", "correction-target-unknown", "correction-invalid", "correction-invalid"]);
    expect(result.correctionIssues.map(formatIssue)).toEqual([
      'data/reference/corrections.csv:2: correction is stale: expected old_value to be the current value "2025-04-12" of documents/029/published_date, found "2025-04-11"\n  hint: the value changed since the correction was written: check it, then update old_value or remove the row',
      'data/reference/corrections.csv:3: correction names an unknown row of documents: expected the id of a report of this build, found "999"',
      'data/reference/corrections.csv:4: correction names an unknown row of directives: expected the id of a row this build made, found "029-d009"\n  hint: the row may have been renamed or left out: check the dataset and update the row id',
      'data/reference/corrections.csv:5: new value does not fit documents.event_date: expected a date YYYY-MM-DD, found "2022-11-31"',
      'data/reference/corrections.csv:6: new value does not fit case_csv.confirmed: expected Invalid input: expected number, received string, found "two"',
    ]);
  });

  it("as of a day before a correction, the correction is not applied", async () => {
    const corrections = parseCorrections(`${HEADER}\ndocuments/029/title,北京单日新增本土感染者1781例,北京新增本土感染者1781例,r,s,2026-11-26\n`, "data/reference/corrections.csv");
    const bytes = new Uint8Array(await readFile(resolve(REPORT_029)));
    const input = { reports: [{ path: REPORT_029, bytes }], orphanSidecars: [], unreadable: [], caseCsv: [], riskAreaCsv: [], corrections: corrections.value };
    const later = runPipeline(input, await getReference(), { today: "2026-11-26" });
    expect(later.documents[0]!.row.title).toBe("北京新增本土感染者1781例");
    const before = runPipeline(input, await getReference(), { today: "2026-11-26", asOf: "2026-11-25" });
    expect(before.correctionIssues).toEqual([]);
    expect(before.datasets.corrections).toEqual([]);
  });
});

describe("data/reference/corrections.csv: the 029 correction", () => {
  it("dates 029 and its directives 2022-11-27, and the home page's latest directives are no longer of 2025-04-12", async () => {
    const loaded = await loadCorrections(process.cwd(), resolve("data/reference"));
    expect(loaded.issues).toEqual([]);
    const fix = loaded.value!.find((c) => c.what === "documents/029/published_date");
    expect(fix).toMatchObject({ oldValue: "2025-04-12", newValue: "2022-11-27" });
    expect(fix!.source).toBe("https://cj.sina.com.cn/articles/view/2868676035/aafc85c3020013sn5");
    const bytes = new Uint8Array(await readFile(resolve(REPORT_029)));
    const result = runPipeline(
      { reports: [{ path: REPORT_029, bytes }], orphanSidecars: [], unreadable: [], caseCsv: [], riskAreaCsv: [], corrections: loaded.value!.filter((c) => c.rowId === "029") },
      await getReference(),
      { today: "2026-11-26" },
    );
    expect(result.correctionIssues).toEqual([]);
    expect(directivesOf(result).map((d) => d.date)).toEqual(["2022-11-27"]);
    expect(findLatestDirectives(directivesOf(result))).toEqual({ date: "2022-11-27", count: 1, docIds: ["029"] });
  });

  it("a build of the repository's datasets lists it, and no directive is of the repost day", async () => {
    const built = JSON.parse(await readFile(resolve("data/build/corrections.json"), "utf8").catch(() => "null")) as Array<Record<string, unknown>> | null;
    if (built === null) return expect.soft(built, "data/build/ is not built: run npm run data").toBeNull();
    expect(built.find((r) => r.what === "documents/029/published_date")).toMatchObject({ id: "c001", new_value: "2022-11-27", doc_ids: ["029"] });
    const directives = JSON.parse(await readFile(resolve("data/build/directives.json"), "utf8")) as DirectiveRecord[];
    expect(directives.filter((d) => d.date === "2025-04-12")).toEqual([]);
    expect(findLatestDirectives(directives)?.date).not.toBe("2025-04-12");
  });
});
