/**
 * `npm run bench`: how fast the pipeline and the site build are on a large corpus, each beside its floor measured in
 * the same run.
 *
 *   npm run bench [-- --n 1000] [--seed 1] [--no-site] [--keep]
 *
 * It generates a corpus of N reports from the samples in data/raw/reports/ (src/bench/corpus.ts) inside a copy of
 * the project in the temp folder (the work tree is not touched), then runs, each in a fresh process:
 * `npm run data` there (cold), the same code twice in one process (warm), the pipeline's floor (read the same bytes,
 * decode them, a handful of regexes: src/bench/regexFloor.ts), the site build (src/build/site.ts), a bare Astro
 * build of N plain pages (the site's floor, src/bench/bareAstro.ts), and `npm run data` again after adding one
 * report. Progress goes to stderr; the table to stdout; the last line is a JSON summary (src/bench/summary.ts).
 * --no-site skips both site builds; --keep keeps the temp folder and prints where it is.
 *
 * Peak memory is each child's own `process.resourceUsage().maxRSS`, printed by a hook loaded with --import, and the
 * largest sum over a child and the processes it starts, sampled from /proc (a build may start other programs).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
// Only what the floor's process needs is imported here; the pipeline's modules are imported where they are used, so
// that the floor's fresh process does not pay for loading them.
import type { Corpus } from "../src/bench/corpus.ts";
import { scanFloor } from "../src/bench/regexFloor.ts";
import { getBareAstroProject } from "../src/bench/bareAstro.ts";
import { formatBenchTable, getBenchSummary, type BenchFigures } from "../src/bench/summary.ts";
import { getScriptNodeFlags, type PackageJson } from "../src/bench/scriptFlags.ts";
import { sampleTreePeak } from "../src/bench/processTree.ts";

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = resolve(dirname(SCRIPT), "..");
// The build's "today": every generated date is on or before it (src/bench/corpus.ts keeps them in 2020–2022), so
// no report is rejected for a date in the future, whenever the bench runs.
const TODAY = "2023-12-31";
const NODE_FLAGS = ["--experimental-strip-types", "--no-warnings=ExperimentalWarning"];
// Prints the child's peak RSS (kB on Linux) and CPU time (user + system, µs, all threads) on stderr as it exits,
// whatever the script does. CPU time is what a shared, loaded machine inflates least.
const RSS_HOOK = `data:text/javascript,${encodeURIComponent('process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nbench-usage "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})')}`;
/** Top-level entries of the repository the copy leaves out: outputs, history, tests, caches. */
const SKIP_TOP = new Set(["node_modules", "dist", ".git", ".astro", "test"]);
/** Caches inside node_modules a copy must not share with the repository (Astro's data store, Vite's). */
const SKIP_MODULES = new Set([".astro", ".vite", ".vite-temp", ".vitest-cache", ".cache"]);

/** What a child process gave back. */
interface ChildRun {
  /** wall time from spawn to exit */
  seconds: number;
  /** CPU time of the process (user + system, all its threads) */
  cpuS: number;
  stdout: string;
  stderr: string;
  peakRssMb: number;
  /** the largest sum of the resident memory of the process and the processes it started, sampled (Linux; else NaN) */
  treePeakRssMb: number;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/**
 * Run `node <args>` in `cwd` (with `flags` besides NODE_FLAGS), timing it from spawn to exit; rejects when it fails,
 * with its stderr's tail.
 */
function runNode(args: string[], cwd: string, flags: readonly string[] = []): Promise<ChildRun> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...NODE_FLAGS, ...flags, "--import", RSS_HOOK, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const tree = child.pid === undefined ? { stop: () => Number.NaN } : sampleTreePeak(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => {
      tree.stop();
      fail(error);
    });
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const treePeakRssMb = tree.stop();
      const usage = [...stderr.matchAll(/bench-usage (\d+) (\d+)/g)].at(-1);
      if (code !== 0) {
        fail(new Error(`node ${args.join(" ")} (in ${cwd}) exited with ${code}:\n${stderr.slice(-3000)}`));
        return;
      }
      done({ seconds, stdout, stderr, cpuS: usage === undefined ? Number.NaN : Number(usage[2]) / 1e6, peakRssMb: usage === undefined ? Number.NaN : Number(usage[1]) / 1024, treePeakRssMb });
    });
  });
}

/** Total size in bytes of the files under `dir` (links not followed). */
async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await lstat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Every file under `dir`, absolute paths, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !/^readme/i.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();
}

/** A copy of the repository without outputs, tests and caches; node_modules a folder of links to the repository's. */
async function copyProject(target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(REPO)) {
    if (SKIP_TOP.has(entry) || entry.startsWith("dist.tmp")) continue;
    await cp(join(REPO, entry), join(target, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(join(REPO, "data", "build")) && !source.startsWith(join(REPO, "data", "raw", "reports")),
    });
  }
  // The editors' corrections name rows of the sample reports, which the corpus replaces: without them, the run
  // would stop on the first unknown row. Only the header stays.
  const corrections = join(target, "data/reference/corrections.csv");
  const header = (await readFile(corrections, "utf8")).split("\n")[0]!;
  await writeFile(corrections, `${header}\n`);
  await linkModules(target);
}

async function linkModules(target: string): Promise<void> {
  await mkdir(join(target, "node_modules"), { recursive: true });
  for (const entry of await readdir(join(REPO, "node_modules"))) {
    if (SKIP_MODULES.has(entry)) continue;
    await symlink(join(REPO, "node_modules", entry), join(target, "node_modules", entry));
  }
}

async function writeCorpusFiles(dir: string, files: Corpus["files"]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(join(dir, file.path), file.bytes);
}

/**
 * The reports a run of build-data analysed and the documents it extracted anew, from its cache line (`reports
 * analysed 1, reused 10000; extractions computed 1, reused 9800`).
 */
function recomputedIn(stderr: string): { analysed: number; extracted: number } {
  const found = /reports analysed (\d+), reused \d+; extractions computed (\d+)/.exec(stderr);
  if (found === null) throw new Error(`npm run data printed no cache line: expected "reports analysed N, reused N; extractions computed N", found:\n${stderr.slice(-1000)}`);
  return { analysed: Number(found[1]), extracted: Number(found[2]) };
}

/**
 * measure-categories.csv with one more keyword in its last row's keyword list: the edit an editor makes most. The
 * file's columns are read from its header, so a reordered file still works.
 */
function addCategoryKeyword(csv: string): string {
  const lines = csv.replace(/\n+$/, "").split("\n");
  const column = lines[0]!.split(",").indexOf("keywords");
  if (column < 0) throw new Error(`measure-categories.csv has no keywords column: found header ${JSON.stringify(lines[0])}`);
  const cells = lines.at(-1)!.split(",");
  cells[column] = `${cells[column]!.replace(/"$/, "")}|基准测试词${cells[column]!.endsWith('"') ? '"' : ""}`;
  lines[lines.length - 1] = cells.join(",");
  return `${lines.join("\n")}\n`;
}

// ---- Children: each measured in a fresh process, started by the parent with --child. ----

/** The pipeline as scripts/build-data.ts runs it, twice in this process: prints both times as JSON. */
async function childPipelineWarm(): Promise<void> {
  const { readCsvInputs, readInputs } = await import("../src/build/inputs.ts");
  const { loadCorrections, loadReference } = await import("../src/build/reference.ts");
  const { writeFolderAtomically } = await import("../src/build/write.ts");
  const { emitDatasets } = await import("../src/pipeline/emit/datasets.ts");
  const { runPipeline } = await import("../src/pipeline/run.ts");
  const root = process.cwd();
  const once = async (): Promise<number> => {
    const started = performance.now();
    const reference = (await loadReference(root, resolve(root, "data/reference"))).value;
    const corrections = (await loadCorrections(root, resolve(root, "data/reference"))).value;
    if (reference === null || corrections === null) throw new Error("the reference data of the copy is invalid");
    const reports = await readInputs(root, resolve(root, "data/raw/reports"));
    const cases = await readCsvInputs(root, resolve(root, "data/raw/cases"));
    const riskAreas = await readCsvInputs(root, resolve(root, "data/raw/risk-areas"));
    const result = runPipeline(
      { ...reports, unreadable: [...reports.unreadable, ...cases.unreadable, ...riskAreas.unreadable], caseCsv: cases.files, riskAreaCsv: riskAreas.files, corrections },
      reference,
      { today: TODAY },
    );
    await writeFolderAtomically(resolve(root, "data/build-warm"), emitDatasets(result));
    return (performance.now() - started) / 1000;
  };
  const cold = await once();
  const warm = await once();
  process.stdout.write(`${JSON.stringify({ cold, warm })}\n`);
}

/** The pipeline's floor over the same inputs, twice in this process: prints both times and the scan as JSON. */
async function childPipelineFloor(): Promise<void> {
  const root = process.cwd();
  const once = async () => {
    const started = performance.now();
    const gazetteer = await readFile(resolve(root, "data/reference/gazetteer.csv"), "utf8");
    const districts = gazetteer.split("\n").filter((line) => line.startsWith("district,")).map((line) => line.split(",")[2]!);
    const paths = [
      ...(await filesUnder(resolve(root, "data/raw/reports"))),
      ...(await filesUnder(resolve(root, "data/raw/cases"))),
      ...(await filesUnder(resolve(root, "data/raw/risk-areas"))),
    ];
    // Read synchronously: the least it costs to get the bytes (awaiting readFile file by file, as the pipeline's
    // reader does, costs ~0.2 ms a file in the thread pool's round trips: 3 s of 15,000 files).
    const files: Uint8Array[] = [];
    for (const path of paths) files.push(new Uint8Array(readFileSync(path)));
    const scan = scanFloor(files, districts);
    return { seconds: (performance.now() - started) / 1000, scan };
  };
  const cold = await once();
  const warm = await once();
  process.stdout.write(`${JSON.stringify({ cold: cold.seconds, warm: warm.seconds, scan: warm.scan })}\n`);
}

/** The site build of the copy in cwd, from its data/build into its dist. */
async function childSite(): Promise<void> {
  const { buildSite } = await import("../src/build/site.ts");
  const root = process.cwd();
  await buildSite({ root, target: join(root, "dist"), dataDir: join(root, "data/build") });
}

/** `astro build` of the bare project in cwd. */
async function childAstroFloor(): Promise<void> {
  const { build } = await import("astro");
  await build({ root: process.cwd(), logLevel: "warn" });
}

// ---- The parent. ----

async function main(): Promise<number> {
  const args = parseArgs({
    options: {
      n: { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      "no-site": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      child: { type: "string" },
    },
    allowPositionals: false,
  }).values;
  if (args.child !== undefined) {
    const children: Record<string, () => Promise<void>> = {
      "pipeline-warm": childPipelineWarm,
      "pipeline-floor": childPipelineFloor,
      site: childSite,
      "astro-floor": childAstroFloor,
    };
    const run = children[args.child];
    if (run === undefined) throw new Error(`--child is not a child: expected one of ${Object.keys(children).join(", ")}, found ${JSON.stringify(args.child)}`);
    await run();
    return 0;
  }
  const n = Number(args.n);
  const seed = Number(args.seed);
  if (!Number.isInteger(n) || n < 1) {
    log(`--n is not a count: expected a whole number of reports of at least 1, found ${JSON.stringify(args.n)}`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    log(`--seed is not a seed: expected a whole number, found ${JSON.stringify(args.seed)}`);
    return 2;
  }

  // Load inputs.
  const { readInputs } = await import("../src/build/inputs.ts");
  const { loadReference } = await import("../src/build/reference.ts");
  const { runPipeline } = await import("../src/pipeline/run.ts");
  const { generateCorpus } = await import("../src/bench/corpus.ts");
  const { getCorpusTemplates } = await import("../src/bench/templates.ts");
  const work = await mkdtemp(join(tmpdir(), "tongbao-bench-"));
  const project = join(work, "project");
  try {
    const reference = await loadReference(REPO, resolve(REPO, "data/reference"));
    if (reference.value === null) throw new Error("data/reference/ is invalid: run npm run data to see why");
    const samples = await readInputs(REPO, resolve(REPO, "data/raw/reports"));
    const sampleRun = runPipeline({ ...samples, caseCsv: [], riskAreaCsv: [] }, reference.value, { today: TODAY });
    const templates = getCorpusTemplates(samples.reports, sampleRun.report);
    const corpus = generateCorpus(templates, reference.value.gazetteer, { n: n + 1, seed });
    // The last report is held back: it is the one added for the incremental figure.
    const extra = corpus.intended.at(-1)!.path;
    const extraStem = extra.slice(0, extra.lastIndexOf("."));
    const isExtra = (path: string) => path.startsWith(`${extraStem}.`);
    for (const skipped of corpus.skipped) log(`sample ${skipped.template} not used: ${skipped.reason}`);
    log(`copying the project into ${project}`);
    await copyProject(project);
    const reportsDir = join(project, "data/raw/reports");
    await writeCorpusFiles(reportsDir, corpus.files.filter((f) => !isExtra(f.path)));
    log(`wrote ${n} reports (${corpus.files.filter((f) => !isExtra(f.path)).length} files) from ${templates.length - corpus.skipped.length} samples, seed ${seed}`);

    // Process.
    log("pipeline floor (fresh process)");
    const floorRun = await runNode([SCRIPT, "--child", "pipeline-floor"], project);
    const floor = JSON.parse(floorRun.stdout.trim().split("\n").at(-1)!) as { cold: number; warm: number; scan: { bytes: number; files: number } };
    log("pipeline cold: npm run data (fresh process)");
    // The builds run with the Node flags their npm scripts give them (package.json), so that they are what users run.
    const pkg = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as PackageJson;
    const flagsOf = (script: string) => getScriptNodeFlags(pkg, script).filter((flag) => !NODE_FLAGS.includes(flag));
    const dataArgs = [join(project, "scripts/build-data.ts"), "--today", TODAY];
    const cold = await runNode(dataArgs, project, flagsOf("data"));
    log("pipeline warm (the same code twice in one process)");
    const warmRun = await runNode([SCRIPT, "--child", "pipeline-warm"], project);
    const warm = JSON.parse(warmRun.stdout.trim().split("\n").at(-1)!) as { cold: number; warm: number };
    await rm(join(project, "data/build-warm"), { recursive: true, force: true });
    const buildReport = JSON.parse(await readFile(join(project, "data/build/build-report.json"), "utf8")) as { summary: { published: number; rejected: number } };
    // The datasets apart from the cache the cold run left beside them in data/build/cache/.
    const cacheBytes = await sizeOf(join(project, "data/build/cache"));
    const dataBytes = (await sizeOf(join(project, "data/build"))) - cacheBytes;

    let site: BenchFigures["site"] = null;
    if (!args["no-site"]) {
      log(`site build of ${buildReport.summary.published} published reports (fresh process)`);
      const siteRun = await runNode([SCRIPT, "--child", "site"], project, flagsOf("site"));
      const html = (await filesUnder(join(project, "dist"))).filter((p) => p.endsWith(".html")).length;
      const siteBytes = await sizeOf(join(project, "dist"));
      const bareBuild = async (pages: number): Promise<ChildRun> => {
        const bare = join(work, `bare-${pages}`);
        await mkdir(join(bare, "src/pages"), { recursive: true });
        for (const file of getBareAstroProject(pages)) await writeFile(join(bare, file.path), file.text);
        await linkModules(bare);
        log(`site floor: bare Astro build of ${pages} plain pages (fresh process)`);
        return runNode([SCRIPT, "--child", "astro-floor"], bare);
      };
      const floorSite = await bareBuild(html);
      const reportFloor = await bareBuild(n);
      site = {
        s: siteRun.seconds,
        cpuS: siteRun.cpuS,
        pages: html,
        floorS: floorSite.seconds,
        floorCpuS: floorSite.cpuS,
        floorPages: html,
        reportFloorS: reportFloor.seconds,
        reportFloorCpuS: reportFloor.cpuS,
        peakRssMb: siteRun.peakRssMb,
        floorPeakRssMb: floorSite.peakRssMb,
        treePeakRssMb: siteRun.treePeakRssMb,
        outputBytes: siteBytes,
      };
    }

    log("incremental: one report added, npm run data again (fresh process, with the cache the cold run filled)");
    await writeCorpusFiles(reportsDir, corpus.files.filter((f) => isExtra(f.path)));
    const incremental = await runNode(dataArgs, project, flagsOf("data"));
    log("reference edit: a keyword added to measure-categories.csv, npm run data again");
    const categories = join(project, "data/reference/measure-categories.csv");
    await writeFile(categories, addCategoryKeyword(await readFile(categories, "utf8")));
    const referenceEdit = await runNode(dataArgs, project, flagsOf("data"));

    // Save outputs.
    const figures: BenchFigures = {
      n,
      published: buildReport.summary.published,
      rejected: buildReport.summary.rejected,
      inputBytes: floor.scan.bytes,
      pipeline: {
        coldS: cold.seconds,
        coldCpuS: cold.cpuS,
        warmS: warm.warm,
        floorColdS: floorRun.seconds,
        floorColdCpuS: floorRun.cpuS,
        floorWarmS: floor.warm,
        // The `npm run data` processes: cold, one report added, a reference edit. The warm child is not one (it runs
        // the pipeline twice in one process, without cache, holding both runs' garbage).
        peakRssMb: Math.max(cold.peakRssMb, incremental.peakRssMb, referenceEdit.peakRssMb),
      },
      site,
      incrementalS: incremental.seconds,
      incrementalAnalysed: recomputedIn(incremental.stderr).analysed,
      referenceEditS: referenceEdit.seconds,
      referenceEditAnalysed: recomputedIn(referenceEdit.stderr).analysed,
      referenceEditExtracted: recomputedIn(referenceEdit.stderr).extracted,
      dataBytes,
      cacheBytes,
    };
    const [load1, load5] = loadavg();
    process.stdout.write(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown"}), ${Math.round(totalmem() / 1024 ** 3)} GB memory, load average ${load1!.toFixed(2)} / ${load5!.toFixed(2)} (1 / 5 min) at the end; node ${process.version}\n`);
    const reportBytes = corpus.files.filter((f) => !isExtra(f.path)).reduce((sum, f) => sum + f.bytes.length, 0);
    process.stdout.write(`corpus: ${n} reports (${figures.published} published, ${figures.rejected} rejected as intended), ${floor.scan.files} input files: ${(reportBytes / 1024 ** 2).toFixed(2)} MB of reports and sidecars, ${((floor.scan.bytes - reportBytes) / 1024 ** 2).toFixed(2)} MB of CSV tables; seed ${seed}\n\n`);
    for (const line of formatBenchTable(figures)) process.stdout.write(`${line}\n`);
    process.stdout.write(`\n${JSON.stringify(getBenchSummary(figures))}\n`);
    return 0;
  } finally {
    if (args.keep) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: the run broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
