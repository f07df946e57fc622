/**
 * Shared fixtures of the hostile-input suite: two good reports that every case puts next to its bad
 * input, and the checks that prove nothing else was lost — the good reports give the same rows as
 * when they are run alone, and every input has exactly one fate in the build report.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";
import type { RunResult } from "../../src/pipeline/run.ts";
import { run, type TestFile } from "../support/pipeline.ts";

/** A meeting report: title, source and time lines, a dated lead, two directives (密云区, 2022-04-12). */
export const MEETING = [
  "密云区:紧盯形势 狠抓落实",
  "来源:密云区文明办",
  "时间:2022-04-13",
  "4月12日下午,密云区委书记余卫国主持召开疫情防控工作调度会。余卫国强调,要严格落实封控管理措施,加强核酸检测,做好重点人员排查。",
  "会议要求,各乡镇要压实属地责任,坚决守住不发生规模性疫情的底线。",
].join("\n");

/** A case bulletin: three case counts of 2022-04-25 (北京市, 朝阳区, 海淀区). */
export const BULLETIN = [
  "北京市新增3例本土确诊病例",
  "时间:2022-04-26",
  "4月25日0时至24时,北京市新增本土确诊病例3例,无症状感染者1例。其中朝阳区2例,海淀区1例。",
].join("\n");

/**
 * A third report, for the bad copies a case makes (cut, re-encoded, dated wrong): it shares no person,
 * district or day with the good ones, so merged rows (people, measures) of the good ones stay apart.
 */
export const OTHER = [
  "海淀区召开疫情防控工作会议",
  "时间:2022-05-10",
  "5月9日上午,海淀区委书记张革主持召开疫情防控工作会议。张革强调,要加强重点场所巡查,落实扫码测温。",
].join("\n");

/** The two good reports, as `run` takes them. */
export const GOOD: readonly TestFile[] = [
  { name: "good-meeting.txt", text: MEETING },
  { name: "good-bulletin.txt", text: BULLETIN },
];

/** Ids of the good reports. */
export const GOOD_IDS = ["good-bulletin", "good-meeting"];

let alone: Promise<RunResult> | undefined;

/** The good reports run without anything else: the reference every case compares with. */
export function runGoodAlone(): Promise<RunResult> {
  alone ??= run([...GOOD]);
  return alone;
}

/**
 * Every input a dataset row refers to: document ids (its doc_id, doc_ids, sources and directive ids,
 * `meeting-d001`) and CSV paths (source_path, sources with a path).
 */
function referencesOf(row: Record<string, unknown>): { ids: string[]; paths: string[] } {
  const ids: string[] = [];
  const paths: string[] = [];
  if (typeof row.doc_id === "string") ids.push(row.doc_id);
  if (Array.isArray(row.doc_ids)) ids.push(...row.doc_ids.map(String));
  if (typeof row.source_path === "string") paths.push(row.source_path);
  if (Array.isArray(row.sources)) {
    for (const source of row.sources as Array<Record<string, unknown>>) {
      if (typeof source.doc_id === "string") ids.push(source.doc_id);
      if (typeof source.path === "string") paths.push(source.path);
    }
  }
  if (Array.isArray(row.directive_ids)) ids.push(...row.directive_ids.map((id) => String(id).replace(/-d\d+$/, "")));
  return { ids, paths };
}

/**
 * The rows of `result` that come from the documents `ids` only (or from no document: districts,
 * measure categories, CSV rows of `csvPaths`), by dataset, and those documents' rows.
 */
export function rowsOf(result: RunResult, ids: readonly string[], csvPaths: readonly string[] = []): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = { documents: result.documents.map((d) => d.row).filter((r) => ids.includes(r.id)) };
  for (const [name, rows] of Object.entries(result.datasets)) {
    out[name] = rows.filter((row) => {
      const refs = referencesOf(row);
      return refs.ids.every((id) => ids.includes(id)) && refs.paths.every((path) => csvPaths.includes(path));
    });
  }
  return out;
}

/**
 * Assert the good reports were published with exactly the rows they give alone, and that they gave
 * rows at all (a case must not pass because nothing was published).
 */
export async function expectGoodUnchanged(result: RunResult): Promise<void> {
  const reference = await runGoodAlone();
  const before = rowsOf(reference, GOOD_IDS);
  expect(before.documents).toHaveLength(2);
  expect(before.directives?.length).toBeGreaterThan(0);
  expect(before.cases?.length).toBeGreaterThan(0);
  expect(rowsOf(result, GOOD_IDS)).toEqual(before);
}

/**
 * The fate of every input path in the build report, asserting that each of `paths` is listed exactly
 * once and nothing else is.
 */
export function fatesOf(result: RunResult, paths: readonly string[]): Record<string, string> {
  const listed = result.report.files.map((f) => f.path);
  expect(new Set(listed).size, "a path is listed twice").toBe(listed.length);
  expect([...listed].sort()).toEqual([...paths].sort());
  return Object.fromEntries(result.report.files.map((f) => [f.path, f.status]));
}

/** `data/raw/reports/` + name. */
export const reportPath = (name: string): string => `data/raw/reports/${name}`;

/** The paths of the good reports. */
export const GOOD_PATHS = GOOD.map((f) => reportPath(f.name));

const exec = promisify(execFile);

/**
 * A temporary repository root with data/raw/reports/, data/raw/cases/ and data/raw/risk-areas/
 * (empty) and a copy of data/reference/ without corrections, for the real `scripts/build-data.ts`.
 */
export async function makeRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "tongbao-hostile-"));
  for (const dir of ["data/raw/reports", "data/raw/cases", "data/raw/risk-areas"]) await mkdir(join(root, dir), { recursive: true });
  await cp(join(process.cwd(), "data/reference"), join(root, "data/reference"), { recursive: true });
  // The repository's corrections address its own reports, which this root does not have.
  await rm(join(root, "data/reference/corrections.csv"), { force: true });
  return root;
}

/**
 * Run the real `npm run data` script in `root` (its working folder) with `--today 2026-11-26`:
 * exit code and what it printed.
 */
export async function buildDataIn(root: string, args: string[] = []): Promise<{ code: number; stderr: string }> {
  const script = join(process.cwd(), "scripts/build-data.ts");
  try {
    const { stderr } = await exec(process.execPath, ["--experimental-strip-types", "--no-warnings", script, "--today", "2026-11-26", ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}
