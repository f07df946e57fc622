/**
 * The datasets as the site reads them: the shipped data run through the pipeline and emitted into a temporary
 * folder, then read back the way the pages read them.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSiteDataset, SITE_DATASETS, type SiteDatasetName } from "../../src/build/datasetFiles.ts";
import { writeFolderAtomically } from "../../src/build/write.ts";
import { emitDatasets } from "../../src/pipeline/emit/datasets.ts";
import { runPipeline, type RunResult } from "../../src/pipeline/run.ts";
import { loadShipped } from "../support/pipeline.ts";

let dir: string;
let result: RunResult;

beforeAll(async () => {
  const shipped = await loadShipped();
  result = runPipeline(shipped.input, shipped.reference, { today: "2026-11-26" });
  dir = join(await mkdtemp(join(tmpdir(), "tongbao-datasets-")), "build");
  await writeFolderAtomically(dir, emitDatasets(result));
}, 120_000);

afterAll(async () => {
  if (dir !== undefined) await rm(join(dir, ".."), { recursive: true, force: true });
});

describe("readSiteDataset(dir, name)", () => {
  it("gives every row of every dataset the pages read, in the emitted file's order, as emitted", async () => {
    for (const name of Object.keys(SITE_DATASETS) as SiteDatasetName[]) {
      const rows = readSiteDataset(dir, name);
      const json = JSON.parse(await readFile(join(dir, SITE_DATASETS[name].file), "utf8")) as Record<string, unknown>;
      const emitted = (name === "resources" ? json.resources : name === "build_report" ? json.files : json) as Array<Record<string, unknown>>;
      // A resource's fields keep only what the data dictionary reads (name, type, title, description).
      if (name === "resources") expect(readSiteDataset(dir, "resources").map((r) => [r.name, r.path]), name).toEqual(emitted.map((r) => [r.name, r.path]));
      else expect(rows, name).toStrictEqual(emitted);
    }
    expect(readSiteDataset(dir, "documents").map((row) => row.id)).toEqual(result.documents.map((d) => d.row.id));
    expect(readSiteDataset(dir, "risk_areas")).toHaveLength(result.datasets.risk_areas.length);
  });

  // Read through Astro's content layer, they came back sorted by key: the charts' lanes and the weekly briefings'
  // categories were then in alphabetical order of their keys, not the editors'.
  it("keeps the measure categories in the order of measure-categories.csv, and the data package's resources in its order", async () => {
    const csv = await readFile("data/reference/measure-categories.csv", "utf8");
    const keys = csv.trim().split("\n").slice(1).map((line) => line.split(",")[0]);
    expect(readSiteDataset(dir, "measure_categories").map((c) => c.key)).toEqual(keys);
    expect(readSiteDataset(dir, "resources").map((r) => r.name).slice(0, 3)).toEqual(["documents", "documents-json", "districts"]);
  });

  it("names the file and says what to do when a dataset is missing or is not an array", async () => {
    expect(() => readSiteDataset(join(dir, "nowhere"), "people")).toThrow(/nowhere\/people\.json: cannot read the people dataset: the file is missing; run `npm run data`/);
    const bad = await mkdtemp(join(tmpdir(), "tongbao-bad-"));
    try {
      await writeFile(join(bad, "cases.json"), '{"rows": []}');
      expect(() => readSiteDataset(bad, "cases")).toThrow(/cases\.json: expected an array of cases rows, found \{"rows":\[\]\}; run `npm run data`/);
      await writeFile(join(bad, "places.json"), "[1,");
      expect(() => readSiteDataset(bad, "places")).toThrow(/places\.json: cannot read the places dataset: .*JSON/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it("names the row, the field and what was found when a row is not what this code writes", async () => {
    const bad = await mkdtemp(join(tmpdir(), "tongbao-bad-"));
    try {
      const rows = JSON.parse(await readFile(join(dir, "directives.json"), "utf8")) as Array<Record<string, unknown>>;
      rows[2] = { ...rows[2], date: "2022-13-01" };
      await writeFile(join(bad, "directives.json"), JSON.stringify(rows));
      expect(() => readSiteDataset(bad, "directives")).toThrow(/directives\.json: directives row 3 is not valid: expected date to be .*, found "2022-13-01"; run `npm run data`/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
