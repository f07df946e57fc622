/**
 * Markdown → readable text: YAML front matter parsed, one line per heading / paragraph / list
 * item / table row, markup removed, raw HTML run through the HTML converter, every character
 * mapped back to the Markdown source through the node positions.
 */
import type { Nodes, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { isMap, isScalar, parseDocument } from "yaml";
import type { OffsetMap } from "../records.ts";
import { appendHtmlText, isChromeElement } from "./html.ts";
import { TextLines } from "./textLines.ts";

/** Why the front matter could not be used. */
export interface FrontMatterProblem {
  /** index in the source where the problem is */
  offset: number;
  /** `what is wrong: expected X, found "Y"` */
  message: string;
  hint: string;
}

/** Readable text of a Markdown file with its map to the source. */
export interface MarkdownText {
  text: string;
  /** `text` → source */
  map: OffsetMap;
  /** the parsed YAML front matter; null when there is none or it is not a valid mapping */
  frontMatter: Record<string, unknown> | null;
  /** for each top-level key of `frontMatter`, [start, end) of its value in the source: where its issues point */
  frontMatterSpans: Record<string, [number, number]>;
  /** set when front matter exists but is not valid YAML or not a mapping */
  frontMatterProblem: FrontMatterProblem | null;
  /** [start, end) spans of `text` that are `#`, `##` or `###` headings */
  headings: Array<[number, number]>;
}

// Blank lines before the opening `---` (reports/017.md starts with "\n---"): remark-frontmatter
// only sees front matter on line 1, so parsing starts after them.
const LEADING_BLANK_LINES = /^(?:[ \t]*\r?\n)+(?=---[ \t]*\r?\n)/;

/** Start and end offsets of a node in the parsed text, or undefined for a generated node. */
function offsetsOf(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

/**
 * The element an inline HTML node opens and leaves open, when its content is never text (a script,
 * an iframe: see `isChromeElement`): `<iframe src="javascript:…">` in `正文 <iframe …>注入</iframe>`,
 * which remark splits into the opening tag, a text node and the closing tag. Undefined otherwise.
 */
function findOpenDroppedElement(html: string): string | undefined {
  for (const m of html.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*?(\/?)>/gi)) {
    const name = m[1]!.toLowerCase();
    if (m[2] === "/" || !isChromeElement(name, {})) continue;
    if (!new RegExp(`</${name}\\s*>`, "i").test(html.slice(m.index + m[0].length))) return name;
  }
  return undefined;
}

/**
 * Convert a Markdown file (see `MarkdownText`). Never throws on bad Markdown or YAML: CommonMark
 * has no invalid input, and bad front matter becomes `frontMatterProblem`.
 */
export function decodeMarkdownText(source: string): MarkdownText {
  const base = LEADING_BLANK_LINES.exec(source)?.[0].length ?? 0;
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).parse(source.slice(base)) as Root;
  const lines = new TextLines(source.length);
  const headings: Array<[number, number]> = [];
  let frontMatter: Record<string, unknown> | null = null;
  const frontMatterSpans: Record<string, [number, number]> = {};
  let frontMatterProblem: FrontMatterProblem | null = null;

  // Append source[start, end) character by character, aligned with `value` (what remark made of
  // it): `\*` and `&amp;` shrink, continuation-line indentation and `> ` markers vanish.
  const appendAligned = (value: string, start: number, end: number): void => {
    let j = start;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      if (source[j] !== ch) {
        const k = source.indexOf(ch, j);
        if (k >= 0 && k < end) j = k;
      }
      // A soft line break inside a paragraph ends a line: Chinese text does not wrap lines in its source, so a
      // single newline there separates lines the page showed apart (035.md: `整理编辑：…` then a headline).
      if (ch === "\n") lines.breakLine();
      else lines.append(ch, Math.min(j, Math.max(start, end - 1)), false);
      if (source[j] === ch) j++;
    }
  };

  const appendLinesOf = (start: number, end: number): void => {
    for (const m of source.slice(start, end).matchAll(/[^\r\n]+/g)) {
      lines.append(m[0], start + m.index, true);
      lines.breakLine();
    }
  };

  // `| 日期 | 病例 |` rows: plain CommonMark reads a table as one paragraph, so split its source lines.
  const appendTableRows = (start: number, end: number): void => {
    for (const m of source.slice(start, end).matchAll(/[^\r\n]+/g)) {
      if (/^\s*\|?[\s:|-]+\|?\s*$/.test(m[0])) continue; // the |---|:---| delimiter row
      const rowStart = start + m.index;
      for (const cell of m[0].matchAll(/[^|]+/g)) {
        lines.space(rowStart + cell.index);
        lines.append(cell[0], rowStart + cell.index, true);
      }
      lines.breakLine();
    }
  };

  const isTableParagraph = (start: number, end: number): boolean => {
    const rows = source.slice(start, end).split(/\r?\n/);
    return rows.length >= 2 && rows.every((row) => row.trimStart().startsWith("|"));
  };

  const readFrontMatter = (value: string, nodeStart: number): void => {
    // The YAML text begins on the line after the opening `---`.
    const valueStart = source.indexOf("\n", nodeStart) + 1;
    const doc = parseDocument(value, { prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const offset = valueStart + Math.min(error.pos[0], value.length);
      const lineEnd = source.indexOf("\n", offset);
      const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
      const found = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd).replace(/\r$/, "");
      frontMatterProblem = {
        offset,
        message: `front matter is not valid YAML: expected \`key: value\` lines, found ${JSON.stringify(found)}`,
        hint: `the YAML parser says: ${error.message.split("\n")[0]}; fix the front matter between the --- lines`,
      };
      return;
    }
    const data: unknown = doc.toJS();
    if (data === null || data === undefined) return;
    if (typeof data !== "object" || Array.isArray(data)) {
      frontMatterProblem = {
        offset: valueStart,
        message: `front matter is not a mapping: expected \`key: value\` lines, found ${Array.isArray(data) ? "a list" : JSON.stringify(String(data))}`,
        hint: "write the front matter as `title: …`, `date: …` lines",
      };
      return;
    }
    frontMatter = data as Record<string, unknown>;
    // Where each value sits in the file, so that a bad date in front matter is reported at its line like one in a
    // sidecar. The YAML text is the source from valueStart on, so its offsets shift by valueStart.
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const range = (pair.value as { range?: [number, number, number] } | null)?.range;
        if (isScalar(pair.key) && range) frontMatterSpans[String(pair.key.value)] = [valueStart + range[0], valueStart + range[1]];
      }
    }
  };

  // Inline children in order; what an inline <script> or <iframe> encloses is skipped up to its closing tag.
  const walkChildren = (children: readonly Nodes[]): void => {
    let open: string | undefined;
    for (const child of children) {
      if (open !== undefined) {
        if (child.type === "html" && new RegExp(`</${open}\\s*>`, "i").test(child.value)) open = undefined;
        continue;
      }
      walk(child);
      if (child.type === "html") open = findOpenDroppedElement(child.value);
    }
  };

  const walk = (node: Nodes): void => {
    const at = offsetsOf(node);
    const start = at ? at[0] + base : 0;
    const end = at ? at[1] + base : 0;
    switch (node.type) {
      case "yaml":
        readFrontMatter(node.value, start);
        return;
      case "heading": {
        lines.breakLine();
        const before = lines.length;
        walkChildren(node.children);
        lines.breakLine();
        const span = lines.spanSince(before);
        if (span && node.depth <= 3) headings.push(span);
        return;
      }
      case "paragraph":
        lines.breakLine();
        if (at && isTableParagraph(start, end)) appendTableRows(start, end);
        else walkChildren(node.children);
        lines.breakLine();
        return;
      case "html":
        if (at) appendHtmlText(lines, source, start, end, headings);
        return;
      case "code": {
        if (!at) return;
        // Fenced code: only the lines between the fences.
        let inner: [number, number] = [start, end];
        if (/^\s*(```|~~~)/.test(source.slice(start, end))) {
          const first = source.indexOf("\n", start);
          const last = source.lastIndexOf("\n", end - 1);
          inner = first < 0 || first >= end ? [end, end] : [first + 1, last > first ? last : end];
        }
        lines.breakLine();
        // Indented HTML after a blank line is a code block to CommonMark (reports/017.md's
        // `            <style>` widget); it is still page markup, not code.
        if (/^\s*</.test(node.value)) appendHtmlText(lines, source, inner[0], inner[1], headings);
        else appendLinesOf(inner[0], inner[1]);
        lines.breakLine();
        return;
      }
      case "text":
        if (at) appendAligned(node.value, start, end);
        else lines.append(node.value, 0, false);
        return;
      case "inlineCode":
        if (at) appendAligned(node.value, start, end);
        return;
      case "break":
        lines.breakLine();
        return;
      case "image":
      case "imageReference":
      case "definition":
      case "thematicBreak":
        return;
      case "list":
      case "listItem":
      case "blockquote":
      case "root":
        lines.breakLine();
        node.children.forEach(walk);
        lines.breakLine();
        return;
      default:
        // emphasis, strong, delete, link, linkReference and anything else with children: their text.
        if ("children" in node) walkChildren(node.children as Nodes[]);
        else if ("value" in node && typeof node.value === "string" && at) appendAligned(node.value, start, end);
    }
  };
  walk(tree);
  const { text, map } = lines.finish();
  return { text, map, frontMatter, frontMatterSpans, frontMatterProblem, headings };
}
