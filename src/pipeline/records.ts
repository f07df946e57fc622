/**
 * Record types passed between the pipeline stages:
 * read → decode → clean → parse → validate → emit.
 *
 * Offsets are code-unit indices into JavaScript strings. Every derived text carries a map back to
 * the decoded original file (`source`), so a span of any later text maps to line:column of the file.
 */
import type { Issue } from "./issues.ts";
import type { Genre } from "./parse/genre.ts";

/** Text encodings the decode stage recognises. */
export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

/** File formats, told apart by extension and content. */
export type Format = "text" | "html" | "markdown";

/**
 * Map from each code unit of a derived text to a code unit of its source text.
 * Length is `text.length + 1`; the last entry is the source index just past the end.
 * Entries never decrease.
 */
export type OffsetMap = Int32Array;

/** One input file as read from disk: the only stage input that came from effects. */
export interface SourceFile {
  /** repo-relative posix path, e.g. `data/raw/reports/004.txt` */
  path: string;
  bytes: Uint8Array;
  /**
   * sha256 of `bytes`, hex, when the reader computed it (src/build/inputs.ts): a run needs it for the duplicate check,
   * the cache key and the row, and hashes the bytes itself when it is absent
   */
  sha256?: string | undefined;
  /** the editor's sidecar `NAME.meta.yaml`, when one exists */
  sidecar?: { path: string; text: string } | undefined;
}

/** Output of decode: the file as characters, and the readable text in it. */
export interface DecodedText {
  path: string;
  encoding: Encoding;
  format: Format;
  /** the whole file decoded to a string: what line:column numbers refer to */
  source: string;
  /** readable text: markup removed, one block (paragraph, heading, list item) per line */
  text: string;
  /** `text` → `source` */
  toSource: OffsetMap;
  /** YAML front matter of a Markdown file, parsed, or null when there is none */
  frontMatter: Record<string, unknown> | null;
  /** [start, end) in `source` of each front matter key's value; empty without front matter */
  frontMatterSpans: Record<string, [number, number]>;
  /** the HTML `<title>` of a page, or null */
  htmlTitle: string | null;
  /** [start, end) spans of `text` that the markup marks as headings (`<h1>`–`<h3>`, Markdown `#`) */
  headings: Array<[number, number]>;
}

/** A span of text that arrived garbled upstream (GBK read one byte out of step). */
export interface GarbledSpan {
  /** [start, end) in the clean text */
  span: [number, number];
  /** the garbled characters as found */
  found: string;
  /** the text re-read from the bytes, when the re-reading was sure; otherwise null and the text is kept */
  repairedAs: string | null;
}

/** Kinds of metadata the clean stage lifts out of page chrome. */
export type MetadataKey =
  /** `来源:密云区文明办`, or the source after a bare timestamp (`2021-01-22 07:36 识政`) */
  | "source"
  /** `时间:` / `发布时间:` / `发布日期:` / `更新时间:` / a bare timestamp line: the page's publication time, raw */
  | "time"
  /** forum stamp `本帖最后由 X 于 2020-2-11 09:25 编辑`: when a repost was last edited, raw */
  | "edited"
  /** `(责任编辑:王健恩)`, `【编辑:周驰】`, `(责编:鲍聪颖、高星)`, `责任编辑：邓健` */
  | "editor"
  /** one reporter from `本报讯(记者 祁梦竹 范俊生)`, `(记者 陈杭)`, `记者 张力 见习记者 李俊瑶` */
  | "reporter"
  /** `作者:` when it names a person or outlet (not `佚名`) */
  | "author"
  /** the dateline removed from the start of the body: `本报讯`, `中新网北京11月27日电`, `人民网北京5月6日电` */
  | "dateline";

/** One metadata value the clean stage removed from the text. */
export interface MetadataField {
  key: MetadataKey;
  /** the value, Simplified, trimmed */
  value: string;
  /** [start, end) of the value in `DecodedText.source` */
  span: [number, number];
}

/** Output of clean: Simplified, normalised text without page chrome. */
export interface CleanText {
  path: string;
  text: string;
  /** `text` → `DecodedText.source` */
  toSource: OffsetMap;
  /** script of the input before conversion */
  script: "simplified" | "traditional" | "mixed";
  /** metadata found in the chrome, in the order it appears in the file */
  metadata: MetadataField[];
  garbled: GarbledSpan[];
  /** number of pinyin annotations removed */
  pinyinRemoved: number;
}

/** A value with where it came from. */
export type FieldOrigin = "supplied" | "extracted";

/**
 * Document fields an editor may supply in a sidecar or front matter, in the order messages list
 * them. Sidecar keys are these names; the dataset's `supplied` column lists them.
 */
export const SUPPLIED_FIELDS = [
  "title",
  "pre_title",
  "subtitle",
  "source",
  "published_date",
  "event_date",
  "reporters",
  "editor",
  "districts",
  "url",
] as const;

/** One of `SUPPLIED_FIELDS`. */
export type SuppliedField = (typeof SUPPLIED_FIELDS)[number];

/** Supplied fields that hold a list of names (`reporters: [张力, 李平书]`); the others hold one text. */
export const SUPPLIED_LIST_FIELDS = ["reporters", "districts"] as const satisfies readonly SuppliedField[];

/**
 * The fields an editor supplied, normalised: dates YYYY-MM-DD, districts official names, lists
 * without empty items. An absent key was not supplied.
 */
export type SuppliedFields = {
  [Field in SuppliedField]?: Field extends (typeof SUPPLIED_LIST_FIELDS)[number] ? string[] : string;
};

/** A sentence of the clean text. */
export interface Sentence {
  /** [start, end) in the clean text */
  span: [number, number];
  /** 0-based paragraph index */
  paragraph: number;
}

/**
 * Document fields whose extracted values keep where they were read: every suppliable field but
 * `url`, which only an editor gives. In `SUPPLIED_FIELDS` order, which `Provenance` keys follow.
 */
export type ProvenanceField = Exclude<SuppliedField, "url">;

/** The `ProvenanceField`s in order. */
export const PROVENANCE_FIELDS: readonly ProvenanceField[] = SUPPLIED_FIELDS.filter((field): field is ProvenanceField => field !== "url");

/**
 * Where each extracted document field was read: [start, end) code-unit spans in `DecodedText.source`
 * (the decoded original file), sorted by start. Only fields the parse stage extracted and found a
 * value for have an entry: supplied fields and null values have none.
 */
export type Provenance = Partial<Record<ProvenanceField, Array<[number, number]>>>;

/** Output of parse: one document with its metadata. Absent values are null, never guessed. */
export interface ParsedDoc {
  id: string;
  path: string;
  sha256: string;
  title: string | null;
  pre_title: string | null;
  subtitle: string | null;
  source: string | null;
  /** YYYY-MM-DD */
  published_date: string | null;
  /** YYYY-MM-DD: the day the reported events happened, when the text says so */
  event_date: string | null;
  reporters: string[];
  editor: string | null;
  /** Beijing districts the report is about, official names, in administrative-code order */
  districts: string[];
  /** the report's genre (meeting, inspection, case_bulletin, risk_area, notice; see parse/genre.ts), or null when undecided */
  genre: Genre | null;
  url: string | null;
  encoding: Encoding;
  format: Format;
  script: CleanText["script"];
  /** fields an editor supplied, sorted */
  supplied: string[];
  /** where each extracted field was read, as spans of `source` */
  provenance: Provenance;
  /**
   * the decoded original file (`DecodedText.source`; not `source`, the publisher): what `toSource`
   * and `provenance` point into, and what their line:column numbers count in
   */
  original: string;
  /** the clean text */
  text: string;
  /** `text` → `original` */
  toSource: OffsetMap;
  /** [start, end) in the clean text of the body (after headlines and metadata) */
  body: [number, number];
  paragraphs: Array<[number, number]>;
  sentences: Sentence[];
  garbled: GarbledSpan[];
  pinyinRemoved: number;
}

/** Result of a stage: a value, or null when the input cannot go on, with the issues found. */
export interface StageResult<T> {
  value: T | null;
  issues: Issue[];
}
