/**
 * How the cached stages' values are stored as JSON (src/pipeline/cache/stageCache.ts): an analysis without its parsed
 * document, which is an entry of its own read only when needed; a parsed document with its offset map (an Int32Array)
 * as base64 of its bytes; an extraction as it is.
 */
import type { Issue } from "../issues.ts";
import type { ParsedDoc } from "../records.ts";
import type { DocumentRow } from "../validate/schemas.ts";
import type { DocumentExtraction } from "../extract/datasets.ts";
import type { CacheStore, StageCodec } from "./stageCache.ts";
import { sha256Hex } from "../documentId.ts";

/** A parsed document with its offset map as base64 (little- or big-endian as the machine is: the cache is local). */
type StoredDoc = Omit<ParsedDoc, "toSource"> & { toSource: string };

/** The document as JSON-ready data. */
export function encodeDoc(doc: ParsedDoc): StoredDoc {
  const map = doc.toSource;
  return { ...doc, toSource: Buffer.from(map.buffer, map.byteOffset, map.byteLength).toString("base64") };
}

/** The document `encodeDoc` stored. Throws when `stored` is not one (the cache then computes it again). */
export function decodeDoc(stored: unknown): ParsedDoc {
  const spec = stored as Partial<StoredDoc> | null;
  if (typeof spec !== "object" || spec === null || typeof spec.toSource !== "string" || typeof spec.text !== "string") {
    throw new Error("stored document has no text or offset map");
  }
  const bytes = Buffer.from(spec.toSource, "base64");
  // Copied into a buffer of its own: Buffer.from may hand back a slice of a shared pool at an odd offset.
  const map = new Int32Array(bytes.length / 4);
  new Uint8Array(map.buffer).set(bytes);
  if (map.length !== spec.text.length + 1) throw new Error("stored offset map does not fit the stored text");
  return { ...(spec as StoredDoc), toSource: map };
}

/** The cache stage of parsed documents, one entry per document, which an analysis entry names by its hash. */
export const DOCUMENT_STAGE = "document";

/**
 * A report's parsed document as a run holds it: the facts the run needs of every document, and the document itself,
 * which a run from the cache reads only when a stage asks for it (an extraction computed anew, the place of a bad
 * row): at 10,000 reports the documents are two thirds of the cache, and a rebuild after one new report needs one.
 */
export interface DocumentHandle {
  /** the document as `analyzeReport` gave it; the same object at each call */
  load(): ParsedDoc;
  /** sha256 of the clean text: same text, same hash (the check for one report saved twice, the text file's version) */
  textHash: string;
  published_date: string | null;
  /** the hash of the stored document (`getDocHash`), which keys its extraction; absent: not stored */
  docHash?: string | undefined;
}

/** A handle on a document in memory. */
export function holdDocument(doc: ParsedDoc): DocumentHandle {
  return { load: () => doc, textHash: sha256Hex(doc.text), published_date: doc.published_date };
}

/** The analysis of a report (decode → clean → parse): the document, or null, and its issues. */
export interface Analysis {
  document: DocumentHandle | null;
  issues: Issue[];
  /** the document's dataset row, when the document has no error and the row passed its schema */
  row?: DocumentRow | undefined;
}

/** The hash of a document as the cache stores it: what its extraction is keyed by. */
export function getDocHash(doc: ParsedDoc): string {
  return sha256Hex(JSON.stringify(encodeDoc(doc)));
}

/** An analysis as stored: the document by its hash, with the facts a run needs without it. */
interface StoredAnalysis {
  issues: Issue[];
  row: DocumentRow | null;
  document: { hash: string; textHash: string; published_date: string | null } | null;
}

/**
 * How analyses are stored in `store`: the document as an entry of its own (stage DOCUMENT_STAGE, under
 * `documentKey(hash)`), the rest in the analysis entry. A decoded analysis reads its document when it is first
 * asked for; when that entry is gone or is not the document it names (the cache was edited), `recompute` gives it
 * again (the analysis is deterministic, so the same document). Decoding refuses an analysis whose document entry
 * is missing, so that the run computes it again at once, and marks the entry used otherwise (`keep`), so that a prune
 * keeps it.
 */
export function analysisCodec(store: CacheStore, documentKey: (hash: string) => string, recompute: () => ParsedDoc | null): StageCodec<Analysis> {
  return {
    encode: (value): StoredAnalysis => {
      if (value.document === null) return { issues: value.issues, row: value.row ?? null, document: null };
      const text = JSON.stringify(encodeDoc(value.document.load()));
      const hash = sha256Hex(text);
      store.write(DOCUMENT_STAGE, documentKey(hash), text);
      const { textHash, published_date } = value.document;
      return { issues: value.issues, row: value.row ?? null, document: { hash, textHash, published_date } };
    },
    decode: (stored) => {
      const spec = stored as Partial<StoredAnalysis> | null;
      if (spec === null || typeof spec !== "object" || !Array.isArray(spec.issues)) throw new Error("stored analysis has no issues");
      const analysis: Analysis = { document: null, issues: spec.issues };
      if (typeof spec.row === "object" && spec.row !== null) analysis.row = spec.row;
      const facts = spec.document;
      if (facts === null) return analysis;
      if (typeof facts !== "object" || typeof facts.hash !== "string" || typeof facts.textHash !== "string" || facts.published_date === undefined) {
        throw new Error("stored analysis has no document");
      }
      const key = documentKey(facts.hash);
      if (!store.keep(DOCUMENT_STAGE, key)) throw new Error("stored analysis names a document the cache does not have");
      let doc: ParsedDoc | undefined;
      const read = (): ParsedDoc => {
        const text = store.read(DOCUMENT_STAGE, key);
        if (text !== undefined && sha256Hex(text) === facts.hash) {
          try {
            return decodeDoc(JSON.parse(text));
          } catch {
            // not a document: computed again below
          }
        }
        const again = recompute();
        if (again === null) throw new Error("a report analysed again gave no document, though its stored analysis had one");
        return again;
      };
      analysis.document = { load: () => (doc ??= read()), textHash: facts.textHash, published_date: facts.published_date, docHash: facts.hash };
      return analysis;
    },
  };
}

/** A document's extraction is plain data: stored as it is. */
export const extractionCodec: StageCodec<DocumentExtraction> = {
  encode: (value) => value,
  decode: (stored) => {
    const spec = stored as Partial<DocumentExtraction> | null;
    if (spec === null || !Array.isArray(spec.directives) || !Array.isArray(spec.issues) || !Array.isArray(spec.casePositions)) throw new Error("stored extraction is incomplete");
    return spec as DocumentExtraction;
  },
};
