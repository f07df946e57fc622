/**
 * The briefings' files the site build writes itself (src/build/briefingFiles.ts): one wechat.html, briefing.md and
 * figures.csv beside every briefing page of the plan, the weekly cases chart as a PNG, nothing else; a worker that
 * fails rejects with its reason.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeBriefingFiles, writeBriefingFilesInWorker } from "../../src/build/briefingFiles.ts";
import { getBriefingContext } from "../../src/lib/briefing/briefingRows.ts";
import { listWeeklyChartIds } from "../../src/lib/briefing/briefingCharts.ts";
import { getBriefingPath, getWeeklyBriefingPath } from "../../src/lib/briefing/briefingPaths.ts";
import { listFiles } from "../browser/support/builtSite.ts";

const DATA = join(process.cwd(), "data/build");
const folders: string[] = [];
const saved = { data: process.env.TONGBAO_DATA_DIR, run: process.env.TONGBAO_BUILD_RUN };

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  for (const [name, value] of [["TONGBAO_DATA_DIR", saved.data], ["TONGBAO_BUILD_RUN", saved.run]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("writeBriefingFiles", () => {
  it.skipIf(!existsSync(join(DATA, "documents.json")))("writes the three formats beside every briefing of the plan, and the weekly cases charts", async () => {
    process.env.TONGBAO_DATA_DIR = DATA;
    process.env.TONGBAO_BUILD_RUN = "briefing-files-test";
    const folder = await mkdtemp(join(tmpdir(), "tongbao-briefing-files-"));
    folders.push(folder);
    const written = await writeBriefingFiles(folder, "https://tongbao.example.org", "/");
    const { index, plan } = await getBriefingContext();
    const expected: string[] = [];
    const formats = ["briefing.md", "figures.csv", "wechat.html"];
    for (const date of plan.dates) expected.push(...formats.map((f) => `${getBriefingPath(date)}${f}`));
    for (const d of plan.districtDays) expected.push(...formats.map((f) => `${getBriefingPath(d.date, d.slug)}${f}`));
    for (const week of plan.weeks) {
      expected.push(...formats.map((f) => `${getWeeklyBriefingPath(week)}${f}`));
      if (listWeeklyChartIds(index, week).includes("cases")) expected.push(`${getWeeklyBriefingPath(week)}cases.png`);
    }
    expect(plan.districtDays.length).toBeGreaterThan(0);
    expect(expected.some((path) => path.endsWith(".png"))).toBe(true);
    const onDisk = await listFiles(folder);
    expect(onDisk).toEqual(expected.map((path) => path.slice(1)).sort());
    expect([...written].sort()).toEqual(onDisk);
    const png = expected.find((path) => path.endsWith(".png"))!;
    expect(readFileSync(join(folder, png)).subarray(1, 4).toString("latin1")).toBe("PNG");
    const markdown = readFileSync(join(folder, `${getBriefingPath(plan.dates[0]!).slice(1)}briefing.md`), "utf8");
    expect(markdown).toContain(`https://tongbao.example.org${getBriefingPath(plan.dates[0]!)}`);
  }, 120_000);

  it("rejects, with the worker's reason, when the datasets cannot be read", async () => {
    const folder = await mkdtemp(join(tmpdir(), "tongbao-briefing-files-"));
    folders.push(folder);
    process.env.TONGBAO_DATA_DIR = join(folder, "no-data");
    process.env.TONGBAO_BUILD_RUN = "briefing-files-test-missing";
    await expect(writeBriefingFilesInWorker(join(folder, "site"), "https://tongbao.example.org", "/").done).rejects.toThrow(/the briefing files were not written: .*no-data/s);
  }, 60_000);

  it.skipIf(!existsSync(join(DATA, "documents.json")))("stops when asked: the worker ends and done rejects", async () => {
    const folder = await mkdtemp(join(tmpdir(), "tongbao-briefing-files-"));
    folders.push(folder);
    process.env.TONGBAO_DATA_DIR = DATA;
    process.env.TONGBAO_BUILD_RUN = "briefing-files-test-stop";
    const job = writeBriefingFilesInWorker(folder, "https://tongbao.example.org", "/");
    await job.stop();
    await expect(job.done).rejects.toThrow(/the briefing files were not written: the build stopped the worker/);
  }, 60_000);
});
