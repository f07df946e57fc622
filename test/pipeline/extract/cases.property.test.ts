import { describe, expect, it } from "vitest";
import { CASE_FIELDS, extractCases } from "../../../src/pipeline/extract/cases.ts";
import { caseSchema } from "../../../src/pipeline/validate/caseSchema.ts";
import { parseCount } from "../../../src/pipeline/extract/chineseNumerals.ts";
import { analyzeFile, getReference } from "../../support/pipeline.ts";
import { hasCorpus, listDevDocs, withPublished } from "../../../scripts/evalCases.ts";

if (!hasCorpus) console.log("cases.property.test: ../shared/corpus is absent; skipped");

describe.skipIf(!hasCorpus)("extractCases rows on every corpus document", () => {
  it("have a valid schema, and a span whose text states every non-zero value (digits or numeral) or rules cases out", async () => {
    const { gazetteer } = await getReference();
    let checked = 0;
    for (const dev of listDevDocs()) {
      const doc = withPublished(await analyzeFile(dev.file, dev.path), dev.published);
      const first = extractCases(doc, { gazetteer, categories: [] });
      expect(extractCases(doc, { gazetteer, categories: [] })).toEqual(first); // deterministic
      for (const row of first.rows) {
        caseSchema.parse(row);
        expect(row.doc_id).toBe(doc.id);
        const text = doc.text.slice(...row.span);
        const numbers = [...text.matchAll(/\d[\d,]*|[零〇一二两三四五六七八九十百千万]+/g)].map((m) => parseCount(m[0]));
        for (const field of CASE_FIELDS) {
          const v = row[field];
          if (v === null) continue;
          checked++;
          // A zero comes from 无新增/没有新增/为零, or from a complete district list (the district's own phrase).
          if (v === 0) expect(numbers.includes(0) || /无|没有|未|零|例/.test(text), `${row.id} ${field}=0 in ${JSON.stringify(text)}`).toBe(true);
          else expect(numbers.includes(v) || /[:：]/.test(text), `${row.id} ${field}=${v} in ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(250);
  });
});
