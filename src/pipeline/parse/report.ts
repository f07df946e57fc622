/**
 * Parse stage entry: a clean report → `ParsedDoc` (headlines, bylines, dates, districts, paragraphs,
 * sentences). Supplied fields (sidecar, front matter) win over extracted ones; nothing is guessed.
 */
import { positionOf, toOriginalSpan } from "../clean/offsets.ts";
import type { Issue, IssueCode, Severity } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { PROVENANCE_FIELDS, SUPPLIED_FIELDS, type CleanText, type DecodedText, type ParsedDoc, type Provenance, type ProvenanceField, type StageResult, type SuppliedFields } from "../records.ts";
import { findEditor, findReporters, findSource, type BylineValue } from "./bylines.ts";
import { daysBetween, findFullDates } from "./date.ts";
import { findDistricts } from "./districts.ts";
import { findEventDateInLine, findLeadEventDate, type DateAnchor } from "./eventDate.ts";
import type { Gazetteer } from "./gazetteer.ts";
import type { Outlets } from "./outlets.ts";
import { classifyGenre, type GenreRules, type GenreText } from "./genre.ts";
import { spanInField } from "./fieldSpan.ts";
import { findHeadlines, findHtmlTitleSpan, findNavigationTitle, type HeadlineLine, type Headlines } from "./headlines.ts";
import { findClosingDate, findMetadataDates, type LocatedDate } from "./publishedDate.ts";
import { findParagraphs, findSentences } from "./sentences.ts";
import { sidecarPathFor } from "../documentId.ts";

export interface ParseInput {
  decoded: DecodedText;
  clean: CleanText;
  /** the report's id, e.g. `013` */
  id: string;
  /** hex SHA-256 of the file's bytes */
  sha256: string;
  /** fields an editor gave, normalised (dates YYYY-MM-DD) */
  supplied: SuppliedFields;
}

export interface ParseContext {
  gazetteer: Gazetteer;
  /** outlet-name and account suffixes (data/reference/outlets.csv), for headlines and bylines */
  outlets: Outlets;
  /** weighted genre keywords (data/reference/genres.csv) */
  genres: GenreRules;
  /** YYYY-MM-DD, the build's date: later dates are suspicious */
  today: string;
}

/** The first day the site covers: the outbreak was first reported in December 2019. */
export const FIRST_DATE = "2019-12-01";

/**
 * Parse a clean report into a `ParsedDoc`. Returns value null, with an error issue, when the report
 * has no title (`title-missing`), no date at all (`date-missing`), only a date that is not a
 * calendar day (`date-invalid`). Supplied values were checked where the editor typed them.
 * Warnings (`date-out-of-range`, `district-other-city`, `date-invalid` beside a good date) keep it.
 * Every extracted field with a value gets its spans in the decoded source in `provenance`.
 */
export function parseReport(input: ParseInput, ctx: ParseContext): StageResult<ParsedDoc> {
  const { doc, issues } = extractReport(input, ctx);
  return { value: issues.some((i) => i.severity === "error") ? null : doc, issues };
}

/**
 * Everything `parseReport` finds, also when the report is rejected: the document (title and dates
 * may be null) and all issues. For evaluation against labels; the pipeline uses `parseReport`.
 */
export function extractReport(input: ParseInput, ctx: ParseContext): { doc: ParsedDoc; issues: Issue[] } {
  const { decoded, clean, supplied } = input;
  const text = clean.text;
  const issues: Issue[] = [];
  const sidecar = sidecarPathFor(decoded.path);
  const at = (offset: number) => positionOf(decoded.source, offset);
  const atClean = (offset: number) => at(clean.toSource[Math.min(offset, clean.toSource.length - 1)]!);
  // Clean-text spans → spans of the decoded source, which provenance points into.
  const fromClean = (start: number, end: number) => toOriginalSpan(clean.toSource, start, end);
  const report = (code: IssueCode, severity: Severity, where: { line: number; column: number } | null, message: string, hint?: string) =>
    issues.push({ code, severity, path: decoded.path, line: where?.line ?? null, column: where?.column ?? null, message, hint });

  // Lines, headings and headlines.
  const paragraphs = findParagraphs(text);
  const headingSpans = decoded.headings.map(([s, e]) => toOriginalSpan(decoded.toSource, s, e));
  const lines: HeadlineLine[] = paragraphs.map(([s, e]) => {
    const source = clean.toSource[s]!;
    return { text: text.slice(s, e), source, heading: headingSpans.some(([hs, he]) => source >= hs && source < he) };
  });
  const chrome = clean.metadata.filter((f) => f.key === "time" || f.key === "source" || f.key === "author" || f.key === "edited");
  const dateline = clean.metadata.find((f) => f.key === "dateline") ?? null;
  const hints = {
    metadataAt: chrome.map((f) => f.span[0]),
    datelineAt: dateline === null ? null : dateline.span[0],
    htmlTitle: decoded.htmlTitle,
  };
  const headlines = findHeadlines(lines, hints, ctx.outlets);
  const bodyLines = lines.slice(headlines.bodyLine).map((l) => l.text);
  // Bylines sit above the body or open it (`北京日报微信公众号 | 记者 张力`, `整理编辑：…`).
  const bylineLines = lines.slice(0, Math.min(lines.length, headlines.bodyLine + 3)).map((l) => l.text);
  const bodyStart = paragraphs[headlines.bodyLine]?.[0] ?? text.length;
  const lineSpan = (i: number | null) => (i === null ? null : fromClean(...paragraphs[i]!));
  const bylineSpan = (found: BylineValue) =>
    found.in === "source" ? found.span : fromClean(paragraphs[found.line!]![0] + found.span[0], paragraphs[found.line!]![0] + found.span[1]);

  // Published date: metadata time, else the date line closing the body.
  const invalid: LocatedDate[] = [];
  const timeDates = findMetadataDates(clean.metadata, "time");
  invalid.push(...timeDates.filter((d) => d.iso === null));
  const closing = findClosingDate(text, paragraphs, headlines.bodyLine);
  if (closing?.iso === null) invalid.push(closing);
  const published: LocatedDate | null = timeDates.find((d) => d.iso !== null) ?? (closing?.iso ? closing : null);
  const publishedDate = supplied.published_date ?? published?.iso ?? null;
  const publishedSpan =
    supplied.published_date !== undefined || published === null ? null : published.in === "source" ? published.span : fromClean(...published.span);

  // Event date: the lead of the body, else the dateline, else the date signing a notice.
  let eventDate: string | null = supplied.event_date ?? null;
  let eventSpan: [number, number] | null = null;
  if (eventDate === null) {
    const anchor = findAnchor(publishedDate, bodyLines.join("\n"), clean.metadata);
    // Indices of the lead's lines: the body without a repeat of the title.
    const leadLines: number[] = [];
    for (let i = headlines.bodyLine; i < lines.length; i++) if (lines[i]!.text.trim() !== headlines.title) leadLines.push(i);
    const lead = findLeadEventDate(leadLines.map((i) => lines[i]!.text), anchor);
    const inDateline = lead === null && dateline !== null ? findEventDateInLine(dateline.value, anchor) : null;
    if (lead !== null) {
      const at = paragraphs[leadLines[lead.line]!]![0];
      eventDate = lead.iso;
      eventSpan = fromClean(at + lead.span[0], at + lead.span[1]);
    } else if (inDateline !== null && dateline !== null) {
      eventDate = inDateline.iso;
      eventSpan = spanInField(dateline, ...inDateline.span);
    } else if (closing?.from === "closing-line" && closing.iso !== null && /年/.test(closing.found)) {
      eventDate = closing.iso;
      eventSpan = fromClean(...closing.span);
    }
  }

  // Date issues.
  const where = (d: LocatedDate) => (d.in === "source" ? at(d.span[0]) : atClean(d.span[0]));
  const hasDate = publishedDate !== null || eventDate !== null;
  for (const d of invalid) {
    report(
      "date-invalid",
      hasDate ? "warning" : "error",
      where(d),
      `report date is not a date: expected YYYY-MM-DD or 2022年1月3日, found ${quoteFound(d.found)}`,
      `fix the date in the source, or add published_date: YYYY-MM-DD to ${sidecar}`,
    );
  }
  if (!hasDate && invalid.length === 0) {
    report(
      "date-missing",
      "error",
      null,
      `report has no date: expected a publication time, a dated lead or a closing date line, found none`,
      `add published_date: YYYY-MM-DD (or event_date:) to ${sidecar}`,
    );
  }
  for (const [field, value] of [["published_date", publishedDate], ["event_date", eventDate]] as const) {
    if (value === null || (daysBetween(FIRST_DATE, value) >= 0 && daysBetween(value, ctx.today) >= 0)) continue;
    // A supplied date was checked where the editor typed it (supplied.ts).
    if (supplied[field] !== undefined) continue;
    const pos = field === "published_date" ? (published === null ? null : where(published)) : eventSpan === null ? null : at(eventSpan[0]);
    report(
      "date-out-of-range",
      "warning",
      pos,
      `report ${field.replace("_", " ")} is out of range: expected a date from ${FIRST_DATE} to ${ctx.today}, found ${quoteFound(value)}`,
      `check the date; if it is right, nothing to do`,
    );
  }

  // Title.
  // A page whose headline went with its chrome (029, a forum archive) still names it in its navigation;
  // only taken from Simplified pages, since the decoded text has not been converted.
  const navigationTitle = headlines.title === null && clean.script === "simplified" ? findNavigationTitle(decoded.text) : null;
  const title = supplied.title ?? headlines.title ?? navigationTitle?.title ?? null;
  // The headline line; else the page's <title>, which findHeadlines falls back to; else the navigation.
  const titleSpan =
    supplied.title !== undefined
      ? null
      : headlines.titleLine !== null
        ? lineSpan(headlines.titleLine)
        : headlines.title !== null
          ? findHtmlTitleSpan(decoded.source)
          : navigationTitle === null
            ? null
            : toOriginalSpan(decoded.toSource, ...navigationTitle.span);
  if (title === null) {
    const first = bodyLines[0] ?? "";
    report(
      "title-missing",
      "error",
      paragraphs.length > 0 ? atClean(paragraphs[0]![0]) : null,
      `report has no title: expected a headline line before the body, found ${first === "" ? "an empty text" : `body text ${quoteFound(first, 20)}`}`,
      `add title: to ${sidecar}`,
    );
  }

  // Districts.
  let districts: string[];
  let districtSpans: Array<[number, number]> = [];
  if (supplied.districts !== undefined) {
    // Checked against the gazetteer where the editor typed them (supplied.ts): here only ordered.
    const known = ctx.gazetteer.districts.map((d) => d.name);
    districts = [...new Set(supplied.districts)].sort((a, b) => known.indexOf(a) - known.indexOf(b));
  } else {
    const found = findDistricts(text, ctx.gazetteer);
    districts = found.districts;
    districtSpans = found.mentions.map((m) => fromClean(...m.span));
    if (found.otherCity !== null) {
      const [s, e] = found.otherCity.span;
      report(
        "district-other-city",
        "warning",
        atClean(s),
        `district names belong to another city (${found.otherCity.reason}): expected places in Beijing, found ${quoteFound(text.slice(s, e))}`,
        `check the report; add districts: to ${sidecar} if it is about Beijing after all`,
      );
    }
  }

  // Genre: from the headlines, the lead and the body.
  const genre = classifyGenre(
    {
      title: findHeadlineText(text, title, supplied, headlines, paragraphs),
      lead: findLead(text, lines, headlines.bodyLine, headlines.title, paragraphs),
      body: bodyStart < text.length ? { text: text.slice(bodyStart), start: bodyStart } : null,
    },
    ctx.genres,
  );

  // Bylines.
  const source = supplied.source === undefined ? findSource(clean.metadata, bylineLines, ctx.outlets) : null;
  const reporters = supplied.reporters === undefined ? findReporters(clean.metadata) : [];
  const editor = supplied.editor === undefined ? findEditor(clean.metadata, bylineLines) : null;

  const provenance = buildProvenance({
    title: titleSpan === null ? [] : [titleSpan],
    pre_title: supplied.pre_title === undefined && headlines.pre_title !== null ? [lineSpan(headlines.preTitleLine)!] : [],
    subtitle: supplied.subtitle === undefined && headlines.subtitle !== null ? [lineSpan(headlines.subtitleLine)!] : [],
    source: source === null ? [] : [bylineSpan(source)],
    published_date: publishedSpan === null ? [] : [publishedSpan],
    event_date: eventSpan === null ? [] : [eventSpan],
    reporters: reporters.map(bylineSpan),
    editor: editor === null ? [] : [bylineSpan(editor)],
    districts: districtSpans,
  });

  const doc: ParsedDoc = {
    id: input.id,
    path: decoded.path,
    sha256: input.sha256,
    title,
    pre_title: supplied.pre_title ?? headlines.pre_title,
    subtitle: supplied.subtitle ?? headlines.subtitle,
    source: supplied.source ?? source?.value ?? null,
    published_date: publishedDate,
    event_date: eventDate,
    reporters: supplied.reporters ?? reporters.map((r) => r.value),
    editor: supplied.editor ?? editor?.value ?? null,
    districts,
    genre: genre?.genre ?? null,
    url: supplied.url ?? null,
    encoding: decoded.encoding,
    format: decoded.format,
    script: clean.script,
    supplied: SUPPLIED_FIELDS.filter((k) => supplied[k] !== undefined).sort(),
    provenance,
    original: decoded.source,
    text,
    toSource: clean.toSource,
    body: [bodyStart, text.length],
    paragraphs,
    sentences: findSentences(text, paragraphs),
    garbled: clean.garbled,
    pinyinRemoved: clean.pinyinRemoved,
  };
  return { doc, issues };
}

/**
 * The headlines the genre is read from: the title with the pre-title and subtitle (`蔡奇到海淀区检查疫情处置工作时强调`
 * under a title that names no genre). When all are headline lines of the clean text, the clean text from the first to
 * the last, with its offset; else the values joined by line breaks, with no offset. Null without a title.
 */
function findHeadlineText(
  text: string,
  title: string | null,
  supplied: SuppliedFields,
  headlines: Headlines,
  paragraphs: ReadonlyArray<[number, number]>,
): GenreText | null {
  if (title === null) return null;
  const preTitle = supplied.pre_title ?? headlines.pre_title;
  const subtitle = supplied.subtitle ?? headlines.subtitle;
  const fromText = supplied.title === undefined && supplied.pre_title === undefined && supplied.subtitle === undefined;
  const at = [headlines.preTitleLine, headlines.titleLine, headlines.subtitleLine].filter((i): i is number => i !== null);
  if (fromText && headlines.titleLine !== null && (preTitle === null || headlines.preTitleLine !== null) && (subtitle === null || headlines.subtitleLine !== null)) {
    const start = paragraphs[Math.min(...at)]![0];
    return { text: text.slice(start, paragraphs[Math.max(...at)]![1]), start };
  }
  return { text: [preTitle, title, subtitle].filter((t) => t !== null).join("\n"), start: null };
}

/** The lead paragraphs must hold at least this many characters: a dateline (`顺义区`) or a caption is no lead. */
const LEAD_MIN_LENGTH = 40;

/**
 * The lead of the body: its first paragraphs that do not repeat the title, up to three, until they hold
 * `LEAD_MIN_LENGTH` characters: the clean `text` from the first to the last, with the offset of the first in the clean text. Null
 * for an empty body.
 */
function findLead(text: string, lines: readonly HeadlineLine[], bodyLine: number, title: string | null, paragraphs: ReadonlyArray<[number, number]>): GenreText | null {
  const picked: number[] = [];
  let length = 0;
  for (let i = bodyLine; i < lines.length && picked.length < 3 && length < LEAD_MIN_LENGTH; i++) {
    const line = lines[i]!.text.trim();
    if (line === "" || line === title) continue;
    picked.push(i);
    length += line.length;
  }
  if (picked.length === 0) return null;
  // The clean text from the first to the last: its spans are clean-text spans, and a keyword's gap never crosses
  // the line break between two paragraphs.
  const start = paragraphs[picked[0]!]![0];
  return { text: text.slice(start, paragraphs[picked.at(-1)!]![1]), start };
}

/** `Provenance` from the spans of every field: in field order, spans sorted by start and distinct, empty fields left out. */
function buildProvenance(spans: Record<ProvenanceField, Array<[number, number]>>): Provenance {
  const out: Provenance = {};
  for (const field of PROVENANCE_FIELDS) {
    const sorted = [...spans[field]].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const distinct = sorted.filter((span, i) => i === 0 || span[0] !== sorted[i - 1]![0] || span[1] !== sorted[i - 1]![1]);
    if (distinct.length > 0) out[field] = distinct;
  }
  return out;
}

/**
 * What year-less dates are resolved against: the publication date; else the first full date of the
 * body (`截至2022年4月25日24时`); else a forum edit stamp (`2020-2-11 09:25`). Null when none.
 */
function findAnchor(publishedDate: string | null, body: string, metadata: CleanText["metadata"]): DateAnchor | null {
  if (publishedDate !== null) return { date: publishedDate, kind: "published" };
  const inBody = findFullDates(body).find((d) => d.iso !== null);
  if (inBody?.iso) return { date: inBody.iso, kind: "text" };
  const edited = findMetadataDates(metadata, "edited").find((d) => d.iso !== null);
  if (edited?.iso) return { date: edited.iso, kind: "text" };
  return null;
}
