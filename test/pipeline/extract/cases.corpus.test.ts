import { describe, expect, it } from "vitest";
import { extractCases } from "../../../src/pipeline/extract/cases.ts";
import { analyzeFile, getReference } from "../../support/pipeline.ts";
import { hasCorpus, keyOf, listDevDocs, predictedKeys, withPublished } from "../../../scripts/evalCases.ts";

if (!hasCorpus) console.log("cases.corpus.test: ../shared/corpus is absent; corpus scoring skipped");

describe.skipIf(!hasCorpus)("extractCases on the development set (report labels + bulletins)", () => {
  it("reaches precision and recall of at least 0.95 per field value (date, district, value)", async () => {
    const { gazetteer } = await getReference();
    let tp = 0;
    let predicted = 0;
    let expectedCount = 0;
    const misses: string[] = [];
    const extras: string[] = [];
    for (const dev of listDevDocs()) {
      const doc = withPublished(await analyzeFile(dev.file, dev.path), dev.published);
      const { rows } = extractCases(doc, { gazetteer, categories: [] });
      const got = predictedKeys(rows, dev);
      const want = new Set(dev.expected.map(keyOf));
      predicted += got.size;
      expectedCount += want.size;
      for (const k of want) if (got.has(k)) tp++; else misses.push(`${doc.id} missing ${k}`);
      for (const k of got) if (!want.has(k)) extras.push(`${doc.id} extra ${k}`);
    }
    const precision = tp / predicted;
    const recall = tp / expectedCount;
    const f1 = (2 * precision * recall) / (precision + recall);
    console.log(`cases: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)} (${tp} of ${expectedCount} expected, ${predicted} extracted)`);
    console.log([...misses, ...extras].join("\n"));
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
