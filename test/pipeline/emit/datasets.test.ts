import { describe, expect, it } from "vitest";
import { emitDatasetFiles, emitDatasets } from "../../../src/pipeline/emit/datasets.ts";
import { loadShipped } from "../../support/pipeline.ts";
import { runPipeline } from "../../../src/pipeline/run.ts";
import { sha256Hex } from "../../../src/pipeline/documentId.ts";

describe("emitDatasetFiles(result)", () => {
  it("gives the files of emitDatasets, in path order, one at a time", async () => {
    const shipped = await loadShipped();
    const result = runPipeline(shipped.input, shipped.reference, { today: "2026-11-26" });
    const files = emitDatasetFiles(result);
    // A generator: nothing is made before the first file is asked for.
    expect(typeof files.next).toBe("function");
    const all = emitDatasets(result);
    // A report's text comes as a function making it, with the hash of the text as its version.
    const made = [...files].map((file) => {
      if (typeof file.content === "string") return file;
      expect(file.path.startsWith("text/")).toBe(true);
      const content = file.content();
      expect("version" in file && file.version).toBe(sha256Hex(content.slice(0, -1)));
      return { path: file.path, content };
    });
    expect(made).toEqual(all);
    expect(made.filter((f) => f.path.startsWith("text/"))).toHaveLength(result.documents.length);
    expect(all.map((f) => f.path)).toEqual([...all.map((f) => f.path)].sort());
    expect(all.map((f) => f.path)).toEqual(expect.arrayContaining(["documents.json", "datapackage.json", "build-report.json", "text/004.txt"]));
  }, 60_000);
});
