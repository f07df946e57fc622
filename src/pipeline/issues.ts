/**
 * Issues: every problem an input has, with a permanent code and its place in the original file.
 */

/** Permanent issue codes. Never rename one: data repositories filter on them. */
export const ISSUE_CODES = {
  "file-empty": "the file has no content",
  "file-too-large": "a report whose text is longer than any report could be (a whole site or a dump saved as one file)",
  "file-binary": "the file is binary, not text",
  "file-name-unsafe": "the file name cannot be used as it is",
  "file-duplicate": "the file has the same content as another input",
  "id-duplicate": "two files would get the same document id",
  "sidecar-orphan": "a sidecar whose report does not exist",
  "file-unreadable": "the file could not be read, or is a link that leaves the inputs folder",
  "file-type-unsupported": "the file extension is not one the pipeline reads",
  "encoding-undecodable": "bytes that are not valid in the detected encoding",
  "encoding-declared-mismatch": "the declared charset does not decode the file",
  "sidecar-invalid": "the sidecar or front matter is not valid",
  "sidecar-field-unknown": "the sidecar names a field the pipeline does not know",
  "text-garbled": "text that arrived garbled upstream and could not be repaired",
  "text-garbled-repaired": "garbled text repaired by re-reading its bytes",
  "title-missing": "no title found or supplied",
  "date-missing": "no publication or event date found or supplied",
  "date-invalid": "a date that is not a calendar date",
  "date-out-of-range": "a date outside the period the site covers",
  "district-unknown": "a district name that is not one of Beijing's 16 districts",
  "district-other-city": "district names that belong to another city",
  "schema-invalid": "a record that does not match its schema",
  "chrome-rule-invalid": "a row of data/reference/page-chrome.csv that cannot be used",
  "person-name-incomplete": "a one-character member of a list of names: characters lost upstream",
  "directive-speaker-unresolved": "a directive whose pronoun speaker (他强调) names no one mentioned before",
  "place-words-invalid": "a row of data/reference/place-words.csv that cannot be used",
  "place-name-garbled": "a listed place whose name is one character off a gazetteer community of its street in a spun copy: left out",
  "place-other-city": "a listed place that belongs to a city other than Beijing (高碑店市乡…): left out",
  "risk-area-header-invalid": "a risk-area CSV whose header is not the expected one",
  "risk-area-district-unknown": "a risk-area CSV row whose district is not one of Beijing's 16 districts",
  "risk-area-level-unknown": "a risk-area CSV row whose level is not 高风险, 中风险 or 低风险",
  "risk-area-date-invalid": "a risk-area CSV row whose first_seen or last_seen is not a date, or ends before it starts",
  "risk-area-area-missing": "a risk-area CSV row without an area",
  "risk-area-row-duplicate": "a risk-area CSV row that repeats an earlier row",
  "risk-area-row-invalid": "a risk-area CSV row with the wrong number of columns or a bad count",
  "case-count-missing": "a case count whose number is missing from the text (digits stripped upstream): left out, never guessed",
  "cases-sum-mismatch": "case counts that do not add up: district counts against the stated total, or confirmed + asymptomatic against positives",
  "cases-conflict": "a case count in a text that differs from the CSV count for the same date, district, window and scope",
  "table-no-rows": "a CSV table with no rows to read: empty, or a header alone",
  "cases-csv-header-invalid": "a case CSV whose header is none of the known layouts",
  "cases-csv-row-invalid": "a case CSV row with the wrong number of columns or a count that is not a whole number",
  "cases-csv-count-negative": "a case CSV row with a negative count",
  "cases-csv-district-unknown": "a case CSV row whose district is not one of Beijing's 16 districts",
  "cases-csv-date-invalid": "a case CSV row whose date is not a date or is before 2019-12-01",
  "cases-csv-row-duplicate": "a case CSV row with the same date, district and method as an earlier row",
  "correction-invalid": "a row of data/reference/corrections.csv that cannot be used: malformed, no reason, source or date, or a new value its field refuses",
  "correction-target-unknown": "a correction that addresses a dataset, row or field the build does not have",
  "correction-stale": "a correction whose old value is not the current value: the input or the pipeline changed since it was written",
  "published-after-as-of": "a report published after the day of an as-of build (a snapshot): left out, a note",
  "published-date-unknown": "a report with no publication date in an as-of build (a snapshot): left out, a note",
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;

/** error: the input is rejected; warning: published, but an editor should look; info: a change recorded. */
export type Severity = "error" | "warning" | "info";

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** repo-relative posix path of the input file */
  path: string;
  /** 1-based line in the original file, or null when the issue concerns the whole file */
  line: number | null;
  /** 1-based column (code points) in the original file, or null */
  column: number | null;
  /** byte offset in the original file, for encoding issues */
  byteOffset?: number | undefined;
  /** `what is wrong: expected X, found "Y"`, starting lower-case */
  message: string;
  /** what to do about it */
  hint?: string | undefined;
}

/** Quote a found value as JSON so full-width spaces show, truncated to `max` code points. */
export function quoteFound(value: string, max = 40): string {
  const chars = Array.from(value);
  const cut = chars.length > max ? chars.slice(0, max).join("") + "…" : value;
  return JSON.stringify(cut);
}

/**
 * Format an issue as `path:line:col: message` (or `path: message`), then the hint on its own line.
 */
export function formatIssue(issue: Issue): string {
  const where =
    issue.line === null
      ? issue.path
      : issue.column === null
        ? `${issue.path}:${issue.line}`
        : `${issue.path}:${issue.line}:${issue.column}`;
  const byte = issue.byteOffset !== undefined && issue.line === null ? ` (byte ${issue.byteOffset})` : "";
  const head = `${where}${byte}: ${issue.message}`;
  return issue.hint ? `${head}\n  hint: ${issue.hint}` : head;
}

/** Sort issues by path, line, column, code: the order they are reported in. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
