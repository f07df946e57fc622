/**
 * Provenance against the repository's own reports: every published document of data/raw/reports, run
 * through the whole pipeline, points each extracted field at a span of its file, and the title and
 * source can be read back from the file at their spans.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../../src/build/inputs.ts";
import { removePinyin } from "../../../src/pipeline/clean/pinyin.ts";
import { convertLines } from "../../../src/pipeline/clean/traditional.ts";
import { PROVENANCE_FIELDS, type ProvenanceField } from "../../../src/pipeline/records.ts";
import { runPipeline, type PublishedDocument } from "../../../src/pipeline/run.ts";
import { getReference, run } from "../../support/pipeline.ts";

const FIELDS = PROVENANCE_FIELDS;

async function publishAll(): Promise<PublishedDocument[]> {
  const root = process.cwd();
  const input = await readInputs(root, resolve(root, "data/raw/reports"));
  return runPipeline({ ...input, caseCsv: [], riskAreaCsv: [] }, await getReference(), { today: "2026-11-26" }).documents;
}
const published = publishAll();

/** The file's text at a span as the clean stage would read it: pinyin removed, Simplified, spaces collapsed. */
function readBack(original: string, [start, end]: [number, number], script: string): string {
  let text = removePinyin(original.slice(start, end)).text;
  if (script === "traditional") text = convertLines(text).text;
  return collapse(text);
}
const collapse = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, " ").trim();

describe("provenance of the published reports in data/raw/reports", () => {
  it("lists the fields in the order the published provenance keys follow", () => {
    expect(FIELDS).toEqual(["title", "pre_title", "subtitle", "source", "published_date", "event_date", "reporters", "editor", "districts"]);
  });

  it("publishes some documents", async () => {
    expect((await published).length).toBeGreaterThanOrEqual(20);
  });

  it("gives every extracted field with a value spans inside its file, sorted, with the line:column of their start", async () => {
    for (const { row, doc } of await published) {
      const provenance = row.provenance as Partial<Record<ProvenanceField, Array<{ start: number; end: number; line: number; column: number }>>>;
      expect(Object.keys(provenance), row.id).toEqual(FIELDS.filter((f) => f in provenance));
      const lines = doc.original.split(/\r\n|\r|\n/);
      for (const field of FIELDS) {
        const value = row[field];
        const hasValue = Array.isArray(value) ? value.length > 0 : value !== null;
        const spans = provenance[field];
        // Extracted values have spans; supplied fields and null values have none.
        expect(spans !== undefined, `${row.id} ${field}`).toBe(hasValue && !row.supplied.includes(field));
        for (const [i, span] of (spans ?? []).entries()) {
          const where = `${row.id} ${field} ${JSON.stringify(span)}`;
          expect(0 <= span.start && span.start < span.end && span.end <= doc.original.length, where).toBe(true);
          if (i > 0) expect(span.start, where).toBeGreaterThanOrEqual(spans![i - 1]!.start);
          // line:column counts lines and code points: the lines before plus the columns give the start again.
          const before = lines.slice(0, span.line - 1).reduce((n, l) => n + l.length, 0);
          const breaks = doc.original.slice(0, span.start).match(/\r\n|\r|\n/g)?.reduce((n, b) => n + b.length, 0) ?? 0;
          const column = Array.from(lines[span.line - 1]!).slice(0, span.column - 1).join("").length;
          expect(before + breaks + column, where).toBe(span.start);
        }
      }
    }
  });

  it("reads the title and the source back from the file at their spans", async () => {
    let checked = 0;
    for (const { row, doc } of await published) {
      for (const field of ["title", "source"] as const) {
        const spans = row.provenance[field];
        if (spans === undefined) continue;
        const value = row[field]!;
        const text = spans.map((s) => readBack(doc.original, [s.start, s.end], row.script)).join(" ");
        expect(text, `${row.id} ${field}`).toContain(collapse(value));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});

describe("provenance of a page whose headline is only its <title>", () => {
  it("points the title at the text of the <title> element, and the rest into the body", async () => {
    const html =
      "<html><head><title>措施落实从严从细 屏障筑牢毫不松懈_开发区新闻</title></head><body><p>发布时间:2022-06-07</p><p>6月4日晚,海淀区召开疫情防控工作会议,研究部署下一步工作。</p></body></html>";
    const { documents } = await run([{ name: "x.html", text: html }]);
    const row = documents[0]!.row;
    expect(row.title).toBe("措施落实从严从细 屏障筑牢毫不松懈");
    expect(row.provenance).toEqual({
      title: [{ start: 19, end: 42, line: 1, column: 20 }],
      published_date: [{ start: 71, end: 81, line: 1, column: 72 }],
      event_date: [{ start: 88, end: 92, line: 1, column: 89 }],
      districts: [{ start: 94, end: 97, line: 1, column: 95 }],
    });
    const at = Object.values(row.provenance).map((spans) => spans.map((s) => html.slice(s.start, s.end)));
    expect(at).toEqual([["措施落实从严从细 屏障筑牢毫不松懈_开发区新闻"], ["2022-06-07"], ["6月4日"], ["海淀区"]]);
  });
});
