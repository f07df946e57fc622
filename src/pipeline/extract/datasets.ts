/**
 * Extraction over a whole run: every published document's directives, people, places, risk areas
 * and case counts, the CSV inputs of data/raw/cases/ and data/raw/risk-areas/, and the corpus-level
 * merges (measures, people, risk-area lifecycles, case conflicts).
 */
import { createPositionIndex } from "../clean/offsets.ts";
import type { Issue } from "../issues.ts";
import type { ParsedDoc } from "../records.ts";
import type { CaseCsvRecord } from "../validate/caseSchema.ts";
import type { CorrectionRow } from "../validate/correctionSchema.ts";
import type { PlaceRow } from "../validate/placeSchema.ts";
import type { RiskAreaCsvRow, RiskAreaRow, RiskAreaTextRow } from "../validate/riskAreaSchema.ts";
import { parseCaseCsv } from "./caseCsv.ts";
import { findCaseConflicts } from "./caseConflicts.ts";
import { extractCases, type CaseRow } from "./cases.ts";
import type { CaseWords } from "./caseWords.ts";
import { findDistricts } from "../parse/districts.ts";
import { extractDirectives, type DirectiveRow } from "./directives.ts";
import { aggregateMeasures, type MeasureRow } from "./measures.ts";
import { extractPeople, mergePeople, type PersonMention, type PersonRow } from "./people.ts";
import { extractPlaces, type PlaceContext } from "./places.ts";
import { findPlaceMentions } from "./placeMentions.ts";
import { extractRiskAreas } from "./riskAreas.ts";
import { parseRiskAreaCsv } from "./riskAreaCsv.ts";
import { mergeRiskAreas } from "./riskAreaMerge.ts";
import type { SpeechContext } from "./speechCues.ts";

/** Everything the extract stages read: the gazetteer, measure categories, speech cues, place words and case words. */
export interface ExtractionContext extends SpeechContext, PlaceContext {
  /** data/reference/case-words.csv parsed: the words of daily bulletins */
  caseWords: CaseWords;
}

/** A CSV input file, read. */
export interface CsvInput {
  /** repo-relative posix path */
  path: string;
  text: string;
}

/** A document to extract from, by id and input path: `doc` may be read only when it is asked for (the pipeline's cache). */
export interface DocumentSource {
  id: string;
  path: string;
  readonly doc: ParsedDoc;
}

/** What one document gives. Rows are in text order. */
export interface DocumentExtraction {
  directives: DirectiveRow[];
  personMentions: PersonMention[];
  places: PlaceRow[];
  riskAreaMentions: RiskAreaTextRow[];
  cases: CaseRow[];
  /**
   * where each case row's span starts in the report file (line and column of `doc.original`), in `cases` order: a
   * conflict with a CSV row, found across documents, is reported there without the document being read again
   */
  casePositions: Array<{ line: number; column: number }>;
  issues: Issue[];
  /**
   * set when every row has passed its dataset's schema and is as the schema gave it back
   * (src/pipeline/validate/documentRows.ts); absent: not checked yet
   */
  validated?: true;
}

/**
 * Run every per-document extractor on `doc`. What several extractors read is computed once here and passed in: the
 * person mentions (people, and the speakers of directives), the district mentions of the whole text (cases, place
 * mentions) and the place mentions (places, risk areas). Pure; never throws on a document the parse stage produced.
 */
export function extractDocument(doc: ParsedDoc, ctx: ExtractionContext): DocumentExtraction {
  const people = extractPeople(doc, ctx);
  const districtMentions = findDistricts(doc.text, ctx.gazetteer).mentions;
  const directives = extractDirectives(doc, ctx, people.rows);
  const placeMentions = findPlaceMentions(doc, ctx.gazetteer, ctx.placeWords, districtMentions);
  const places = extractPlaces(doc, ctx, placeMentions);
  const riskAreas = extractRiskAreas(doc, ctx, placeMentions);
  const cases = extractCases(doc, ctx, districtMentions);
  const positionOf = cases.rows.length === 0 ? null : createPositionIndex(doc.original);
  return {
    directives: directives.rows,
    personMentions: people.rows,
    places: places.rows,
    riskAreaMentions: riskAreas.rows,
    cases: cases.rows,
    casePositions: positionOf === null ? [] : cases.rows.map((row) => positionOf(doc.toSource[row.span[0]] ?? 0)),
    issues: [...directives.issues, ...people.issues, ...places.issues, ...riskAreas.issues, ...cases.issues],
  };
}

/** The datasets of a run, each sorted by its stable key. */
export interface ExtractionResult {
  /** Beijing's districts in administrative-code order, from the gazetteer: what the site addresses */
  districts: Array<{ code: string; name: string; short_name: string; slug: string }>;
  /** the measure categories of the context, in their file's order */
  categories: Array<{ key: string; label_zh: string; label_en: string; keywords: string[] }>;
  directives: DirectiveRow[];
  measures: MeasureRow[];
  personMentions: PersonMention[];
  people: PersonRow[];
  places: PlaceRow[];
  riskAreas: RiskAreaRow[];
  cases: CaseRow[];
  caseCsv: CaseCsvRecord[];
  /** each CSV input, with the issues of its rows and whether any row could be used */
  csvFiles: Array<{ path: string; usable: boolean; issues: Issue[] }>;
  /** issues found in documents (by the document's path) and across sources (case conflicts) */
  issues: Issue[];
  /** the corrections applied to the run (src/pipeline/correct/), set by the pipeline after extraction; absent: none */
  corrections?: CorrectionRow[];
}

/**
 * Extract from every document (in id order) and every CSV input (in path order), then merge: measures
 * from directives, one row per person, one row per risk area and listing (texts and CSV rows kept as
 * sources), and the conflicts between text and CSV case counts. Same inputs, same output. `extractOne` is
 * `extractDocument` with `ctx`, or one that gives the same (the pipeline's cached one, which reads a document only
 * when it computes its extraction); a case conflict is placed where the extraction found the row, so no document is
 * read for it.
 */
export function extractDatasets(
  documents: readonly DocumentSource[],
  csv: { cases: readonly CsvInput[]; riskAreas: readonly CsvInput[] },
  ctx: ExtractionContext,
  extractOne: (source: DocumentSource) => DocumentExtraction = (source) => extractDocument(source.doc, ctx),
): ExtractionResult {
  const byId = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const all: Omit<DocumentExtraction, "casePositions"> = { directives: [], personMentions: [], places: [], riskAreaMentions: [], cases: [], issues: [] };
  // Where each case row was read: its document's path, and the line and column the extraction found.
  const caseSources = new Map<CaseRow, { path: string; line: number; column: number }>();
  for (const source of byId) {
    const one = extractOne(source);
    one.cases.forEach((row, i) => {
      const at = one.casePositions[i];
      if (at !== undefined) caseSources.set(row, { path: source.path, ...at });
    });
    all.directives.push(...one.directives);
    all.personMentions.push(...one.personMentions);
    all.places.push(...one.places);
    all.riskAreaMentions.push(...one.riskAreaMentions);
    all.cases.push(...one.cases);
    all.issues.push(...one.issues);
  }

  const byPath = <T extends CsvInput>(files: readonly T[]) => [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const csvFiles: ExtractionResult["csvFiles"] = [];
  const caseCsv: CaseCsvRecord[] = [];
  for (const file of byPath(csv.cases)) {
    const parsed = parseCaseCsv(file.text, file.path, ctx.gazetteer);
    caseCsv.push(...parsed.rows);
    csvFiles.push(getCsvFate(file.path, parsed.rows.length, parsed.issues));
  }
  const riskAreaCsv: RiskAreaCsvRow[] = [];
  for (const file of byPath(csv.riskAreas)) {
    const parsed = parseRiskAreaCsv(file.text, file.path, ctx.gazetteer);
    riskAreaCsv.push(...parsed.rows);
    csvFiles.push(getCsvFate(file.path, parsed.rows.length, parsed.issues));
  }

  const locate = (row: CaseRow) => caseSources.get(row) ?? { path: row.doc_id, line: null, column: null };
  const measures = aggregateMeasures(all.directives, ctx);
  const people = mergePeople(all.personMentions);
  const conflicts = findCaseConflicts(all.cases, caseCsv, locate);
  return {
    districts: ctx.gazetteer.districts.map((d) => ({ code: d.code, name: d.name, short_name: d.name.replace(/区$/, ""), slug: d.slug })),
    categories: ctx.categories.map((c) => ({ key: c.key, label_zh: c.label_zh, label_en: c.label_en, keywords: [...c.keywords] })),
    directives: all.directives,
    measures: measures.rows,
    personMentions: all.personMentions,
    people: people.rows,
    places: all.places,
    riskAreas: mergeRiskAreas(all.riskAreaMentions, riskAreaCsv, ctx.gazetteer, ctx.placeWords),
    cases: all.cases,
    caseCsv,
    csvFiles,
    issues: [...all.issues, ...measures.issues, ...people.issues, ...conflicts],
  };
}

/**
 * A CSV input's fate: usable when it gave rows. A table that gave none is rejected, and the build report must say
 * why: its parser named the bad header or the bad rows, or, when it named nothing (a header alone, an empty file),
 * a `table-no-rows` error does.
 */
function getCsvFate(path: string, rows: number, issues: Issue[]): ExtractionResult["csvFiles"][number] {
  if (rows > 0 || issues.some((i) => i.severity === "error")) return { path, usable: rows > 0, issues };
  const noRows: Issue = {
    code: "table-no-rows",
    severity: "error",
    path,
    line: null,
    column: null,
    message: "table has no rows: expected a header and at least one row of data, found none",
    hint: "add the table's rows, or remove the file",
  };
  return { path, usable: false, issues: [...issues, noRows] };
}
