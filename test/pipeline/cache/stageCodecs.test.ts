/**
 * The cached stages' values as JSON (src/pipeline/cache/stageCodecs.ts): real documents of the sample reports come
 * back from their stored text equal, offset map included; a stored document that does not fit is refused; an analysis
 * keeps its document in an entry of its own, read when asked for.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../../src/build/inputs.ts";
import { analysisCodec, decodeDoc, DOCUMENT_STAGE, encodeDoc, extractionCodec, getDocHash, holdDocument, type Analysis } from "../../../src/pipeline/cache/stageCodecs.ts";
import { documentIdFor, sha256Hex } from "../../../src/pipeline/documentId.ts";
import { extractDocument } from "../../../src/pipeline/extract/datasets.ts";
import type { ParsedDoc } from "../../../src/pipeline/records.ts";
import { analyzeReport, runPipeline } from "../../../src/pipeline/run.ts";
import { validateDocument } from "../../../src/pipeline/validate/document.ts";
import { memoryStore } from "../../support/memoryCacheStore.ts";
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

describe("analysisCodec(store, documentKey, recompute)", () => {
  const documentKey = (hash: string) => hash;
  const analyze = async (path: string) => {
    const bytes = path.endsWith("empty.txt") ? new Uint8Array() : new Uint8Array(await readFile(resolve(process.cwd(), path)));
    return analyzeReport({ path, bytes }, documentIdFor(path), await getReference(), { today: "2026-11-26" });
  };
  /** `analysis` stored in `store` through JSON text and decoded; `recompute` counts its calls. */
  function storeAndDecode(analysis: Analysis, store = memoryStore()) {
    const recomputed = { calls: 0 };
    const codec = analysisCodec(store, documentKey, () => {
      recomputed.calls += 1;
      return analysis.document?.load() ?? null;
    });
    const stored = throughText(codec.encode(analysis));
    return { store, stored, recomputed, back: codec.decode(stored) };
  }
  const facts = (a: Analysis) => ({ issues: a.issues, row: a.row, document: a.document && { textHash: a.document.textHash, published_date: a.document.published_date } });

  it("stores the document as an entry of its own, named by the hash that keys its extraction, and reads it when asked", async () => {
    const rejected = await analyze("data/raw/reports/005.txt");
    expect(rejected.doc).not.toBeNull();
    expect(rejected.issues.some((i) => i.severity === "error")).toBe(true);
    const analysis: Analysis = { document: holdDocument(rejected.doc!), issues: rejected.issues };
    const { store, back, recomputed } = storeAndDecode(analysis);
    const hash = getDocHash(rejected.doc!);
    expect([...store.entries.keys()]).toEqual([`${DOCUMENT_STAGE}/${hash}`]);
    expect(back.document?.docHash).toBe(hash);
    expect(facts(back)).toStrictEqual(facts(analysis));
    expect(back.document?.published_date).toBe(rejected.doc!.published_date);
    expect(back.document?.load()).toStrictEqual(rejected.doc);
    // Read once, then the same object.
    expect(back.document?.load()).toBe(back.document?.load());
    expect(recomputed.calls).toBe(0);
  });

  it("gives back a published report's analysis with its document's row, which the run then does not check again", async () => {
    const analysis = await analyze("data/raw/reports/004.txt");
    const row = validateDocument(analysis.doc!).value!;
    expect(row.id).toBe("004");
    const { back } = storeAndDecode({ document: holdDocument(analysis.doc!), issues: analysis.issues, row });
    expect(back.row).toStrictEqual(row);
    expect(back.document?.textHash).toBe(sha256Hex(analysis.doc!.text));
  });

  it("gives back the analysis of a report that did not decode", async () => {
    const empty = await analyze("data/raw/reports/empty.txt");
    expect(empty.doc).toBeNull();
    const { back, store } = storeAndDecode({ document: null, issues: empty.issues });
    expect(back).toStrictEqual({ document: null, issues: empty.issues });
    expect(store.entries.size).toBe(0);
  });

  it("refuses an analysis whose document entry is gone, so that the run analyses the report again", async () => {
    const analysis = await analyze("data/raw/reports/004.txt");
    const { store, stored } = storeAndDecode({ document: holdDocument(analysis.doc!), issues: analysis.issues });
    store.entries.clear();
    expect(() => analysisCodec(store, documentKey, () => null).decode(stored)).toThrow(/names a document the cache does not have/);
  });

  it.each([
    ["edited", (text: string) => text.replace("text", "txet")],
    ["cut short", (text: string) => text.slice(0, 100)],
  ])("analyses the report again for a document entry that was %s", async (_name, edit) => {
    const analysis = await analyze("data/raw/reports/004.txt");
    const { store, back, recomputed } = storeAndDecode({ document: holdDocument(analysis.doc!), issues: analysis.issues });
    const [key, text] = [...store.entries][0]!;
    store.entries.set(key, edit(text));
    expect(back.document?.load()).toStrictEqual(analysis.doc);
    expect(recomputed.calls).toBe(1);
  });

  it.each([
    ["null", null],
    ["no issues", { document: null }],
    ["no document", { issues: [] }],
    ["a document without its hash", { document: { textHash: "x", published_date: null }, issues: [] }],
  ])("refuses %s", (_name, stored) => {
    expect(() => analysisCodec(memoryStore(), documentKey, () => null).decode(stored)).toThrow();
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
