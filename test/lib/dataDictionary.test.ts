import { describe, expect, it } from "vitest";
import { buildDataDictionary } from "../../src/lib/dataDictionary.ts";

describe("buildDataDictionary(resources)", () => {
  it("joins a CSV resource and its JSON twin and keeps each file's type", () => {
    const entries = buildDataDictionary([
      {
        name: "measures", path: "measures.csv", title: "措施 Measures", description: "Per date.", format: "csv",
        schema: { fields: [
          { name: "id", type: "string", title: "编号", description: "Stable id" },
          { name: "directive_ids", type: "string", title: "指示编号", description: "Ids (JSON text in CSV)" },
        ] },
      },
      {
        name: "measures-json", path: "measures.json", title: "措施 Measures (JSON)", description: "Per date.", format: "json",
        schema: { fields: [
          { name: "id", type: "string", title: "编号", description: "Stable id" },
          { name: "directive_ids", type: "array", title: "指示编号", description: "Ids" },
        ] },
      },
      { name: "build-report", path: "build-report.json", title: "构建报告 Build report", format: "json" },
    ]);
    expect(entries).toEqual([
      {
        name: "measures", title: "措施 Measures", description: "Per date.",
        files: [{ format: "csv", path: "measures.csv" }, { format: "json", path: "measures.json" }],
        fields: [
          { name: "id", title: "编号", description: "Stable id", csvType: "string", jsonType: "string" },
          { name: "directive_ids", title: "指示编号", description: "Ids", csvType: "string", jsonType: "array" },
        ],
      },
      { name: "build-report", title: "构建报告 Build report", description: "", files: [{ format: "json", path: "build-report.json" }], fields: [] },
    ]);
  });
});
