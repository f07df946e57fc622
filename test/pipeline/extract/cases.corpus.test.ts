import { describe, expect, it } from "vitest";
import { extractCases } from "../../../src/pipeline/extract/cases.ts";
import { findDistricts } from "../../../src/pipeline/parse/districts.ts";
import { getReference } from "../../support/pipeline.ts";
import { analyzeDevDoc, describeValue, hasCorpus, listDevDocs, scoreCases } from "../../../scripts/evalCases.ts";
import { emptyScore, rates } from "../../../scripts/score.ts";

if (!hasCorpus) console.log("cases.corpus.test: ../shared/corpus is absent; corpus scoring skipped");

describe.skipIf(!hasCorpus)("extractCases on the development set (report labels + bulletins)", () => {
  it("reaches precision and recall of at least 0.95 with the scorer of npm run eval (one to one, every value counted)", async () => {
    const reference = await getReference();
    const score = emptyScore();
    const lines: string[] = [];
    for (const dev of listDevDocs()) {
      const doc = analyzeDevDoc(dev, reference);
      const { rows } = extractCases(doc, reference, findDistricts(doc.text, reference.gazetteer).mentions);
      const { misses, extras } = scoreCases(rows, dev, score);
      for (const e of misses) lines.push(`${doc.id} missing ${describeValue(e)}`);
      for (const p of extras) lines.push(`${doc.id} extra ${describeValue(p)}`);
    }
    const { precision, recall, f1 } = rates(score);
    console.log(`cases: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)} (${score.found} of ${score.expected} expected, ${score.truePositives} of ${score.predicted} extracted)\n${lines.join("\n")}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
