import { describe, expect, it } from "vitest";
import { emitDataPackage, tableFields } from "../../../src/pipeline/emit/datapackage.ts";
import { buildReportSchema, documentSchema } from "../../../src/pipeline/validate/schemas.ts";

describe("tableFields(schema, form)", () => {
  const csv = tableFields(documentSchema, "csv");
  const byName = new Map(csv.map((f) => [f.name, f]));

  it("describes every column of the documents table, in order", () => {
    expect(csv.map((f) => f.name)).toEqual(Object.keys(documentSchema.shape));
  });

  it("types dates, integers, lists and enums", () => {
    expect(byName.get("published_date")).toMatchObject({ type: "date", title: "发布日期" });
    expect(byName.get("published_date")?.constraints?.required).toBeUndefined();
    expect(byName.get("title")).toMatchObject({ type: "string", constraints: { required: true } });
    expect(byName.get("paragraphs")?.type).toBe("integer");
    expect(byName.get("districts")?.description).toContain('separated by "; "');
    expect(byName.get("encoding")?.constraints?.enum).toContain("gb18030");
  });

  it("keeps lists as arrays in the JSON form", () => {
    expect(tableFields(documentSchema, "json").find((f) => f.name === "districts")?.type).toBe("array");
  });

  it("types the provenance record as an object in JSON and as JSON text in CSV", () => {
    expect(tableFields(documentSchema, "json").find((f) => f.name === "provenance")).toMatchObject({ type: "object", title: "出处", constraints: { required: true } });
    const csvField = byName.get("provenance")!;
    expect(csvField).toMatchObject({ type: "string", title: "出处", constraints: { required: true } });
    expect(csvField.description).toMatch(/^Where each extracted field was read in the input file: .* \(JSON text in CSV\)$/);
    expect(csv.map((f) => f.name).indexOf("provenance")).toBe(csv.map((f) => f.name).indexOf("supplied") + 1);
  });

  it("gives every column a Chinese and an English label", () => {
    for (const field of csv) {
      expect(field.title, field.name).toMatch(/\p{Script=Han}/u);
      expect(field.description, field.name).toMatch(/[A-Za-z]/);
    }
  });
});

describe("emitDataPackage(resources)", () => {
  it("has no build date and marks CSV resources tabular", () => {
    const pkg = emitDataPackage([
      { name: "documents", path: "documents.csv", title: "t", description: "d", schema: documentSchema, primaryKey: "id" },
      { name: "build-report", path: "build-report.json", title: "t", description: "d", schema: buildReportSchema },
    ]);
    expect(JSON.stringify(pkg)).not.toMatch(/created|\d{4}-\d{2}-\d{2}T/);
    const resources = pkg.resources as Array<Record<string, unknown>>;
    expect(resources[0]).toMatchObject({ profile: "tabular-data-resource", format: "csv" });
    expect(resources[1]).toMatchObject({ format: "json" });
  });
});
