/**
 * A ParsedDoc built by hand for unit tests of the stages after parse.
 */
import { identityMap } from "../../src/pipeline/clean/offsets.ts";
import { findParagraphs, findSentences } from "../../src/pipeline/parse/sentences.ts";
import type { ParsedDoc } from "../../src/pipeline/records.ts";

/** A ParsedDoc whose clean text is `text` (one paragraph per line), with the given districts and dates. */
export function makeDoc(text: string, extra: Partial<ParsedDoc> = {}): ParsedDoc {
  const paragraphs = findParagraphs(text);
  return {
    id: "t1",
    path: "data/raw/reports/t1.txt",
    sha256: "0".repeat(64),
    title: null,
    pre_title: null,
    subtitle: null,
    source: null,
    published_date: "2022-04-13",
    event_date: null,
    reporters: [],
    editor: null,
    districts: [],
    genre: null,
    url: null,
    encoding: "utf-8",
    format: "text",
    script: "simplified",
    supplied: [],
    provenance: {},
    original: text,
    text,
    toSource: identityMap(text.length),
    body: [0, text.length],
    paragraphs,
    sentences: findSentences(text, paragraphs),
    garbled: [],
    pinyinRemoved: 0,
    ...extra,
  };
}

