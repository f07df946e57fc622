/**
 * The genre of every corpus report against the `genre` a careful reader gave it (../shared/corpus/labels/): each
 * report is run through decode → clean → parse as `npm run eval` does, with no sidecar.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { documentIdFor } from "../../src/pipeline/documentId.ts";
import { analyzeReport } from "../../src/pipeline/run.ts";
import { getReference } from "../support/pipeline.ts";

const corpus = resolve(process.cwd(), "../shared/corpus");
const present = existsSync(resolve(corpus, "labels"));
if (!present) console.warn(`skipping the corpus genre comparison: ${corpus}/labels is absent (the team's shared corpus)`);

async function genres(): Promise<Array<{ id: string; expected: string; found: string | null }>> {
  const reference = await getReference();
  const files = readdirSync(resolve(corpus, "reports")).filter((f) => /^\d{3}\.(txt|html|md)$/.test(f)).sort();
  return files.map((file) => {
    const id = file.slice(0, 3);
    const expected = (JSON.parse(readFileSync(resolve(corpus, "labels", `${id}.json`), "utf8")) as { genre: string }).genre;
    const path = `data/raw/reports/${file}`;
    const bytes = new Uint8Array(readFileSync(resolve(corpus, "reports", file)));
    const { doc } = analyzeReport({ path, bytes }, documentIdFor(path), reference, { today: "2026-11-26" });
    return { id, expected, found: doc?.genre ?? null };
  });
}

describe.skipIf(!present)("genre of the corpus reports", () => {
  const results = present ? genres() : Promise.resolve([]);

  it("agrees with the labels on at least 90% of the reports, and lists the others", async () => {
    const all = await results;
    const wrong = all.filter((r) => r.found !== r.expected).map((r) => `${r.id}: expected ${r.expected}, found ${r.found}`);
    expect(all.length).toBeGreaterThanOrEqual(35);
    expect((all.length - wrong.length) / all.length).toBeGreaterThanOrEqual(0.9);
    // Today every report is right; a change to genres.csv that loses one shows here.
    expect(wrong).toEqual([]);
  });

  it("decides every genre the labels use", async () => {
    const expected = [...new Set((await results).map((r) => r.expected))].sort();
    const found = [...new Set((await results).map((r) => r.found))].sort();
    expect(found).toEqual(expected);
  });
});
