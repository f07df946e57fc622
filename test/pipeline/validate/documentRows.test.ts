/**
 * Rows checked when a document is extracted, so that a cached extraction is not checked again, and what the run's
 * check of every row does with rows it is told were checked.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument, type ExtractionResult } from "../../../src/pipeline/extract/datasets.ts";
import { DATASETS, validateDatasets } from "../../../src/pipeline/validate/datasets.ts";
import { getValidatedRows, validateExtractionRows } from "../../../src/pipeline/validate/documentRows.ts";
import { analyzeFile, getReference } from "../../support/pipeline.ts";

const schemaOf = (name: string) => DATASETS.find((s) => s.name === name)!.schema;

describe("validateExtractionRows(extraction)", () => {
  it("gives back 004's rows as their schemas give them, marked validated, and lists them all", async () => {
    const doc = await analyzeFile(resolve(process.cwd(), "data/raw/reports/004.txt"));
    const raw = extractDocument(doc, await getReference());
    expect(raw.directives.length).toBeGreaterThan(5);
    expect(raw.personMentions.length).toBeGreaterThan(0);
    const checked = validateExtractionRows(raw);
    expect(checked.validated).toBe(true);
    expect(checked.directives).toStrictEqual(raw.directives.map((row) => schemaOf("directives").parse(row)));
    expect(checked.personMentions).toStrictEqual(raw.personMentions.map((row) => schemaOf("person_mentions").parse(row)));
    expect(checked.places).toStrictEqual(raw.places.map((row) => schemaOf("places").parse(row)));
    expect(checked.cases).toStrictEqual(raw.cases.map((row) => schemaOf("cases").parse(row)));
    // Risk-area mentions are merged across documents before they become rows: they are not a dataset's rows here.
    expect(checked.riskAreaMentions).toBe(raw.riskAreaMentions);
    const rows = getValidatedRows(checked);
    expect(rows).toHaveLength(checked.directives.length + checked.personMentions.length + checked.places.length + checked.cases.length);
    expect(rows).toContain(checked.directives[0]);
  });

  it("leaves an extraction with a bad row as it is, unmarked, for the run's check to report at its place", async () => {
    const doc = await analyzeFile(resolve(process.cwd(), "data/raw/reports/004.txt"));
    const raw = extractDocument(doc, await getReference());
    const broken = { ...raw, directives: [{ ...raw.directives[0]!, span: "nowhere" } as never, ...raw.directives.slice(1)] };
    const back = validateExtractionRows(broken);
    expect(back).toBe(broken);
    expect(back.validated).toBeUndefined();
    expect(getValidatedRows(back)).toEqual([]);
  });
});

describe("validateDatasets(extraction, locate, checked)", () => {
  it("takes a checked row as it is and still checks the others", async () => {
    const doc = await analyzeFile(resolve(process.cwd(), "data/raw/reports/004.txt"));
    const one = validateExtractionRows(extractDocument(doc, await getReference()));
    const bad = { ...one.directives[1]!, span: "nowhere" } as never;
    const extraction = {
      districts: [],
      categories: [],
      directives: [one.directives[0]!, bad],
      measures: [],
      personMentions: [],
      people: [],
      places: [],
      riskAreas: [],
      cases: [],
      caseCsv: [],
      csvFiles: [],
      issues: [],
    } satisfies ExtractionResult;
    const { datasets, issues } = validateDatasets(extraction, () => ({ path: doc.path, line: 3, column: null }), new WeakSet(getValidatedRows(one)));
    expect(datasets.directives).toHaveLength(1);
    expect(datasets.directives[0]).toBe(one.directives[0]);
    expect(issues.map((i) => [i.code, i.path, i.line])).toEqual([["schema-invalid", doc.path, 3]]);
    expect(issues[0]!.message).toMatch(/^directives row 2 is not valid: expected span/);
  });
});
