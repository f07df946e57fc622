import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateText, resolveMonthDay } from "../../../src/pipeline/parse/date.ts";
import { findEventDateInLine } from "../../../src/pipeline/parse/eventDate.ts";
import { findHeadlines } from "../../../src/pipeline/parse/headlines.ts";
import { findParagraphs, findSentences } from "../../../src/pipeline/parse/sentences.ts";
import { getReference } from "../../support/pipeline.ts";

const { outlets } = await getReference();

// Strings drawn from the characters reports are made of, so that dates and headlines do occur.
const reportText = fc.string({ unit: fc.constantFrom(..."0123456789年月日时至截昨天今前在于,。:\n -/北京标题强调——本报讯 "), maxLength: 80 });

describe("parse helpers on arbitrary strings", () => {
  it("never throw, and every date they return is a calendar day", () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const d = parseDateText(text);
        if (d?.iso) expect(d.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const e = findEventDateInLine(text, { date: "2022-03-01", kind: "published" });
        if (e) expect(Number.isNaN(Date.parse(e.iso))).toBe(false);
        const lines = text.split("\n").map((t, i) => ({ text: t, source: i, heading: false }));
        const h = findHeadlines(lines, { metadataAt: [], datelineAt: null, htmlTitle: null }, outlets);
        expect(h.bodyLine).toBeGreaterThanOrEqual(0);
        expect(h.bodyLine).toBeLessThanOrEqual(lines.length);
      }),
    );
  });

  it("sentences are non-empty, trimmed and inside their paragraph", () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const paragraphs = findParagraphs(text);
        for (const s of findSentences(text, paragraphs)) {
          const [ps, pe] = paragraphs[s.paragraph]!;
          expect(s.span[0]).toBeGreaterThanOrEqual(ps);
          expect(s.span[1]).toBeLessThanOrEqual(pe);
          const body = text.slice(...s.span);
          expect(body.length).toBeGreaterThan(0);
          expect(body.trim()).toBe(body);
        }
      }),
    );
  });

  it("a resolved month-day is on or before a publication date and within a month of it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.date({ min: new Date("2020-01-01"), max: new Date("2024-12-31"), noInvalidDate: true }), (m, d, ref) => {
        const reference = ref.toISOString().slice(0, 10);
        const iso = resolveMonthDay(m, d, reference, "before");
        if (iso !== null) {
          expect(iso <= reference).toBe(true);
          expect(Date.parse(reference) - Date.parse(iso)).toBeLessThanOrEqual(31 * 86_400_000);
        }
      }),
    );
  });
});
