/**
 * The whole report pipeline over a set of input files: read results in, datasets and the build
 * report out. Pure: the caller reads the files and writes the outputs.
 */
import type { Issue } from "./issues.ts";
import { compareIssues } from "./issues.ts";
import { createPositionIndex } from "./clean/offsets.ts";
import type { ParsedDoc, SourceFile } from "./records.ts";
import type { ChromeRules } from "./clean/chromeRules.ts";
import type { Gazetteer } from "./parse/gazetteer.ts";
import { extractDatasets, extractDocument, type CsvInput, type DocumentSource, type ExtractionContext } from "./extract/datasets.ts";
import { validateDatasets, type Datasets } from "./validate/datasets.ts";
import type { Outlets } from "./parse/outlets.ts";
import type { GenreRules } from "./parse/genre.ts";
import type { BuildReport, BuildReportEntry, DocumentRow } from "./validate/schemas.ts";
import { decodeSource } from "./decode/source.ts";
import { cleanText } from "./clean/clean.ts";
import { extractReport, FIRST_DATE } from "./parse/report.ts";
import { mergeSupplied, normalizeFrontMatter, parseSidecar } from "./parse/supplied.ts";
import { validateDocument } from "./validate/document.ts";
import { getValidatedRows, validateExtractionRows } from "./validate/documentRows.ts";
import { checkFileName, documentIdFor, getFileHash, SIDECAR_SUFFIX } from "./documentId.ts";
import { AS_OF_DATE_COLUMNS, filterCsvAsOf, findAsOfExclusion, openRiskAreasAsOf } from "./asOf.ts";
import { selectCorrections, type Correction } from "./correct/corrections.ts";
import { analyzeCorrected } from "./correct/correctionApply.ts";
import { correctExtraction } from "./correct/correctDatasets.ts";
import { getCorrectionRows } from "./correct/correctionRows.ts";
import { DATASETS } from "./validate/datasets.ts";
import type { SuppliedFields } from "./records.ts";
import { getCacheKey, runCachedStage, type CacheCounts, type StageCache } from "./cache/stageCache.ts";
import { analysisCodec, DOCUMENT_STAGE, extractionCodec, getDocHash, holdDocument, type Analysis, type DocumentHandle } from "./cache/stageCodecs.ts";

/** Reference data from `data/reference/`, parsed. */
export interface Reference extends ExtractionContext {
  gazetteer: Gazetteer;
  chrome: ChromeRules;
  /** outlet-name and account suffixes from outlets.csv */
  outlets: Outlets;
  /** weighted genre keywords from genres.csv */
  genres: GenreRules;
}

/** A sidecar whose report does not exist. */
export interface OrphanSidecar {
  path: string;
}

export interface RunInput {
  /** report files in any order; each with its sidecar when there is one */
  reports: SourceFile[];
  orphanSidecars: OrphanSidecar[];
  /** files the reader could not or would not read (a link out of the inputs folder), with the reason */
  unreadable: Issue[];
  /** CSV files of data/raw/cases/ */
  caseCsv: CsvInput[];
  /** CSV files of data/raw/risk-areas/ */
  riskAreaCsv: CsvInput[];
  /** the rows of data/reference/corrections.csv, parsed (src/pipeline/correct/corrections.ts); absent: none */
  corrections?: readonly Correction[] | undefined;
}

export interface RunOptions {
  /** YYYY-MM-DD: the day of the build, for the check of dates in the future */
  today: string;
  /**
   * YYYY-MM-DD: build the datasets as they stood on this day (an archived snapshot; src/pipeline/asOf.ts): reports
   * published later or on an unknown day are left out (`not-yet-published`), CSV rows dated later too, and
   * listings still listed after it stay open. Absent: every input goes in. Corrections dated later are skipped.
   */
  asOf?: string | undefined;
  /** called after each report, for progress display */
  onProgress?: ((done: number, total: number, path: string) => void) | undefined;
  /**
   * the per-document cache (src/pipeline/cache/stageCache.ts): each report's analysis and extraction are taken
   * from it when their inputs and the reference data they read are unchanged, and stored in it otherwise. The
   * result is the same with or without it. Absent: everything is computed.
   */
  cache?: StageCache | undefined;
}

/** A published document: its row, and what the later stages and the site need. */
export interface PublishedDocument {
  row: DocumentRow;
  /** the document; one from the cache is read when first asked for */
  readonly doc: ParsedDoc;
  /** sha256 of the clean text: the version of its text file (src/build/write.ts) */
  textHash: string;
}

export interface RunResult {
  /** sorted by id */
  documents: PublishedDocument[];
  /** the extracted datasets, validated, each sorted by its stable key */
  datasets: Datasets;
  report: BuildReport;
  /** every issue, sorted by path, line, column */
  issues: Issue[];
  /**
   * errors of data/reference/corrections.csv found while applying it (unknown row, stale old value, invalid new
   * value), sorted: when there is any, the datasets are not what the editors meant and the caller writes nothing
   */
  correctionIssues: Issue[];
  /** how many analyses and extractions came from the cache (hits) and were computed (misses); zeros without one */
  cache: { analysis: CacheCounts; extraction: CacheCounts };
}

/**
 * Run decode → clean → parse → validate on every report, then extraction over the published
 * documents and the CSV inputs. A report is published when no stage found an error in it or its
 * sidecar; otherwise it is rejected and the build report says why. A CSV input is published when
 * at least one of its rows could be used; its bad rows are listed with their line. Duplicates (same
 * bytes) and id clashes are rejected in favour of the first path in sorted order, so the outcome
 * does not depend on the order the files were listed in.
 */
export function runPipeline(input: RunInput, reference: Reference, options: RunOptions): RunResult {
  const reports = [...input.reports].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byHash = new Map<string, string>();
  const byId = new Map<string, string>();
  const byText = new Map<string, string>();
  const entries = new Map<string, { status: BuildReportEntry["status"]; id: string | null; issues: Issue[] }>();
  const documents: PublishedDocument[] = [];
  // Corrections made after an as-of day are not applied: the snapshot shows what was published then.
  const correcting: Correcting = { corrections: selectCorrections(input.corrections ?? [], options.asOf), applied: [], issues: [] };
  const cacheCounts: RunResult["cache"] = { analysis: { hits: 0, misses: 0 }, extraction: { hits: 0, misses: 0 } };
  // Each published document's handle, by id: an extraction from the cache is keyed by the stored document's hash.
  const handles = new Map<string, DocumentHandle>();

  reports.forEach((file, index) => {
    let outcome: { document: DocumentHandle; row: DocumentRow } | null;
    const issues: Issue[] = [];
    const read = { publishedDate: null as string | null };
    try {
      outcome = processReport(file, reference, options, { byHash, byId, byText }, issues, read, correcting, cacheCounts.analysis);
    } catch (error) {
      // A throw is a bug in a stage; name the input so that it can be reproduced.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`pipeline bug while processing ${file.path}: ${reason}`, { cause: error });
    }
    // As of an earlier day, a report not known to be out by then is left out, whatever else is wrong with it.
    const leftOut = options.asOf === undefined ? null : findAsOfExclusion(read.publishedDate, options.asOf, file.path);
    if (leftOut !== null) {
      entries.set(file.path, { status: "not-yet-published", id: null, issues: [leftOut] });
      if (file.sidecar) entries.set(file.sidecar.path, { status: "not-yet-published", id: null, issues: [] });
      options.onProgress?.(index + 1, reports.length, file.path);
      return;
    }
    const rejected = outcome === null || issues.some((i) => i.severity === "error");
    const id = rejected || outcome === null ? null : outcome.row.id;
    if (!rejected && outcome !== null) {
      const { document, row } = outcome;
      handles.set(row.id, document);
      documents.push({
        row,
        textHash: document.textHash,
        get doc() {
          return document.load();
        },
      });
    }
    const status = rejected ? "rejected" : "published";
    // The report's entry also shows its sidecar's issues: an editor looking up a rejected report sees why.
    entries.set(file.path, { status, id, issues: [...issues] });
    if (file.sidecar) entries.set(file.sidecar.path, { status, id, issues: issues.filter((i) => i.path === file.sidecar?.path) });
    options.onProgress?.(index + 1, reports.length, file.path);
  });

  for (const orphan of input.orphanSidecars) {
    const issue: Issue = {
      code: "sidecar-orphan",
      severity: "error",
      path: orphan.path,
      line: null,
      column: null,
      message: `sidecar has no report: expected a report file with the same name before .meta.yaml, found none`,
      hint: "rename the sidecar to match its report (e.g. 004.meta.yaml for 004.txt), or remove it",
    };
    entries.set(orphan.path, { status: "rejected", id: null, issues: [issue] });
  }
  for (const issue of input.unreadable) entries.set(issue.path, { status: "rejected", id: null, issues: [issue] });
  documents.sort((a, b) => (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));

  // Extraction over what was published, and the CSV inputs.
  const asOf = options.asOf;
  const csvAsOf = (files: CsvInput[], columns: readonly string[]): CsvInput[] =>
    asOf === undefined ? files : files.map((f) => ({ ...f, text: filterCsvAsOf(f.text, f.path, columns, asOf) }));
  const cache = options.cache;
  // A document's extraction is keyed by the whole document, so a report analysed anew to the same document (after
  // an edit of page-chrome.csv that does not touch it) keeps its extraction.
  // Rows a cached extraction carries were checked against their schemas when it was computed (validateExtractionRows):
  // the check of every row below skips them.
  const checked = new WeakSet<object>();
  const extractOne =
    cache === undefined
      ? undefined
      : (source: DocumentSource) => {
          const one = extractCached(handles.get(source.id)!, reference, cache, cacheCounts.extraction);
          for (const row of getValidatedRows(one)) checked.add(row);
          return one;
        };
  const extracted = extractDatasets(
    documents.map((d) => ({
      id: d.row.id,
      path: d.row.path,
      get doc() {
        return d.doc;
      },
    })),
    { cases: csvAsOf(input.caseCsv, AS_OF_DATE_COLUMNS.cases), riskAreas: csvAsOf(input.riskAreaCsv, AS_OF_DATE_COLUMNS.riskAreas) },
    reference,
    extractOne,
  );
  if (asOf !== undefined) extracted.riskAreas = openRiskAreasAsOf(extracted.riskAreas, asOf);
  // Corrections of the extracted rows, then the corrections dataset: each applied correction and what it touches.
  for (const c of correcting.corrections) {
    if (c.dataset === "documents" && !byId.has(c.rowId)) {
      correcting.issues.push({ code: "correction-target-unknown", severity: "error", path: c.path, line: c.line, column: null, message: `correction names an unknown row of documents: expected the id of a report of this build, found ${JSON.stringify(c.rowId)}` });
    }
  }
  const correctedRows = correctExtraction(extracted, correcting.corrections, reference);
  correcting.issues.push(...correctedRows.correctionIssues);
  const publishedIds = new Set(documents.map((d) => d.row.id));
  extracted.corrections = getCorrectionRows([...correcting.applied.filter((c) => publishedIds.has(c.rowId)), ...correctedRows.applied], {
    documents: documents.map((d) => d.row),
    districts: extracted.districts,
    datasets: Object.fromEntries(DATASETS.map((spec) => [spec.name, spec.rows(extracted) as ReadonlyArray<Record<string, unknown>>])),
  });
  // One line index per document, built at its first bad row: rescanning a long report per row is quadratic.
  const positions = new Map<ParsedDoc, ReturnType<typeof createPositionIndex>>();
  const { datasets, issues: schemaIssues } = validateDatasets(extracted, (row) => {
    if (typeof row.source_path === "string") return { path: row.source_path, line: typeof row.source_line === "number" ? row.source_line : null, column: null };
    const doc = typeof row.doc_id === "string" ? handles.get(row.doc_id)?.load() : undefined;
    if (!doc) return null;
    const span = Array.isArray(row.span) && typeof row.span[0] === "number" ? row.span[0] : 0;
    let positionOf = positions.get(doc);
    if (positionOf === undefined) positions.set(doc, (positionOf = createPositionIndex(doc.original)));
    return { path: doc.path, ...positionOf(doc.toSource[Math.min(span, doc.text.length)] ?? 0) };
  }, checked);
  for (const file of extracted.csvFiles) {
    entries.set(file.path, { status: file.usable ? "published" : "rejected", id: null, issues: [...file.issues] });
  }
  // Issues of published documents (a dropped name) and across sources (case conflicts) go to the file
  // they point at; one with no file of its own (a bug caught by a schema) is kept in the list.
  const loose: Issue[] = [];
  for (const issue of [...extracted.issues, ...schemaIssues]) {
    const entry = entries.get(issue.path);
    if (entry) entry.issues.push(issue);
    else loose.push(issue);
  }

  const files: BuildReportEntry[] = [...entries.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, e]) => ({ path, status: e.status, id: e.id, issues: e.issues.sort(compareIssues).map(toReportIssue) }));
  // Each issue once, though a sidecar's issues are listed under its report too.
  const allIssues = [...new Set([...[...entries.values()].flatMap((e) => e.issues), ...loose])].sort(compareIssues);
  const counts: Record<string, number> = {};
  for (const issue of allIssues) counts[issue.code] = (counts[issue.code] ?? 0) + 1;
  const issueCounts = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const tables = new Set([...input.caseCsv, ...input.riskAreaCsv].map((f) => f.path));
  const reportPaths = new Set(input.reports.map((r) => r.path));
  // A file that could not be read counts as a table when it is a .csv file, else as a report.
  const kindOf = (path: string) =>
    path.endsWith(SIDECAR_SUFFIX) ? "sidecar" : tables.has(path) || (!reportPaths.has(path) && path.toLowerCase().endsWith(".csv")) ? "table" : "report";
  const reportCount = files.filter((f) => kindOf(f.path) === "report").length;
  return {
    documents,
    correctionIssues: [...correcting.issues].sort(compareIssues),
    cache: cacheCounts,
    datasets,
    issues: allIssues,
    report: {
      summary: {
        files: files.length,
        reports: reportCount,
        sidecars: files.filter((f) => kindOf(f.path) === "sidecar").length,
        tables: files.filter((f) => kindOf(f.path) === "table").length,
        published: documents.length,
        rejected: files.filter((f) => kindOf(f.path) === "report" && f.status === "rejected").length,
        rows: Object.fromEntries([["documents", documents.length], ...Object.entries(datasets).map(([name, rows]) => [name, rows.length])]),
        issues: issueCounts,
      },
      files,
    },
  };
}

/**
 * One report through decode → clean → parse, for the pipeline and for evaluation: the parsed
 * document, also when an error rejects it (null only when it could not be decoded or cleaned),
 * and every issue found. Does not check names, duplicates or ids: see `runPipeline`.
 */
export function analyzeReport(
  file: SourceFile,
  id: string,
  reference: Reference,
  options: Pick<RunOptions, "today">,
  overrides: SuppliedFields = {},
): { doc: ParsedDoc | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const decoded = decodeSource(file);
  issues.push(...decoded.issues);
  if (decoded.value === null) return { doc: null, issues };

  const suppliedContext = { districts: reference.gazetteer.districts.map((d) => d.name), firstDate: FIRST_DATE, today: options.today };
  const sidecar = file.sidecar ? parseSidecar(file.sidecar.text, file.sidecar.path, suppliedContext) : { fields: {}, issues: [] };
  const frontMatter = normalizeFrontMatter(decoded.value.frontMatter, file.path, suppliedContext, { source: decoded.value.source, spans: decoded.value.frontMatterSpans });
  issues.push(...sidecar.issues, ...frontMatter.issues);
  // A correction (data/reference/corrections.csv) wins over the sidecar: it was made later, with a source.
  const supplied = { ...mergeSupplied(sidecar.fields, frontMatter.fields), ...overrides };

  const clean = cleanText(decoded.value, { chrome: reference.chrome });
  issues.push(...clean.issues);
  if (clean.value === null) return { doc: null, issues };

  const parsed = extractReport(
    { decoded: decoded.value, clean: clean.value, id, sha256: getFileHash(file), supplied },
    { gazetteer: reference.gazetteer, outlets: reference.outlets, genres: reference.genres, today: options.today },
  );
  issues.push(...parsed.issues);
  return { doc: parsed.doc, issues };
}

/** The corrections of a run while reports are processed: those to apply, those applied, and their errors. */
interface Correcting {
  corrections: readonly Correction[];
  applied: Correction[];
  issues: Issue[];
}

function processReport(
  file: SourceFile,
  reference: Reference,
  options: RunOptions,
  seen: { byHash: Map<string, string>; byId: Map<string, string>; byText: Map<string, string> },
  issues: Issue[],
  read: { publishedDate: string | null } = { publishedDate: null },
  correcting: Correcting = { corrections: [], applied: [], issues: [] },
  counts: CacheCounts = { hits: 0, misses: 0 },
): { document: DocumentHandle; row: DocumentRow } | null {
  const nameIssue = checkFileName(file.path);
  if (nameIssue) {
    issues.push(nameIssue);
    return null;
  }
  const sha256 = getFileHash(file);
  const first = seen.byHash.get(sha256);
  if (first !== undefined && file.bytes.length > 0) {
    issues.push(fileIssue("file-duplicate", file.path, `file has the same content as ${first}: expected each report once, found a copy`, `remove one of the two files (only the first, ${first}, is read)`));
    return null;
  }
  seen.byHash.set(sha256, file.path);
  const id = documentIdFor(file.path);
  const clash = seen.byId.get(id);
  if (clash !== undefined) {
    issues.push(fileIssue("id-duplicate", file.path, `document id "${id}" is already used by ${clash}: expected one report per file name, found two`, "rename one of the files; the id comes from the file name without its extension"));
    return null;
  }
  seen.byId.set(id, file.path);

  const corrections = correcting.corrections.filter((c) => c.dataset === "documents" && c.rowId === id);
  const cache = options.cache;
  // A corrected report is analysed anew each time (corrections are few; their checks need the first analysis).
  let analyzed: Analysis & { applied: readonly Correction[]; correctionIssues: readonly Issue[] };
  if (cache === undefined || corrections.length > 0) {
    const corrected = analyzeCorrected((overrides) => analyzeReport(file, id, reference, options, overrides), corrections, { districts: reference.gazetteer.districts.map((d) => d.name) });
    analyzed = { ...corrected, document: corrected.doc === null ? null : holdDocument(corrected.doc) };
  } else analyzed = { ...analyzeCached(file, id, reference, options.today, cache, counts), applied: [], correctionIssues: [] };
  correcting.applied.push(...analyzed.applied);
  correcting.issues.push(...analyzed.correctionIssues);
  const document = analyzed.document;
  read.publishedDate = document?.published_date ?? null;
  issues.push(...analyzed.issues);
  if (document === null || analyzed.issues.some((i) => i.severity === "error")) return null;
  // A cached analysis carries its document's row, checked when it was computed.
  const validated = analyzed.row !== undefined ? { value: analyzed.row, issues: [] } : validateDocument(document.load());
  issues.push(...validated.issues);
  if (validated.value === null) return null;
  // The same report saved twice in other bytes (Big5 Traditional and UTF-8 Simplified, GBK and UTF-8) has different
  // hashes but cleans to the same text; publishing both would count every directive and case twice.
  const textHash = document.textHash;
  const sameText = seen.byText.get(textHash);
  if (sameText !== undefined) {
    issues.push(fileIssue("file-duplicate", file.path, `file has the same text as ${sameText} once decoded and cleaned: expected each report once, found a copy in another encoding or script`, `remove one of the two files (the first, ${sameText}, is published)`));
    return null;
  }
  seen.byText.set(textHash, file.path);
  return { document, row: validated.value };
}

/** The cache stage of report analyses. */
export const ANALYSIS_STAGE = "analysis";

/** The key of a report's analysis in the cache: its path, bytes and sidecar (and, through the cache, the code). */
export function getAnalysisKey(cache: StageCache, file: SourceFile): string {
  const sidecar = file.sidecar === undefined ? ["no sidecar"] : ["sidecar", file.sidecar.path, file.sidecar.text];
  return getCacheKey(cache, ANALYSIS_STAGE, [file.path, documentIdFor(file.path), `sha256 ${getFileHash(file)}`, ...sidecar]);
}

/**
 * Fill the cache for one report as `runPipeline` would use it, without the rest of the run: its analysis and, when
 * that gives a document without errors, the document's extraction. Meant for workers that fill the cache in
 * parallel before the one `runPipeline` that then finds every entry (src/build/cacheWorkers.ts); what they store is
 * exactly what runPipeline would have. A report whose name is refused, or that a correction addresses
 * (`correctedIds`), is left to runPipeline, which analyses those anew each time.
 */
export function warmReport(file: SourceFile, reference: Reference, options: { today: string; cache: StageCache; correctedIds: ReadonlySet<string> }): void {
  if (checkFileName(file.path) !== null) return;
  const id = documentIdFor(file.path);
  if (options.correctedIds.has(id)) return;
  const counts: CacheCounts = { hits: 0, misses: 0 };
  const analysis = analyzeCached(file, id, reference, options.today, options.cache, counts);
  if (analysis.document === null || analysis.issues.some((i) => i.severity === "error") || analysis.row === undefined) return;
  extractCached(analysis.document, reference, options.cache, counts);
}

/** `extractDocument` through the cache, keyed by the document as the cache stores it (`getDocHash`). */
function extractCached(document: DocumentHandle, reference: Reference, cache: StageCache, counts: CacheCounts): ReturnType<typeof extractDocument> {
  return runCachedStage(
    cache,
    {
      stage: "extraction",
      key: getCacheKey(cache, "extraction", [document.docHash ?? getDocHash(document.load())]),
      context: reference as ExtractionContext,
      compute: (ctx) => validateExtractionRows(extractDocument(document.load(), ctx)),
      codec: extractionCodec,
    },
    counts,
  );
}

/**
 * `analyzeReport` through the cache. The analysis reads the build day only to check dates against it: an analysis
 * that found no date out of range holds on any later day; one that did names the day in its message, so holds on
 * that day only.
 */
function analyzeCached(file: SourceFile, id: string, reference: Reference, today: string, cache: StageCache, counts: CacheCounts): Analysis {
  return runCachedStage(
    cache,
    {
      stage: ANALYSIS_STAGE,
      key: getAnalysisKey(cache, file),
      context: reference,
      compute: (ref) => withDocumentRow(analyzeReport(file, id, ref, { today })),
      // A document read back from the cache and found wanting is analysed again, with the same result.
      codec: analysisCodec(cache.store, (hash) => getCacheKey(cache, DOCUMENT_STAGE, [hash]), () => analyzeReport(file, id, reference, { today }).doc),
      conditionOf: (value) => ({ today, exact: value.issues.some((i) => i.code === "date-out-of-range") }),
      holds: (condition) => {
        const c = condition as { today?: unknown; exact?: unknown } | undefined;
        if (typeof c?.today !== "string") return false;
        return c.exact === true ? c.today === today : c.today <= today;
      },
    },
    counts,
  );
}

/**
 * A report's analysis, with its document's dataset row when the document has no error and its row passes the schema,
 * so that a cached analysis carries it (processReport otherwise reports why).
 */
function withDocumentRow(analysis: { doc: ParsedDoc | null; issues: Issue[] }): Analysis {
  const { doc, issues } = analysis;
  if (doc === null) return { document: null, issues };
  const document = holdDocument(doc);
  if (issues.some((i) => i.severity === "error")) return { document, issues };
  const validated = validateDocument(doc);
  return validated.value === null ? { document, issues } : { document, issues, row: validated.value };
}

/** An error about a whole input file (no line or column): duplicates and id clashes. */
function fileIssue(code: Issue["code"], path: string, message: string, hint: string): Issue {
  return { code, severity: "error", path, line: null, column: null, message, hint };
}

function toReportIssue(issue: Issue): BuildReportEntry["issues"][number] {
  return {
    code: issue.code,
    severity: issue.severity,
    line: issue.line,
    column: issue.column,
    byte_offset: issue.byteOffset ?? null,
    message: issue.message,
    hint: issue.hint ?? null,
  };
}
