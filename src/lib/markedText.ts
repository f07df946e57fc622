/**
 * A report's clean text as paragraphs of text and marks (directives, places, people, case counts), so a page can
 * render every extracted value where it was read, escaped by Astro's ordinary expression rendering.
 */

/** What a mark stands for. */
export type MarkKind = "directive" | "place" | "person" | "case";

/** An extracted value located in the clean text. */
export interface TextMark {
  /** the record's id; the first piece of the mark carries it as its HTML id, e.g. `004-d001` */
  id: string;
  kind: MarkKind;
  /** [start, end) in UTF-16 code units of the clean text */
  start: number;
  end: number;
  /** where the mark links to, e.g. `#about-004-d001` */
  href: string;
  /** a short gloss shown on hover and read by screen readers, e.g. `指示：核酸检测` */
  title: string;
}

/** A run of plain text. */
export interface TextNode {
  text: string;
}

/**
 * A piece of a mark and what it contains; `anchor` is true on the piece that starts where the mark starts, `last`
 * on the piece that ends where it ends (so a mark that crosses a line end has one of each).
 */
export interface MarkNode {
  mark: TextMark;
  anchor: boolean;
  last: boolean;
  children: MarkedNode[];
}

export type MarkedNode = TextNode | MarkNode;

/** Directives hold the other marks: when two marks cover the same text, the wider kind is outside. */
const KIND_ORDER: Record<MarkKind, number> = { directive: 0, case: 1, place: 2, person: 3 };

/** True for a node that is a mark. */
export function isMarkNode(node: MarkedNode): node is MarkNode {
  return "mark" in node;
}

/** True when a mark node holds another mark: it cannot be a link then, links do not nest. */
export function hasMarkChild(node: MarkNode): boolean {
  return node.children.some(isMarkNode);
}

/**
 * The non-empty lines of `text` (paragraphs are one per line in the clean text), each as a list of nodes. Marks
 * nest when one holds another; marks that cross (or cross a line end) are split into pieces, and only the piece
 * where the mark starts has `anchor: true`, so an id is never given twice. Marks outside the text or empty are
 * left out. Lines that start before `from` (the headlines above the body) are left out. Never throws; the
 * concatenated text of a paragraph's nodes is exactly that line.
 */
export function markParagraphs(text: string, marks: readonly TextMark[], from = 0): MarkedNode[][] {
  const paragraphs: MarkedNode[][] = [];
  const ordered = [...marks].sort(
    (a, b) => a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // The headlines above the body are shown as the page's headings, not again as text.
  let lineStart = from;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (text.slice(lineStart, lineEnd).trim() !== "") {
      paragraphs.push(markLine(text, lineStart, lineEnd, ordered));
    }
    lineStart = lineEnd + 1;
  }
  return paragraphs;
}

/** One line [from, to) of `text` as nodes; `ordered` are all marks, sorted outermost first. */
function markLine(text: string, from: number, to: number, ordered: readonly TextMark[]): MarkedNode[] {
  const inLine = ordered.filter((m) => m.start < to && m.end > from && m.end > m.start);
  // Cut the line at every mark boundary: between two cuts the set of open marks does not change.
  const cuts = new Set<number>([from, to]);
  for (const m of inLine) {
    cuts.add(Math.max(m.start, from));
    cuts.add(Math.min(m.end, to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const root: MarkedNode[] = [];
  // The stack of open marks and the node list each one fills; stack[0] is the line itself.
  const stack: Array<{ mark: TextMark | null; node: MarkNode | null; children: MarkedNode[] }> = [{ mark: null, node: null, children: root }];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const active = inLine.filter((m) => m.start <= start && m.end >= end);
    // Keep the open marks that are still active in order; close the rest from the first that is not.
    let keep = 1;
    while (keep < stack.length && keep - 1 < active.length && stack[keep]!.mark === active[keep - 1]) keep++;
    stack.length = keep;
    for (const mark of active.slice(keep - 1)) {
      const node: MarkNode = { mark, anchor: mark.start === start, last: false, children: [] };
      stack[stack.length - 1]!.children.push(node);
      stack.push({ mark, node, children: node.children });
    }
    for (const open of stack.slice(1)) {
      const node = open.node!;
      node.last = open.mark!.end === end;
    }
    const target = stack[stack.length - 1]!.children;
    const piece = text.slice(start, end);
    const last = target[target.length - 1];
    if (last !== undefined && !isMarkNode(last)) last.text += piece;
    else target.push({ text: piece });
  }
  return root;
}

/**
 * The ids of the marks `paragraphs` carry as HTML ids (their anchor pieces), so a page links only to anchors that
 * exist: a mark in the headlines above `from` is never placed. Empty for no paragraphs.
 */
export function listPlacedIds(paragraphs: readonly (readonly MarkedNode[])[]): Set<string> {
  const placed = new Set<string>();
  const visit = (nodes: readonly MarkedNode[]): void => {
    for (const node of nodes) {
      if (!isMarkNode(node)) continue;
      if (node.anchor) placed.add(node.mark.id);
      visit(node.children);
    }
  };
  for (const nodes of paragraphs) visit(nodes);
  return placed;
}
