/**
 * Schemas of the emitted datasets (zod). The pipeline validates every row with them before emitting,
 * and the site reads the emitted files with the same schemas (src/build/datasetFiles.ts).
 */
import { z } from "zod";
import { PROVENANCE_FIELDS, SUPPLIED_FIELDS, type ProvenanceField } from "../records.ts";
import { GENRES } from "../parse/genre.ts";

/** `YYYY-MM-DD` that is a real calendar day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");

/** Document ids: lower-case ASCII, stable across machines (see documentId.ts). */
export const documentId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "expected a lower-case ASCII id");

/**
 * A span of a document's clean text: [start, end) in UTF-16 code units of data/build/text/{doc_id}.txt,
 * never empty. Every row extracted from a report carries one.
 */
export const cleanSpan = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([start, end]) => end > start, "expected an end after the start");

const nonEmpty = z.string().min(1);

/** A span of text that arrived garbled upstream. */
export const garbledSpanSchema = z.object({
  /** [start, end) in the document's clean text */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  found: nonEmpty,
  /** the re-read text when the repair was sure, else null (the text is kept as found) */
  repaired_as: z.string().nullable(),
});

/** A span of the input file that a value was read from. */
export const sourceSpanSchema = z
  .object({
    /** [start, end) in UTF-16 code units of the decoded original file */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** 1-based line of `start` */
    line: z.number().int().positive(),
    /** 1-based column of `start`, in code points */
    column: z.number().int().positive(),
  })
  .strict()
  .refine((s) => s.end >= s.start, { message: "an end at or after the start", path: ["end"] });

export type SourceSpan = z.infer<typeof sourceSpanSchema>;

const spans = () => z.array(sourceSpanSchema).min(1).optional();

/**
 * Where each extracted field of a document was read: field → spans of the input file, sorted by
 * start. Keys in the order of `ProvenanceField`; a field without a value or supplied by an editor
 * has none.
 */
export const provenanceSchema = z
  .object(Object.fromEntries(PROVENANCE_FIELDS.map((field) => [field, spans()])) as Record<ProvenanceField, ReturnType<typeof spans>>)
  .strict();

/** Column metadata: `title` is the Chinese label, `description` the English one; both feed the data dictionary. */
export function col<T extends z.ZodType>(schema: T, title: string, description: string): T {
  return schema.meta({ title, description });
}

/** One row of `documents.json` / `documents.csv`. */
export const documentSchema = z
  .object({
    id: col(documentId, "编号", "Stable id: the file name's stem when it is plain ASCII, else r + a hash of the path"),
    title: col(nonEmpty, "标题", "Main title (主题), Simplified"),
    pre_title: col(nonEmpty.nullable(), "引题", "Pre-title: the line above the title, or null"),
    subtitle: col(nonEmpty.nullable(), "副题", "Subtitle: the line below the title, or null"),
    source: col(nonEmpty.nullable(), "来源", "Publisher as the page names it, or null"),
    published_date: col(isoDate.nullable(), "发布日期", "Day of publication (Beijing time), or null when unknown"),
    event_date: col(isoDate.nullable(), "事件日期", "Day the reported events happened, when the text gives it (relative dates resolved against the publication date), or null"),
    reporters: col(z.array(nonEmpty), "记者", "Reporters named in the byline"),
    editor: col(nonEmpty.nullable(), "责任编辑", "Editor named on the page, or null"),
    districts: col(z.array(nonEmpty), "涉及区", "Beijing districts the report is about, official names, in administrative-code order"),
    genre: col(
      z.enum(GENRES).nullable(),
      "体裁",
      "Genre: meeting (会议), inspection (检查调研), case_bulletin (疫情通报), risk_area (风险区域) or notice (通告), decided from weighted keywords of the title and lead (data/reference/genres.csv); null when nothing decides",
    ),
    url: col(z.url({ protocol: /^https?$/ }).nullable(), "原文地址", "Original address (http or https) of the report, when an editor supplied it"),
    path: col(nonEmpty, "输入文件", "Repo-relative path of the input file"),
    sha256: col(z.string().regex(/^[0-9a-f]{64}$/), "文件校验值", "SHA-256 of the input file's bytes, hex"),
    encoding: col(z.enum(["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5"]), "编码", "Character encoding of the input file"),
    format: col(z.enum(["text", "html", "markdown"]), "格式", "Format of the input file"),
    script: col(z.enum(["simplified", "traditional", "mixed"]), "原文字体", "Script of the input before conversion to Simplified"),
    supplied: col(z.array(z.enum(SUPPLIED_FIELDS)), "编辑提供字段", "Fields an editor supplied (sidecar or front matter) rather than the pipeline extracted, sorted"),
    provenance: col(
      provenanceSchema,
      "出处",
      "Where each extracted field was read in the input file: field name → list of {start, end, line, column}, where start/end are [start, end) UTF-16 code-unit offsets in the decoded file and line/column (1-based, column in code points) locate start; supplied fields and null values have no entry",
    ),
    text_path: col(nonEmpty, "正文文件", "Path of the clean text, relative to the dataset folder"),
    body_start: col(z.number().int().nonnegative(), "正文起点", "Offset in the clean text where the body starts, after the headlines and bylines (UTF-16 code units)"),
    characters: col(z.number().int().nonnegative(), "字数", "Length of the clean text in UTF-16 code units"),
    paragraphs: col(z.number().int().nonnegative(), "段落数", "Number of paragraphs in the clean text"),
    sentences: col(z.number().int().nonnegative(), "句子数", "Number of sentences in the clean text"),
    pinyin_removed: col(z.number().int().nonnegative(), "删除拼音注音数", "Pinyin annotations removed by the clean stage"),
    garbled: col(z.array(garbledSpanSchema), "乱码片段", "Spans that arrived garbled upstream: [start, end) in the clean text, the text found, and the repair when it was sure"),
  })
  .strict()
  .refine((d) => d.published_date !== null || d.event_date !== null, {
    message: "a document needs a published_date or an event_date",
    path: ["published_date"],
  });

export type DocumentRow = z.infer<typeof documentSchema>;

/** One issue as the build report lists it. */
export const reportIssueSchema = z.object({
  code: nonEmpty,
  severity: z.enum(["error", "warning", "info"]),
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  byte_offset: z.number().int().nonnegative().nullable(),
  message: nonEmpty,
  hint: z.string().nullable(),
});

/** One input file and what became of it. */
export const buildReportEntrySchema = z.object({
  path: nonEmpty,
  /** not-yet-published: left out of a build as of an earlier day (a snapshot), see src/pipeline/asOf.ts */
  status: z.enum(["published", "rejected", "not-yet-published"]),
  /** the document id, when the file was published (or for a sidecar, its report's id) */
  id: documentId.nullable(),
  issues: z.array(reportIssueSchema),
});

export type BuildReportEntry = z.infer<typeof buildReportEntrySchema>;

export const buildReportSchema = z.object({
  /** counts: reports by fate (sidecars are counted apart), and issues by code */
  summary: z.object({
    files: z.number().int().nonnegative().meta({ description: "every input file listed below" }),
    reports: z.number().int().nonnegative().meta({ description: "report files (not sidecars)" }),
    sidecars: z.number().int().nonnegative().meta({ description: "sidecar files (NAME.meta.yaml)" }),
    tables: z.number().int().nonnegative().meta({ description: "CSV input files (data/raw/cases/, data/raw/risk-areas/)" }),
    published: z.number().int().nonnegative().meta({ description: "reports published as documents" }),
    rejected: z.number().int().nonnegative().meta({ description: "reports rejected" }),
    rows: z.record(z.string(), z.number().int().nonnegative()).meta({ description: "rows emitted per dataset" }),
    issues: z.record(z.string(), z.number().int().nonnegative()),
  }),
  files: z.array(buildReportEntrySchema),
});

export type BuildReport = z.infer<typeof buildReportSchema>;
