/**
 * HTML → readable text: page chrome (head, scripts, navigation, footers, share widgets) dropped,
 * one line per block, entities decoded, every character mapped back to the page source.
 */
import { Parser } from "htmlparser2";
import type { OffsetMap } from "../records.ts";
import { TextLines } from "./textLines.ts";

/** Readable text of an HTML page with its map to the page source. */
export interface HtmlText {
  text: string;
  /** `text` → source */
  map: OffsetMap;
  /** the `<title>` text, whitespace collapsed, or null when the page has none (or an empty one) */
  title: string | null;
  /** [start, end) spans of `text` that are `<h1>`–`<h3>` headings */
  headings: Array<[number, number]>;
}

/** Elements whose content is never readable text. */
const DROPPED = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "svg",
  "math",
  "form",
  "button",
  "select",
  "textarea",
  "object",
  "nav",
]);

/** Elements that start a new line. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

/** Table cells: a word break between them, not a line break (`<td>日期</td><td>病例</td>`). */
const CELLS = new Set(["td", "th"]);

/** Headings that go into `headings`. */
const HEADINGS = new Set(["h1", "h2", "h3"]);

// Site chrome marked by class or id as a whole word, case-insensitive: `class="crumb"`,
// `id="footer"`, `class="article-share"`; but not `class="navigation-free"` or `class="article"`.
const CHROME_WORD = /(?:^|[^a-z0-9_])(?:nav|navbar|menu|breadcrumb|crumb|footer|share|comment|comments|sidebar)(?![a-z0-9_])/i;

/** True when an element with these attributes is site navigation or other chrome. */
export function isChromeElement(name: string, attributes: Record<string, string>): boolean {
  if (DROPPED.has(name)) return true;
  const klass = attributes["class"];
  const id = attributes["id"];
  return (klass !== undefined && CHROME_WORD.test(klass)) || (id !== undefined && CHROME_WORD.test(id));
}

interface OpenElement {
  name: string;
  dropped: boolean;
  /** committed text length when a heading began, or -1 */
  headingFrom: number;
}

/** Collector for the page title (`<title>`), which lives in the dropped <head>. */
export interface TitleSink {
  set(title: string): void;
}

/**
 * Append the readable text of `source.slice(start, end)` to `lines`, with offsets into `source`.
 * Headings found are pushed to `headings` (spans of the committed text of `lines`); the first
 * non-empty `<title>` goes to `title`. Block elements break lines; the caller ends the last line
 * (so that inline HTML inside a Markdown paragraph stays on its line). Never throws on malformed
 * markup (htmlparser2 recovers).
 */
export function appendHtmlText(
  lines: TextLines,
  source: string,
  start: number,
  end: number,
  headings: Array<[number, number]>,
  title?: TitleSink,
): void {
  const stack: OpenElement[] = [];
  let droppedDepth = 0;
  let titleText: string[] | null = null;
  const closeElement = (open: OpenElement): void => {
    const name = open.name;
    if (name === "title" && titleText && title) {
      const text = titleText.join("").replace(/\s+/g, " ").trim();
      if (text !== "") title.set(text);
      titleText = null;
    }
    if (open.dropped) {
      droppedDepth--;
      return;
    }
    if (BLOCKS.has(name)) {
      lines.breakLine();
      if (open.headingFrom >= 0) {
        const span = lines.spanSince(open.headingFrom);
        if (span) headings.push(span);
      }
    } else if (CELLS.has(name)) lines.space(start + parser.endIndex);
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const dropped = droppedDepth > 0 || isChromeElement(name, attributes);
        let headingFrom = -1;
        if (name === "title" && title) titleText = [];
        if (dropped) droppedDepth++;
        else if (BLOCKS.has(name) || name === "br") {
          lines.breakLine();
          if (HEADINGS.has(name)) headingFrom = lines.length;
        } else if (CELLS.has(name)) lines.space(start + parser.startIndex);
        stack.push({ name, dropped, headingFrom });
      },
      onclosetag(name) {
        // htmlparser2 closes what it opened, except an unfinished tag at the end (`x<a `), which
        // it closes without opening: ignore a close that matches nothing open.
        const depth = stack.map((e) => e.name).lastIndexOf(name);
        if (depth < 0) return;
        while (stack.length > depth + 1) closeElement(stack.pop()!);
        const open = stack.pop()!;
        closeElement(open);
      },
      ontext(data) {
        if (titleText) titleText.push(data);
        if (droppedDepth > 0) return;
        const at = start + parser.startIndex;
        // Raw text arrives as a slice of the source; a decoded entity (`&gt;` → ">") does not, and
        // all of its characters map to the "&".
        const raw = source.startsWith(data, at) && parser.endIndex - parser.startIndex + 1 === data.length;
        lines.append(data, at, raw);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(source.slice(start, end));
  parser.end();
}

/**
 * Convert a whole HTML page: see `HtmlText`. Never throws on malformed markup; a page with no
 * readable text gives "" (the caller decides whether that is an issue).
 */
export function decodeHtmlText(source: string): HtmlText {
  const lines = new TextLines(source.length);
  const headings: Array<[number, number]> = [];
  let title: string | null = null;
  appendHtmlText(lines, source, 0, source.length, headings, {
    set(text) {
      title ??= text;
    },
  });
  const { text, map } = lines.finish();
  return { text, map, title, headings };
}
