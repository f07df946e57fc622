/**
 * The cached stages' values as JSON (src/pipeline/cache/stageCodecs.ts): real documents of the sample reports come
 * back from their stored text equal, offset map included; a stored document that does not fit is refused.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../../src/build/inputs.ts";
import { analysisCodec, decodeDoc, encodeDoc, extractionCodec, getDocHash } from "../../../src/pipeline/cache/stageCodecs.ts";
import { documentIdFor } from "../../../src/pipeline/documentId.ts";
import { extractDocument } from "../../../src/pipeline/extract/datasets.ts";
import type { ParsedDoc } from "../../../src/pipeline/records.ts";
import { analyzeReport, runPipeline } from "../../../src/pipeline/run.ts";
import { validateDocument } from "../../../src/pipeline/validate/document.ts";
import { makeDoc } from "../../support/parsedDoc.ts";
import { getReference } from "../../support/pipeline.ts";

/**
 * Sample reports of every kind the codec must carry: Traditional with pinyin removed and a sidecar (000), GB18030
 * HTML (003), Markdown with front matter (009), Big5 (020), and a garbled span repaired (026).
 */
const SAMPLES = ["000_76bc26fd7b02b4ab.txt", "003.html", "009.md", "020.txt", "026.txt"].map((name) => `data/raw/reports/${name}`);

async function sampleDocs(): Promise<ParsedDoc[]> {
  const root = process.cwd();
  const input = await readInputs(root, resolve(root, "data/raw/reports"));
  const reports = input.reports.filter((r) => SAMPLES.includes(r.path));
  expect(reports.map((r) => r.path).sort()).toEqual(SAMPLES);
  const result = runPipeline({ reports, orphanSidecars: [], unreadable: [], caseCsv: [], riskAreaCsv: [] }, await getReference(), { today: "2026-11-26" });
  return result.documents.map((d) => d.doc);
}

const docs = sampleDocs();

/** `value` as the file store keeps it: through JSON text and back. */
function throughText<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

describe("encodeDoc(doc) / decodeDoc(stored)", () => {
  it("gives back every sample document equal, through JSON text", async () => {
    const all = await docs;
    expect(all.map((d) => d.path)).toEqual(SAMPLES);
    for (const doc of all) {
      const back = decodeDoc(throughText(encodeDoc(doc)));
      expect(back, doc.path).toStrictEqual(doc);
      expect(back.toSource, doc.path).toBeInstanceOf(Int32Array);
      expect(back.toSource.length).toBe(doc.text.length + 1);
      expect(Array.from(back.toSource)).toEqual(Array.from(doc.toSource));
    }
  });

  it("keeps maps that are not the identity (text cleaned shorter than the original)", async () => {
    const doc = (await docs).find((d) => d.path.endsWith("000_76bc26fd7b02b4ab.txt"))!;
    expect(doc.pinyinRemoved).toBeGreaterThan(0);
    expect(doc.toSource.at(-1)).toBeGreaterThan(doc.text.length);
    expect(decodeDoc(throughText(encodeDoc(doc))).toSource.at(-1)).toBe(doc.toSource.at(-1));
  });

  it("stores the offset map as base64, not as a list of numbers", async () => {
    const doc = (await docs)[0]!;
    const stored = encodeDoc(doc);
    expect(typeof stored.toSource).toBe("string");
    expect(stored.toSource).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
    expect(Buffer.from(stored.toSource, "base64").length).toBe(4 * doc.toSource.length);
  });

  it("encodes only the view of a map that shares a larger buffer", () => {
    const buffer = new Int32Array([99, 0, 1, 2, 3, 98]);
    const doc = makeDoc("abc", { toSource: buffer.subarray(1, 5) });
    expect(Array.from(decodeDoc(throughText(encodeDoc(doc))).toSource)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ["a map one entry short", (doc: ParsedDoc) => ({ ...encodeDoc(doc), toSource: Buffer.from(doc.toSource.buffer, 0, 4 * doc.text.length).toString("base64") }), /does not fit/],
    ["a map of another text", (doc: ParsedDoc) => ({ ...encodeDoc(doc), text: `${doc.text}x` }), /does not fit/],
    ["a map whose bytes are not whole numbers", (doc: ParsedDoc) => ({ ...encodeDoc(doc), toSource: Buffer.from([1, 2, 3, 4, 5]).toString("base64") }), /./],
    ["a map that is an array", (doc: ParsedDoc) => ({ ...encodeDoc(doc), toSource: Array.from(doc.toSource) }), /no text or offset map/],
    ["no text", (doc: ParsedDoc) => ({ ...encodeDoc(doc), text: undefined }), /no text or offset map/],
    ["null", () => null, /no text or offset map/],
    ["a string", () => "doc", /no text or offset map/],
  ])("refuses %s", async (_name, make, error) => {
    const doc = (await docs)[1]!;
    expect(() => decodeDoc(throughText(make(doc)))).toThrow(error);
  });

  it("gives back any offset map that fits its text (property)", () => {
    fc.assert(
      fc.property(fc.int32Array({ minLength: 1, maxLength: 300 }), fc.nat({ max: 3 }), (values, offset) => {
        // Also as a view at an offset into a larger buffer, as a map cut out of another is.
        const buffer = new Int32Array(values.length + offset + 1);
        buffer.set(values, offset);
        const map = buffer.subarray(offset, offset + values.length);
        const doc = makeDoc("字".repeat(values.length - 1), { toSource: map });
        const back = decodeDoc(throughText(encodeDoc(doc))).toSource;
        expect(back).toBeInstanceOf(Int32Array);
        expect(back.length).toBe(values.length);
        expect(Array.from(back)).toEqual(Array.from(values));
      }),
    );
  });
});

describe("analysisCodec", () => {
  it("gives back the analysis of a rejected report (a document with errors), with the hash that keys its extraction", async () => {
    const path = "data/raw/reports/005.txt";
    const bytes = new Uint8Array(await readFile(resolve(process.cwd(), path)));
    const rejected = analyzeReport({ path, bytes }, documentIdFor(path), await getReference(), { today: "2026-11-26" });
    expect(rejected.doc).not.toBeNull();
    expect(rejected.issues.some((i) => i.severity === "error")).toBe(true);
    const { docHash, ...back } = analysisCodec.decode(throughText(analysisCodec.encode(rejected)));
    expect(back).toStrictEqual(rejected);
    // What a computed document's extraction is keyed by: the same key whether the analysis was stored or computed.
    expect(docHash).toBe(getDocHash(rejected.doc!));
    expect(getDocHash(back.doc!)).toBe(docHash);
  });

  it("gives back a published report's analysis with its document's row, which the run then does not check again", async () => {
    const path = "data/raw/reports/004.txt";
    const bytes = new Uint8Array(await readFile(resolve(process.cwd(), path)));
    const analysis = analyzeReport({ path, bytes }, documentIdFor(path), await getReference(), { today: "2026-11-26" });
    const row = validateDocument(analysis.doc!).value!;
    expect(row.id).toBe("004");
    const { docHash, ...back } = analysisCodec.decode(throughText(analysisCodec.encode({ ...analysis, row })));
    expect(back).toStrictEqual({ ...analysis, row });
    expect(docHash).toBe(getDocHash(analysis.doc!));
  });

  it("gives back the analysis of a report that did not decode", async () => {
    const empty = analyzeReport({ path: "data/raw/reports/empty.txt", bytes: new Uint8Array() }, "empty", await getReference(), { today: "2026-11-26" });
    expect(empty.doc).toBeNull();
    const { docHash, ...back } = analysisCodec.decode(throughText(analysisCodec.encode(empty)));
    expect(back).toStrictEqual(empty);
    expect(docHash).toBeUndefined();
  });

  it.each([
    ["null", null],
    ["no issues", { doc: null }],
    ["no doc", { issues: [] }],
    ["a doc that is not one", { doc: { text: "x" }, issues: [] }],
  ])("refuses %s", (_name, stored) => {
    expect(() => analysisCodec.decode(stored)).toThrow();
  });
});

describe("extractionCodec", () => {
  it("gives back each sample document's extraction equal, through JSON text", async () => {
    const reference = await getReference();
    for (const doc of await docs) {
      const extraction = extractDocument(doc, reference);
      expect(extractionCodec.decode(throughText(extractionCodec.encode(extraction))), doc.path).toStrictEqual(extraction);
    }
  });

  it.each([
    ["null", null],
    ["no directives", { issues: [] }],
    ["no issues", { directives: [] }],
  ])("refuses %s", (_name, stored) => {
    expect(() => extractionCodec.decode(stored)).toThrow(/incomplete/);
  });
});
