import { describe, expect, it } from "vitest";
import { CASE_FIELDS, extractCases } from "../../../src/pipeline/extract/cases.ts";
import { caseSchema } from "../../../src/pipeline/validate/caseSchema.ts";
import { parseCount } from "../../../src/pipeline/extract/chineseNumerals.ts";
import { findDistricts } from "../../../src/pipeline/parse/districts.ts";
import { getReference } from "../../support/pipeline.ts";
import { analyzeDevDoc, hasCorpus, listDevDocs } from "../../../scripts/evalCases.ts";

if (!hasCorpus) console.log("cases.property.test: ../shared/corpus is absent; skipped");

/** The number of case ids a per-case entry lists (`确诊病例2、3：` → 2, `确诊病例1至18：` → 18), or null when the span is none. */
function perCaseIds(text: string): number | null {
  const m = /^\s*(?:确诊病例|无症状感染者|感染者|病例)\s*(\d+(?:\s*(?:、|，|,|至|-|和|及)\s*\d+)*)\s*[:：]/.exec(text);
  if (!m) return null;
  let n = 0;
  for (const part of m[1]!.split(/\s*(?:、|，|,|和|及)\s*/)) {
    const range = /^(\d+)\s*(?:至|-)\s*(\d+)$/.exec(part);
    n += range ? Number(range[2]) - Number(range[1]) + 1 : 1;
  }
  return n;
}

describe.skipIf(!hasCorpus)("extractCases rows on every corpus document", () => {
  it("have a valid schema, and a span whose text is the source of every value", async () => {
    const reference = await getReference();
    let checked = 0;
    for (const dev of listDevDocs()) {
      const doc = analyzeDevDoc(dev, reference);
      const mentions = findDistricts(doc.text, reference.gazetteer).mentions;
      const first = extractCases(doc, reference, mentions);
      expect(extractCases(doc, reference, mentions)).toEqual(first); // deterministic
      for (const row of first.rows) {
        caseSchema.parse(row);
        expect(row.doc_id).toBe(doc.id);
        const text = doc.text.slice(...row.span);
        const numbers = [...text.matchAll(/\d[\d,]*|[零〇一二两三四五六七八九十百千万]+/g)].map((m) => parseCount(m[0]));
        const stated = CASE_FIELDS.filter((f) => row[f] !== null && row[f] !== 0 && numbers.includes(row[f]));
        for (const field of CASE_FIELDS) {
          const v = row[field];
          if (v === null) continue;
          checked++;
          const ids = perCaseIds(text);
          // A per-case entry (`确诊病例2、3：现住海淀区`) counts the ids it lists; its other field may be a zero that
          // a complete district list implies.
          if (ids !== null) expect(v === ids || (v === 0 && CASE_FIELDS.some((f) => row[f] === ids)), `${row.id} ${field}=${v} in ${JSON.stringify(text)}`).toBe(true);
          // A zero is a statement (无新增, 为零) or the other field of a list entry whose own count the span states
          // (`朝阳区6例（均为无症状感染者）` → confirmed 0; a complete list leaves a district out of one field).
          else if (v === 0) expect(/无|没有|未|零/.test(text) || numbers.includes(0) || stated.length > 0, `${row.id} ${field}=0 in ${JSON.stringify(text)}`).toBe(true);
          else expect(numbers.includes(v), `${row.id} ${field}=${v} in ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(250);
  });
});
