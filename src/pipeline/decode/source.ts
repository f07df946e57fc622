/**
 * The decode stage: one input file's bytes → its characters (`source`) and readable text.
 */
import { identityMap, positionOf } from "../clean/offsets.ts";
import type { Issue, IssueCode, Severity } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import type { DecodedText, Encoding, Format, SourceFile, StageResult } from "../records.ts";
import { findCharsetDeclaration, isHtmlDocument } from "./charset.ts";
import type { CharsetDeclaration } from "./charset.ts";
import type { DecodedBytes } from "./encoding.ts";
import { decodeBytes, decodeUnlabelled, findByteOrderMark, toHex } from "./encoding.ts";
import { decodeHtmlText } from "./html.ts";
import { decodeMarkdownText } from "./markdown.ts";

/** File extensions the pipeline reads, and the format each one is. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, Format>> = {
  ".txt": "text",
  ".html": "html",
  ".htm": "html",
  ".md": "markdown",
  ".markdown": "markdown",
};

/** Human names of encodings for messages. */
const ENCODING_NAME: Readonly<Record<Encoding, string>> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  gb18030: "GB18030",
  big5: "Big5",
};

/** Share of bad non-ASCII bytes above which a file is in no encoding we know (an error). */
const MAX_INVALID_SHARE = 0.1;
/** …but a handful of stray bytes in an ASCII file stays a warning. */
const MIN_INVALID_BYTES_FOR_ERROR = 4;
/** Share of bad non-ASCII bytes above which the file is not text at all. */
const BINARY_INVALID_SHARE = 0.5;
/** Share of C0 control characters (other than \t \n \r \f) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Most characters a report's text may have: the longest sample report has about 2,000, a long risk-area
 * list some tens of thousands. More is a whole site or a dump saved as one file, and the later stages
 * would take minutes on it. For HTML it is the readable text that counts: a page saved with its images
 * inlined (`<img src="data:image/png;base64,…">`) can be megabytes of markup around a short report.
 */
export const MAX_TEXT_LENGTH = 200_000;

const BINARY_HINT = "only text, HTML and Markdown reports can be read; remove the file from the inputs";

/** The lower-cased extension of a posix path ("" when the name has none): `a/b.HTML` → ".html". */
function getExtension(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot).toLowerCase();
}

/** Offset of the first NUL byte from `start`, or -1. */
function findNul(bytes: Uint8Array, start: number): number {
  for (let i = start; i < bytes.length; i++) if (bytes[i] === 0) return i;
  return -1;
}

/** Number of C0 control characters other than \t \n \r \f (NUL included) in `text`. */
function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) n++;
  }
  return n;
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / Math.max(1, whole))}%`;
}

/**
 * Decode one input file: format by extension (a `.txt` that is plainly an HTML document is read
 * as HTML), encoding by BOM, then `<meta>` charset (HTML), then sniffing (UTF-8, else GB18030 or
 * Big5 by the share of common Han characters), then readable text with its map to `source`.
 *
 * Returns value null with an error issue for an unsupported extension (`file-type-unsupported`),
 * an empty file (`file-empty`), a binary one (`file-binary`) or one whose bytes fit no encoding
 * (`encoding-undecodable`, more than 10% of the non-ASCII bytes bad) or whose text is longer than
 * `MAX_TEXT_LENGTH` (`file-too-large`). Otherwise the value, with
 * a warning per run of undecodable bytes (each replaced by one U+FFFD), for a `<meta>` charset
 * that does not decode the file (`encoding-declared-mismatch`) and for bad front matter
 * (`sidecar-invalid`). Ignores `file.sidecar`. Never throws on bad data.
 */
export function decodeSource(file: SourceFile): StageResult<DecodedText> {
  const { path, bytes } = file;
  const issues: Issue[] = [];
  const wholeFile = (code: IssueCode, message: string, hint: string): StageResult<DecodedText> => ({
    value: null,
    issues: [{ code, severity: "error", path, line: null, column: null, message, hint }],
  });

  // Format by extension.
  const extension = getExtension(path);
  let format = FORMAT_OF_EXTENSION[extension];
  if (format === undefined) {
    const found = extension === "" ? "a name without an extension" : JSON.stringify(extension);
    return wholeFile(
      "file-type-unsupported",
      `file type is not supported: expected .txt, .html, .htm, .md or .markdown, found ${found}`,
      "convert the report to text, HTML or Markdown, or remove it from the inputs",
    );
  }

  // Empty and binary files.
  if (bytes.length === 0) {
    return wholeFile("file-empty", "file is empty: expected report text, found 0 bytes", "remove the file or fetch the report again");
  }
  const bom = findByteOrderMark(bytes);
  if (bom && bytes.length === bom.length) {
    return wholeFile(
      "file-empty",
      `file is empty: expected report text, found only a ${ENCODING_NAME[bom.encoding]} byte order mark (${bom.length} bytes)`,
      "remove the file or fetch the report again",
    );
  }
  const wide = bom?.encoding === "utf-16le" || bom?.encoding === "utf-16be";
  const nul = wide ? -1 : findNul(bytes, 0);
  if (nul >= 0) {
    return wholeFile(
      "file-binary",
      `file is binary, not text: expected text without NUL bytes, found a NUL byte at byte ${nul} (the file starts with bytes "${toHex(bytes.subarray(0, 8))}")`,
      BINARY_HINT,
    );
  }

  // Encoding: BOM, then the page's own declaration, then sniffing.
  const bodyStart = bom?.length ?? 0;
  const looksLikeHtml =
    format === "html" || (format === "text" && isHtmlDocument(Buffer.from(bytes.subarray(bodyStart, bodyStart + 1024)).toString("latin1")));
  let decoded: DecodedBytes;
  if (bom) {
    decoded = decodeBytes(bytes, bom.encoding, bom.length);
  } else {
    const declaration = looksLikeHtml ? findCharsetDeclaration(bytes) : undefined;
    decoded = declaration ? decodeDeclared(bytes, declaration, path, issues) : decodeUnlabelled(bytes)[0]!;
  }

  const binaryShare = decoded.invalidBytes / Math.max(1, decoded.nonAsciiBytes);
  if (decoded.invalidBytes >= MIN_INVALID_BYTES_FOR_ERROR && binaryShare > BINARY_INVALID_SHARE) {
    return wholeFile(
      "file-binary",
      `file is binary, not text: expected UTF-8, GB18030 or Big5 text, found ${decoded.invalidBytes} of ${decoded.nonAsciiBytes} non-ASCII bytes (${percent(decoded.invalidBytes, decoded.nonAsciiBytes)}) invalid even in the best fit, ${ENCODING_NAME[decoded.encoding]}`,
      BINARY_HINT,
    );
  }
  const source = decoded.text;
  const controls = countControls(source);
  if (controls > MAX_CONTROL_SHARE * source.length || (wide && source.includes("\u0000"))) {
    return wholeFile(
      "file-binary",
      `file is binary, not text: expected text, found ${controls} control characters in ${source.length} (${percent(controls, source.length)})`,
      BINARY_HINT,
    );
  }
  if (decoded.invalidBytes >= MIN_INVALID_BYTES_FOR_ERROR && binaryShare > MAX_INVALID_SHARE) {
    return wholeFile(
      "encoding-undecodable",
      `file is in no encoding we know: expected UTF-8, GB18030 or Big5 text, found ${decoded.invalidBytes} of ${decoded.nonAsciiBytes} non-ASCII bytes (${percent(decoded.invalidBytes, decoded.nonAsciiBytes)}) invalid even in the best fit, ${ENCODING_NAME[decoded.encoding]}`,
      "find the page's real encoding and re-save the file as UTF-8",
    );
  }
  if (source.trim() === "") {
    return wholeFile(
      "file-empty",
      `file is empty: expected report text, found only whitespace (${bytes.length} bytes)`,
      "remove the file or fetch the report again",
    );
  }
  for (const run of decoded.invalid) {
    issues.push(
      issueAt(source, run.at, {
        code: "encoding-undecodable",
        severity: "warning",
        path,
        byteOffset: run.byteOffset,
        message: `bytes are not valid ${ENCODING_NAME[decoded.encoding]}: expected a ${ENCODING_NAME[decoded.encoding]} character, found bytes "${toHex(run.bytes)}"`,
        hint: "they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
      }),
    );
  }

  // Readable text.
  if (format === "text" && looksLikeHtml && isHtmlDocument(source)) format = "html";
  // Text and Markdown are measured before conversion: converting 50 MB of Markdown alone takes minutes.
  if (format !== "html" && source.length > MAX_TEXT_LENGTH) return tooLong(path, source.length, bytes.length);
  const value: DecodedText = {
    path,
    encoding: decoded.encoding,
    format,
    source,
    text: source,
    toSource: identityMap(source.length),
    frontMatter: null,
    frontMatterSpans: {},
    htmlTitle: null,
    headings: [],
  };
  if (format === "html") {
    const html = decodeHtmlText(source);
    value.text = html.text;
    value.toSource = html.map;
    value.htmlTitle = html.title;
    value.headings = html.headings;
    if (html.text.length > MAX_TEXT_LENGTH) return tooLong(path, html.text.length, bytes.length);
  } else if (format === "markdown") {
    const markdown = decodeMarkdownText(source);
    value.text = markdown.text;
    value.toSource = markdown.map;
    value.frontMatter = markdown.frontMatter;
    value.frontMatterSpans = markdown.frontMatterSpans;
    value.headings = markdown.headings;
    const problem = markdown.frontMatterProblem;
    if (problem) {
      issues.push(
        issueAt(source, problem.offset, {
          code: "sidecar-invalid",
          severity: "warning",
          path,
          message: problem.message,
          hint: problem.hint,
        }),
      );
    }
  }
  return { value, issues };
}

/** The `file-too-large` rejection of a report with `length` characters of text in `size` bytes. */
function tooLong(path: string, length: number, size: number): StageResult<DecodedText> {
  const issue: Issue = {
    code: "file-too-large",
    severity: "error",
    path,
    line: null,
    column: null,
    message: `report text is too long: expected at most ${MAX_TEXT_LENGTH} characters, found ${length} (in ${size} bytes)`,
    hint: "split the file into its reports, or keep only the report's own page",
  };
  return { value: null, issues: [issue] };
}

/** An issue placed at `offset` of `source` (1-based line, column in code points). */
function issueAt(
  source: string,
  offset: number,
  fields: { code: IssueCode; severity: Severity; path: string; message: string; hint: string; byteOffset?: number },
): Issue {
  const { line, column } = positionOf(source, offset);
  return { ...fields, line, column };
}

/**
 * Decode with the charset the page declares. If that leaves undecodable bytes and another
 * encoding reads the file cleanly, warn (`encoding-declared-mismatch`) and use the other.
 */
function decodeDeclared(bytes: Uint8Array, declaration: CharsetDeclaration, path: string, issues: Issue[]): DecodedBytes {
  const declared = declaration.encoding ? decodeBytes(bytes, declaration.encoding) : undefined;
  if (declared && declared.invalid.length === 0) return declared;
  const candidates = decodeUnlabelled(bytes);
  const clean = candidates.find((d) => d.invalid.length === 0 && d.encoding !== declaration.encoding);
  const chosen = clean ?? declared ?? candidates[0]!;
  const hasNonAscii = bytes.some((b) => b >= 0x80);
  if (chosen !== declared && hasNonAscii) {
    // Where the label sits in the decoded text: the bytes before it, decoded.
    const at = decodeBytes(bytes.subarray(0, declaration.byteOffset), chosen.encoding).text.length;
    const found = declared
      ? `${declared.invalid.length} runs of invalid bytes, the first at byte ${declared.invalid[0]!.byteOffset}`
      : "a charset the pipeline does not read";
    issues.push(
      issueAt(chosen.text, at, {
        code: "encoding-declared-mismatch",
        severity: "warning",
        path,
        byteOffset: declaration.byteOffset,
        message: `declared charset does not decode the file: expected ${quoteFound(declaration.label)} to fit the bytes, found ${found}; read as ${ENCODING_NAME[chosen.encoding]} instead`,
        hint: `fix the <meta> charset to ${ENCODING_NAME[chosen.encoding]}, or re-save the file in the declared charset`,
      }),
    );
  }
  return chosen;
}
