/**
 * Hostile input: sizes. A 50 MB report and 10,000 tiny files, generated in a temporary folder
 * (never committed), read by `readInputs` and run through `runPipeline` like `npm run data` does.
 * SLOW: these tests take seconds each and have raised timeouts.
 */
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/build/inputs.ts";
import { MAX_TEXT_LENGTH } from "../../src/pipeline/decode/source.ts";
import { formatIssue } from "../../src/pipeline/issues.ts";
import { runPipeline, type RunResult } from "../../src/pipeline/run.ts";
import { getReference } from "../support/pipeline.ts";
import { expectGoodUnchanged, fatesOf, GOOD, GOOD_PATHS, OTHER, reportPath } from "./fixtures.ts";

const MB = 1024 * 1024;

/** A temporary root with the good reports and `files` in data/raw/reports/, read and run as the build does. */
async function buildWith(files: Array<[name: string, content: string | Uint8Array]>): Promise<RunResult> {
  const root = await mkdtemp(join(tmpdir(), "tongbao-sizes-"));
  const dir = join(root, "data/raw/reports");
  await mkdir(dir, { recursive: true });
  for (const file of GOOD) await writeFile(join(dir, file.name), file.text!);
  for (const [name, content] of files) await writeFile(join(dir, name), content);
  const input = await readInputs(root, dir);
  return runPipeline({ ...input, caseCsv: [], riskAreaCsv: [] }, await getReference(), { today: "2026-11-26" });
}

describe("hostile sizes (slow)", () => {
  it("rejects a 50 MB text report as too long, quickly, and publishes the good reports", async () => {
    const paragraph = `${OTHER.split("\n")[2]}\n`;
    const text = `${OTHER}\n${paragraph.repeat(Math.ceil((50 * MB) / Buffer.byteLength(paragraph)))}`;
    const started = performance.now();
    const result = await buildWith([["huge.txt", text]]);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("huge.txt")])[reportPath("huge.txt")]).toBe("rejected");
    expect(result.issues).toMatchObject([{ code: "file-too-large", severity: "error", path: reportPath("huge.txt"), line: null }]);
    expect(result.issues[0]?.message).toBe(`report text is too long: expected at most ${MAX_TEXT_LENGTH} characters, found ${text.length} (in ${Buffer.byteLength(text)} bytes)`);
    await expectGoodUnchanged(result);
  }, 120_000);

  it("publishes a 50 MB page whose bulk is an inlined image, as it publishes the page without it", async () => {
    const [title, time, lead] = OTHER.split("\n");
    const page = (image: string) => `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${time}</p><img src="data:image/png;base64,${image}"><p>${lead}</p></body></html>`;
    const result = await buildWith([["page.html", page("iVBORw0KGgo".repeat(Math.ceil((50 * MB) / 11)))]]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("page.html")])[reportPath("page.html")]).toBe("published");
    expect(result.issues).toEqual([]);
    const small = await buildWith([["page.html", page("iVBORw0KGgo")]]);
    const rowsOfPage = (r: RunResult) => Object.fromEntries(Object.entries(r.datasets).map(([name, rows]) => [name, rows.filter((row) => row.doc_id === "page")]));
    expect(rowsOfPage(result)).toEqual(rowsOfPage(small));
    expect(rowsOfPage(result).directives).toHaveLength(1);
    expect(result.documents.find((d) => d.row.id === "page")?.doc.text).toBe(small.documents.find((d) => d.row.id === "page")?.doc.text);
    await expectGoodUnchanged(result);
  }, 120_000);

  it("publishes a report just under the limit", async () => {
    const paragraph = `${OTHER.split("\n")[2]}\n`;
    const text = `${OTHER}\n${paragraph.repeat(Math.floor((MAX_TEXT_LENGTH - OTHER.length - 1) / paragraph.length))}`;
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    const result = await buildWith([["long.txt", text]]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("long.txt")])[reportPath("long.txt")]).toBe("published");
    expect(result.issues).toEqual([]);
    await expectGoodUnchanged(result);
  }, 120_000);

  it("accounts for 10,000 tiny files, each once, and publishes those that are reports", async () => {
    // Every tenth file is a complete report (title, time, a directive); the others are a few bytes of
    // text without a title or date, an empty file, or a copy of the file before.
    const files: Array<[string, string]> = [];
    for (let i = 0; i < 10_000; i++) {
      const name = `tiny-${String(i).padStart(5, "0")}.txt`;
      const kind = i % 10;
      const content =
        kind === 0
          ? `第${i}号通报\n时间:2022-05-10\n区委书记张革强调,要加强第${i}片区巡查。`
          : kind === 1
            ? ""
            : kind === 2
              ? `北京${i}`
              : kind === 3
                ? `北京${i - 1}`
                : `${i}`;
      files.push([name, content]);
    }
    const started = performance.now();
    const result = await buildWith(files);
    expect(performance.now() - started).toBeLessThan(150_000);
    const paths = files.map(([name]) => reportPath(name));
    const fates = fatesOf(result, [...GOOD_PATHS, ...paths]);
    const published = paths.filter((p) => fates[p] === "published");
    expect(published).toEqual(paths.filter((_, i) => i % 10 === 0));
    expect(result.report.summary).toMatchObject({ files: 10_002, reports: 10_002, published: 1_002, rejected: 9_000 });
    // Every rejected file says why.
    expect(result.report.files.filter((f) => f.status === "rejected" && f.issues.length === 0)).toEqual([]);
    expect(result.issues.filter((i) => i.path === reportPath("tiny-00003.txt")).map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/tiny-00003.txt: file has the same content as data/raw/reports/tiny-00002.txt: expected each report once, found a copy
        hint: remove one of the two files (only the first, data/raw/reports/tiny-00002.txt, is read)",
      ]
    `);
    await expectGoodUnchanged(result);
  }, 180_000);
});
