/**
 * Hostile input: CSV tables with wrong columns, stray quotes, a BOM, negative and non-numeric counts,
 * and a table that is not UTF-8, read from a folder by `readCsvInputs` like `npm run data` reads them.
 * Bad rows are left out with their line; the good rows of the same file and the other inputs stay.
 */
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readCsvInputs } from "../../src/build/inputs.ts";
import { DISTRICTS_HEADER } from "../../src/pipeline/extract/caseCsv.ts";
import { RISK_AREA_CSV_HEADER } from "../../src/pipeline/extract/riskAreaCsv.ts";
import { formatIssue } from "../../src/pipeline/issues.ts";
import type { CsvInput } from "../../src/pipeline/extract/datasets.ts";
import { run } from "../support/pipeline.ts";
import { expectGoodUnchanged, fatesOf, GOOD, GOOD_PATHS, rowsOf } from "./fixtures.ts";

const HEADER = DISTRICTS_HEADER.join(",");
const row = (date: string, district: string, confirmed: string): string =>
  [date, district, "", confirmed, "0", "", "", "", "case_list_count", "complete", "bulletin_day", "src", ""].join(",");
const GOOD_CSV = [HEADER, row("2022-04-17", "丰台区", "1"), row("2022-04-17", "海淀区", "2")].join("\n") + "\n";
const GOOD_RISK = `${RISK_AREA_CSV_HEADER.join(",")}\n朝阳区,,建外街道,光华里,中风险,2022-05-01,2022-05-03,2,page_publish_date,notice_text_parse,src,last\n`;

/** Write `files` (name → text or bytes) into a temporary data/raw/cases/ and read it as the build does. */
async function readCases(files: Record<string, string | Uint8Array>): Promise<Awaited<ReturnType<typeof readCsvInputs>>> {
  const root = await mkdtemp(join(tmpdir(), "tongbao-csv-"));
  const dir = join(root, "data/raw/cases");
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return readCsvInputs(root, dir);
}

/** Run the good reports with these case tables (and the good risk-area table). */
async function runWith(cases: Awaited<ReturnType<typeof readCsvInputs>>) {
  const riskAreaCsv: CsvInput[] = [{ path: "data/raw/risk-areas/good.csv", text: GOOD_RISK }];
  const result = await run([...GOOD], { caseCsv: cases.files, riskAreaCsv });
  return result;
}

async function runAlone() {
  return runWith(await readCases({ "good.csv": GOOD_CSV }));
}

describe("hostile CSV tables", () => {
  it("reads a table with a BOM and CRLF lines like one without", async () => {
    const cases = await readCases({ "good.csv": GOOD_CSV, "bom.csv": `\ufeff${GOOD_CSV.replace(/\n/g, "\r\n").replaceAll("2022-04-17", "2022-04-18")}` });
    const result = await runWith(cases);
    expect(result.issues).toEqual([]);
    expect(result.datasets.case_csv.filter((r) => r.source_path === "data/raw/cases/bom.csv").map((r) => [r.source_line, r.date, r.district, r.confirmed])).toEqual([
      [2, "2022-04-18", "丰台区", 1],
      [3, "2022-04-18", "海淀区", 2],
    ]);
  });

  it("rejects a table with wrong columns and one that is not UTF-8; keeps the good table and the reports", async () => {
    const cases = await readCases({
      "good.csv": GOOD_CSV,
      "columns.csv": "日期,区,确诊\n2022-04-17,丰台区,1\n",
      "gbk.csv": iconv.encode(GOOD_CSV, "gbk"),
      "notes.txt": "not a table",
    });
    const result = await runWith({ files: cases.files, unreadable: [] });
    const paths = ["data/raw/cases/columns.csv", "data/raw/cases/good.csv", "data/raw/risk-areas/good.csv"];
    const fates = fatesOf(result, [...GOOD_PATHS, ...paths]);
    expect(fates["data/raw/cases/columns.csv"]).toBe("rejected");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/cases/columns.csv:1: case CSV header is none of the known layouts: expected "date,district,district_raw,new_confirmed,new_asymptomatic,cumulative_confirmed,cumulative_cured,cumulative_dead,method,coverage,date_basis,source,source_url", "date,local_confirmed_new,local_asymptomatic_new,imported_confirmed_new,imported_asymptomatic_new,local_positive_new,confirmed_new,asymptomatic_new,cured_new,district_sum_confirmed,district_sum_asymptomatic,cumulative_confirmed,cumulative_cured,cumulative_dead,method,date_basis,note,source,source_url" or "as_of,district,district_raw,cumulative_confirmed,source,source_url", found "日期,区,确诊"",
      ]
    `);
    // The reader lists what it could not read, for the build report.
    expect(cases.unreadable.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/cases/gbk.csv: the file cannot be read: expected UTF-8 CSV text, found bytes that are not UTF-8",
        "data/raw/cases/notes.txt: the file is not a CSV file: expected a .csv file in data/raw/cases/, found "notes.txt"",
      ]
    `);
    const alone = await runAlone();
    expect(rowsOf(result, [], ["data/raw/cases/good.csv", "data/raw/risk-areas/good.csv"])).toEqual(rowsOf(alone, [], ["data/raw/cases/good.csv", "data/raw/risk-areas/good.csv"]));
    await expectGoodUnchanged(result);
  });

  it("rejects a table with a header alone, and an empty one, saying so; keeps the good table and the reports", async () => {
    const cases = await readCases({ "good.csv": GOOD_CSV, "header.csv": `${HEADER}\n`, "empty.csv": "" });
    const riskAreaCsv: CsvInput[] = [
      { path: "data/raw/risk-areas/good.csv", text: GOOD_RISK },
      { path: "data/raw/risk-areas/header.csv", text: `${RISK_AREA_CSV_HEADER.join(",")}\r\n` },
    ];
    const result = await run([...GOOD], { caseCsv: cases.files, riskAreaCsv });
    const paths = ["data/raw/cases/empty.csv", "data/raw/cases/good.csv", "data/raw/cases/header.csv", "data/raw/risk-areas/good.csv", "data/raw/risk-areas/header.csv"];
    const fates = fatesOf(result, [...GOOD_PATHS, ...paths]);
    expect([fates["data/raw/cases/header.csv"], fates["data/raw/cases/empty.csv"], fates["data/raw/risk-areas/header.csv"]]).toEqual(["rejected", "rejected", "rejected"]);
    // Every rejected table says why, in the build report.
    for (const file of result.report.files.filter((f) => f.status === "rejected")) expect(file.issues.length, file.path).toBeGreaterThan(0);
    expect(result.issues.filter((i) => i.path.endsWith("header.csv") || i.path.endsWith("empty.csv")).map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/cases/empty.csv:1: case CSV header is none of the known layouts: expected "date,district,district_raw,new_confirmed,new_asymptomatic,cumulative_confirmed,cumulative_cured,cumulative_dead,method,coverage,date_basis,source,source_url", "date,local_confirmed_new,local_asymptomatic_new,imported_confirmed_new,imported_asymptomatic_new,local_positive_new,confirmed_new,asymptomatic_new,cured_new,district_sum_confirmed,district_sum_asymptomatic,cumulative_confirmed,cumulative_cured,cumulative_dead,method,date_basis,note,source,source_url" or "as_of,district,district_raw,cumulative_confirmed,source,source_url", found """,
        "data/raw/cases/header.csv: table has no rows: expected a header and at least one row of data, found none
        hint: add the table's rows, or remove the file",
        "data/raw/risk-areas/header.csv: table has no rows: expected a header and at least one row of data, found none
        hint: add the table's rows, or remove the file",
      ]
    `);
    const alone = await runAlone();
    expect(rowsOf(result, [], ["data/raw/cases/good.csv", "data/raw/risk-areas/good.csv"])).toEqual(rowsOf(alone, [], ["data/raw/cases/good.csv", "data/raw/risk-areas/good.csv"]));
    await expectGoodUnchanged(result);
  });

  it("leaves out rows with stray quotes, negative and non-numeric counts at their line, and keeps the file's good rows", async () => {
    const text = [
      HEADER,
      row("2022-04-19", "朝阳区", "3"),
      row("2022-04-19", "丰台区", "-1"),
      row("2022-04-19", "海淀区", "二"),
      row("2022-04-19", "西城区", "1.5"),
      row("2022-04-19", "东城区", " 4"),
      `2022-04-19,"石景山区,,1,0,,,,case_list_count,complete,bulletin_day,src,`,
      row("2022-04-20", "朝阳区", "5"),
    ].join("\n");
    const cases = await readCases({ "good.csv": GOOD_CSV, "rows.csv": text });
    const result = await runWith(cases);
    expect(fatesOf(result, [...GOOD_PATHS, "data/raw/cases/good.csv", "data/raw/cases/rows.csv", "data/raw/risk-areas/good.csv"])["data/raw/cases/rows.csv"]).toBe("published");
    expect(result.datasets.case_csv.filter((r) => r.source_path === "data/raw/cases/rows.csv").map((r) => `${r.source_line} ${r.date} ${r.district} ${r.confirmed}`)).toMatchInlineSnapshot(`
      [
        "2 2022-04-19 朝阳区 3",
        "6 2022-04-19 东城区 4",
        "8 2022-04-20 朝阳区 5",
      ]
    `);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/cases/rows.csv:3: case count is negative: expected 0 or more in new_confirmed, found "-1"",
        "data/raw/cases/rows.csv:4: case count is not a whole number: expected digits in new_confirmed, found "二"",
        "data/raw/cases/rows.csv:5: case count is not a whole number: expected digits in new_confirmed, found "1.5"",
        "data/raw/cases/rows.csv:7: row has a malformed quote: expected "…" around a whole field, with "" for a quote inside, found "2022-04-19,\\"石景山区,,1,0,,,,case_list_count,complete,bulletin_d…"
        hint: close the quote, or double a quote that is part of the text",
      ]
    `);
    await expectGoodUnchanged(result);
  });

  it("leaves out a risk-area row with a quote in the middle of a field or too few columns, and reads the rows after it", async () => {
    const text = `${GOOD_RISK}朝阳区,,建外街道,"光华"里,中风险,2022-05-01,2022-05-03,2,page_publish_date,notice_text_parse,src,last\n朝阳区,,建外街道,光华里2号楼,中风险,2022-05-01,2022-05-03,2,page_publish_date,notice_text_parse,src,last\n朝阳区,,建外街道\n`;
    const result = await run([...GOOD], { riskAreaCsv: [{ path: "data/raw/risk-areas/q.csv", text }] });
    expect(result.datasets.risk_areas.flatMap((r) => (r.sources as Array<{ line?: number }>).map((s) => s.line))).toEqual([2, 4]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/risk-areas/q.csv:3: row has a malformed quote: expected "…" around a whole field, with "" for a quote inside, found "朝阳区,,建外街道,\\"光华\\"里,中风险,2022-05-01,2022-05-03,2,page_publish_dat…"
        hint: fix the source file or leave the row out with a row in data/reference/corrections.csv",
        "data/raw/risk-areas/q.csv:5: risk-area row has the wrong number of columns: expected 12, found 3 in "朝阳区,,建外街道"
        hint: fix the source file or leave the row out with a row in data/reference/corrections.csv",
      ]
    `);
    await expectGoodUnchanged(result);
  });
});
