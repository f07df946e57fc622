/**
 * How the cached stages' values are stored as JSON (src/pipeline/cache/stageCache.ts): a parsed document's offset
 * map (an Int32Array) as base64 of its bytes, everything else as it is.
 */
import type { Issue } from "../issues.ts";
import type { ParsedDoc } from "../records.ts";
import type { DocumentRow } from "../validate/schemas.ts";
import type { DocumentExtraction } from "../extract/datasets.ts";
import type { StageCodec } from "./stageCache.ts";
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

/** The analysis of a report (decode → clean → parse): the document, or null, and its issues. */
export interface Analysis {
  doc: ParsedDoc | null;
  issues: Issue[];
  /**
   * when the analysis came from the cache: the hash of the stored document (`getDocHash`), which keys its
   * extraction without encoding the document again
   */
  docHash?: string | undefined;
  /** the document's dataset row, when the document has no error and the row passed its schema */
  row?: DocumentRow | undefined;
}

/** The hash of a document as the cache stores it: what its extraction is keyed by. */
export function getDocHash(doc: ParsedDoc): string {
  return hashStoredDoc(encodeDoc(doc));
}

/** The hash of a document already encoded by `encodeDoc`: one definition for `getDocHash` and the analysis codec. */
function hashStoredDoc(stored: StoredDoc): string {
  return sha256Hex(JSON.stringify(stored));
}

export const analysisCodec: StageCodec<Analysis> = {
  encode: (value) => {
    const doc = value.doc === null ? null : encodeDoc(value.doc);
    return { doc, issues: value.issues, docHash: doc === null ? null : hashStoredDoc(doc), row: value.row ?? null };
  },
  decode: (stored) => {
    const spec = stored as { doc?: unknown; issues?: unknown; docHash?: unknown; row?: unknown } | null;
    if (spec === null || !Array.isArray(spec.issues)) throw new Error("stored analysis has no issues");
    const docHash = typeof spec.docHash === "string" ? spec.docHash : undefined;
    const analysis: Analysis = { doc: spec.doc === null ? null : decodeDoc(spec.doc), issues: spec.issues as Issue[], docHash };
    if (typeof spec.row === "object" && spec.row !== null) analysis.row = spec.row as DocumentRow;
    return analysis;
  },
};

/** A document's extraction is plain data: stored as it is. */
export const extractionCodec: StageCodec<DocumentExtraction> = {
  encode: (value) => value,
  decode: (stored) => {
    const spec = stored as Partial<DocumentExtraction> | null;
    if (spec === null || !Array.isArray(spec.directives) || !Array.isArray(spec.issues)) throw new Error("stored extraction is incomplete");
    return spec as DocumentExtraction;
  },
};
