import { describe, expect, it } from "vitest";
import { emitDatasetFiles, emitDatasets } from "../../../src/pipeline/emit/datasets.ts";
import { loadShipped } from "../../support/pipeline.ts";
import { runPipeline } from "../../../src/pipeline/run.ts";

describe("emitDatasetFiles(result)", () => {
  it("gives the files of emitDatasets, in path order, one at a time", async () => {
    const shipped = await loadShipped();
    const result = runPipeline(shipped.input, shipped.reference, { today: "2026-11-26" });
    const files = emitDatasetFiles(result);
    // A generator: nothing is made before the first file is asked for.
    expect(typeof files.next).toBe("function");
    const all = emitDatasets(result);
    expect([...files]).toEqual(all);
    expect(all.map((f) => f.path)).toEqual([...all.map((f) => f.path)].sort());
    expect(all.map((f) => f.path)).toEqual(expect.arrayContaining(["documents.json", "datapackage.json", "build-report.json", "text/004.txt"]));
  }, 60_000);
});
