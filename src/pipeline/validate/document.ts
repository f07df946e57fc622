/**
 * Validate a parsed document and turn it into the row the datasets publish.
 */
import { createPositionIndex } from "../clean/offsets.ts";
import type { Issue } from "../issues.ts";
import type { ParsedDoc, Provenance, ProvenanceField, StageResult } from "../records.ts";
import { documentSchema, type DocumentRow, type SourceSpan } from "./schemas.ts";
import { findValueAt } from "./rowIssue.ts";

/** Where the clean text of a document is written, relative to the dataset folder. */
export function textPathOf(id: string): string {
  return `text/${id}.txt`;
}

/**
 * The published form of `provenance`: each field's spans as `{ start, end, line, column }`, with
 * line and column (1-based, column in code points) of `start` in `original`, the decoded file. Keeps
 * the field order of `provenance` and sorts each field's spans by start.
 */
export function locateProvenance(provenance: Provenance, original: string): Partial<Record<ProvenanceField, SourceSpan[]>> {
  const out: Partial<Record<ProvenanceField, SourceSpan[]>> = {};
  // One index per file: a long report has thousands of district mentions.
  const positionOf = createPositionIndex(original);
  for (const [field, spans] of Object.entries(provenance) as Array<[ProvenanceField, Array<[number, number]>]>) {
    out[field] = [...spans]
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([start, end]) => ({ start, end, ...positionOf(start) }));
  }
  return out;
}

/**
 * The dataset row of `doc`, checked against `documentSchema`. A row that fails the schema is a bug
 * in an earlier stage, but the input must not vanish: it is rejected with `schema-invalid` issues
 * that name the field, what was expected and what was found.
 */
export function validateDocument(doc: ParsedDoc): StageResult<DocumentRow> {
  const candidate = {
    id: doc.id,
    title: doc.title,
    pre_title: doc.pre_title,
    subtitle: doc.subtitle,
    source: doc.source,
    published_date: doc.published_date,
    event_date: doc.event_date,
    reporters: doc.reporters,
    editor: doc.editor,
    districts: doc.districts,
    genre: doc.genre,
    url: doc.url,
    path: doc.path,
    sha256: doc.sha256,
    encoding: doc.encoding,
    format: doc.format,
    script: doc.script,
    supplied: doc.supplied,
    provenance: locateProvenance(doc.provenance, doc.original),
    text_path: textPathOf(doc.id),
    body_start: doc.body[0],
    characters: doc.text.length,
    paragraphs: doc.paragraphs.length,
    sentences: doc.sentences.length,
    pinyin_removed: doc.pinyinRemoved,
    garbled: doc.garbled.map((g) => ({ start: g.span[0], end: g.span[1], found: g.found, repaired_as: g.repairedAs })),
  };
  const parsed = documentSchema.safeParse(candidate);
  if (parsed.success) return { value: parsed.data, issues: [] };
  const issues: Issue[] = parsed.error.issues.map((problem) => {
    const field = problem.path.join(".");
    const found = findValueAt(candidate, problem.path);
    return {
      code: "schema-invalid",
      severity: "error",
      path: doc.path,
      line: null,
      column: null,
      message: `document field ${field || "(row)"} is not valid: expected ${problem.message}, found ${JSON.stringify(found) ?? "nothing"}`,
    };
  });
  return { value: null, issues };
}
