/**
 * Every extracted row of every dataset points at its source: for rows read from a report, the text
 * of the document at the row's span is where the value came from; for rows read from a CSV file,
 * the line it names holds the value. Run on the data the build ships (data/raw/), through the whole
 * pipeline.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvInputs, readInputs } from "../../../src/build/inputs.ts";
import Papa from "papaparse";
import { parseCount } from "../../../src/pipeline/extract/chineseNumerals.ts";
import { normalizeAreaName } from "../../../src/pipeline/extract/riskAreaMerge.ts";
import { runPipeline, type RunResult } from "../../../src/pipeline/run.ts";
import { getReference } from "../../support/pipeline.ts";

type Row = Record<string, unknown>;
type Span = [number, number];

async function buildShippedData(): Promise<RunResult> {
  const root = process.cwd();
  const reports = await readInputs(root, resolve(root, "data/raw/reports"));
  const cases = await readCsvInputs(root, resolve(root, "data/raw/cases"));
  const riskAreas = await readCsvInputs(root, resolve(root, "data/raw/risk-areas"));
  return runPipeline({ ...reports, caseCsv: cases.files, riskAreaCsv: riskAreas.files }, await getReference(), { today: "2026-11-26" });
}

const result = buildShippedData();

/** The text of document `docId` at `span`. */
async function textAt(docId: string, span: Span): Promise<string> {
  const doc = (await result).documents.find((d) => d.row.id === docId)?.doc;
  expect(doc, `document ${docId}`).toBeDefined();
  expect(span[0]).toBeGreaterThanOrEqual(0);
  expect(span[1]).toBeGreaterThan(span[0]);
  expect(span[1]).toBeLessThanOrEqual(doc!.text.length);
  return doc!.text.slice(...span);
}

/** Whether the text states `value`: as digits, as a Chinese numeral, or (for 0) as a word that rules cases out. */
function states(text: string, value: number): boolean {
  if (new RegExp(`(?<!\\d)${value}(?!\\d)`).test(text)) return true;
  for (const m of text.matchAll(/[零〇一二两三四五六七八九十百千万]+/g)) if (parseCount(m[0]) === value) return true;
  return value === 0 && /无|没有|均无|零|未/.test(text);
}

describe("provenance of every extracted row", () => {
  it("directives: the span is the directive sentence", async () => {
    const rows = (await result).datasets.directives as Row[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(await textAt(row.doc_id as string, row.span as Span), row.id as string).toBe(row.text);
  });

  it("people and person mentions: each span is the name", async () => {
    const { datasets } = await result;
    for (const row of datasets.person_mentions as Row[]) expect(await textAt(row.doc_id as string, row.span as Span)).toBe(row.name);
    for (const person of datasets.people as Row[]) {
      for (const source of person.sources as Array<{ doc_id: string; span: Span }>) expect(await textAt(source.doc_id, source.span)).toBe(person.name);
    }
  });

  it("places: the span is the place's name", async () => {
    for (const row of (await result).datasets.places as Row[]) expect(await textAt(row.doc_id as string, row.span as Span), row.id as string).toBe(row.name);
  });

  it("risk areas: each report source's span names the area, each CSV source's line lists it", async () => {
    const csvLines = new Map<string, string[]>();
    const words = (await getReference()).placeWords;
    for (const row of (await result).datasets.risk_areas as Row[]) {
      for (const source of row.sources as Array<{ doc_id?: string; span?: Span; path?: string; line?: number }>) {
        if (source.doc_id !== undefined) {
          // The merged row keeps the area as first listed; each listing names it up to the light
          // normalisation the merge matches by (brackets, spaces, 街道办).
          const text = await textAt(source.doc_id, source.span!);
          expect(normalizeAreaName(text, words), `${row.id}: ${text}`).toBe(normalizeAreaName(row.area as string, words));
        } else {
          if (!csvLines.has(source.path!)) csvLines.set(source.path!, (await readFile(resolve(process.cwd(), source.path!), "utf8")).split("\n"));
          const cells = Papa.parse<string[]>(csvLines.get(source.path!)![source.line! - 1]!).data[0]!;
          expect(normalizeAreaName(cells[3]!, words), `${source.path}:${source.line}`).toBe(normalizeAreaName(row.area as string, words));
        }
      }
    }
  });

  it("cases: the span states every count of the row", async () => {
    for (const row of (await result).datasets.cases as Row[]) {
      const text = await textAt(row.doc_id as string, row.span as Span);
      for (const field of ["confirmed", "asymptomatic", "infections"]) {
        const value = row[field];
        // A count the text gives per case (确诊病例1、2、3：现住顺义区) or by omission from a complete list is
        // not written as a number in the span: those rows carry the phrase that implies them.
        if (typeof value === "number" && !/：|:|各/.test(text)) expect(states(text, value), `${row.id} ${field}=${value} in "${text}"`).toBe(true);
      }
    }
  });

  it("case tables: each row's line holds its counts", async () => {
    const lines = new Map<string, string[]>();
    for (const row of (await result).datasets.case_csv as Row[]) {
      const path = row.source_path as string;
      if (!lines.has(path)) lines.set(path, (await readFile(resolve(process.cwd(), path), "utf8")).split("\n"));
      const cells = lines.get(path)![(row.source_line as number) - 1]!.split(",");
      for (const field of ["confirmed", "asymptomatic", "infections"]) {
        if (typeof row[field] === "number") expect(cells, `${path}:${row.source_line}`).toContain(String(row[field]));
      }
    }
  });

  it("measures: every directive id counted exists, with the measure's date, district and category", async () => {
    const { datasets } = await result;
    const directives = new Map((datasets.directives as Row[]).map((d) => [d.id as string, d]));
    for (const measure of datasets.measures as Row[]) {
      const ids = measure.directive_ids as string[];
      expect(ids.length).toBe(measure.directives);
      for (const id of ids) {
        const directive = directives.get(id);
        expect(directive, id).toBeDefined();
        expect(directive!.date).toBe(measure.date);
        expect(directive!.district).toBe(measure.district);
        expect(directive!.categories as string[]).toContain(measure.category);
      }
    }
  });
});
