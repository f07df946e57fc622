/**
 * `npm run data`: build the datasets in data/build/ from the reports in data/raw/reports/.
 *
 *   npm run data [-- --strict] [--input DIR] [--cases DIR] [--risk-areas DIR] [--out DIR]
 *                [--reference DIR] [--today YYYY-MM-DD] [--as-of YYYY-MM-DD] [--no-cache]
 *
 * --as-of builds the datasets as they stood on that day (an archived snapshot, src/pipeline/asOf.ts); `today`
 * is then that day unless --today says otherwise. Every run first checks the snapshots of data/archive/ against
 * their manifests (src/build/archive.ts) and breaks (exit 2, nothing written) when one differs.
 *
 * Each report's analysis and extraction are cached in OUT/cache/ (src/pipeline/cache/stageCache.ts): a rebuild
 * computes only the reports that are new or changed, or that read reference data that changed. The datasets are
 * the same with or without it; --no-cache neither reads nor writes it (a snapshot's build).
 *
 * Exit status: 0 when the run worked, even if some inputs were rejected (an office must still
 * publish the good reports); 1 with --strict when any input was rejected; 2 when the run itself
 * broke (bad arguments, unreadable reference data, a bug), in which case nothing is written.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { readCsvInputs, readInputs } from "../src/build/inputs.ts";
import { streamLogger } from "../src/build/progress.ts";
import { loadCorrections, loadReference } from "../src/build/reference.ts";
import { summarize } from "../src/build/summary.ts";
import { writeFolderAtomically } from "../src/build/write.ts";
import { ARCHIVE_HINT, verifyArchives } from "../src/build/archive.ts";
import { isAsOfDate } from "../src/pipeline/asOf.ts";
import { emitDatasetFiles } from "../src/pipeline/emit/datasets.ts";
import { formatIssue } from "../src/pipeline/issues.ts";
import { beijingDateOf } from "../src/pipeline/parse/date.ts";
import { normalizeSuppliedDate } from "../src/pipeline/parse/supplied.ts";
import { ANALYSIS_STAGE, getAnalysisKey, runPipeline } from "../src/pipeline/run.ts";
import { warmCacheInParallel } from "../src/build/cacheWorkers.ts";
import { CACHE_FOLDER, FILE_VERSIONS, openStageCache } from "../src/build/stageCacheFiles.ts";

async function main(): Promise<number> {
  const logger = streamLogger(process.stderr);
  let args;
  try {
    args = parseArgs({
      options: {
        strict: { type: "boolean", default: false },
        input: { type: "string", default: "data/raw/reports" },
        cases: { type: "string", default: "data/raw/cases" },
        "risk-areas": { type: "string", default: "data/raw/risk-areas" },
        out: { type: "string", default: "data/build" },
        reference: { type: "string", default: "data/reference" },
        today: { type: "string" },
        "as-of": { type: "string" },
        "no-cache": { type: "boolean", default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    logger.info(`build-data: ${error instanceof Error ? error.message : String(error)}`);
    logger.info("usage: npm run data -- [--strict] [--input DIR] [--cases DIR] [--risk-areas DIR] [--out DIR] [--reference DIR] [--today YYYY-MM-DD] [--as-of YYYY-MM-DD] [--no-cache]");
    return 2;
  }
  const root = process.cwd();
  const asOf = args["as-of"];
  if (asOf !== undefined && !isAsOfDate(asOf)) {
    logger.info(`build-data: --as-of is not a date: expected a real day written YYYY-MM-DD, found ${JSON.stringify(asOf)}`);
    return 2;
  }
  // As of a day, the build runs as it would have on that day: same inputs, same bytes, whenever it is run.
  const today = args.today ?? asOf ?? beijingDateOf(new Date());
  if (normalizeSuppliedDate(today) !== today) {
    logger.info(`build-data: --today is not a date: expected YYYY-MM-DD, found ${JSON.stringify(today)}`);
    return 2;
  }

  // Load inputs.
  const archiveProblems = await verifyArchives(resolve(root, "data/archive"), root);
  if (archiveProblems.length > 0) {
    for (const message of archiveProblems) logger.info(message);
    logger.info(`  hint: ${ARCHIVE_HINT}`);
    logger.info(`build-data: ${archiveProblems.length} problems in the archived snapshots; nothing was written`);
    return 2;
  }
  const reference = await loadReference(root, resolve(root, args.reference));
  if (reference.value === null) {
    for (const issue of reference.issues) logger.info(formatIssue(issue));
    logger.info("build-data: reference data is invalid; nothing was written");
    return 2;
  }
  const corrections = await loadCorrections(root, resolve(root, args.reference));
  if (corrections.value === null) {
    for (const issue of corrections.issues) logger.info(formatIssue(issue));
    logger.info("build-data: the corrections are invalid; nothing was written");
    return 2;
  }
  const reportInputs = await readInputs(root, resolve(root, args.input));
  const cases = await readCsvInputs(root, resolve(root, args.cases));
  const riskAreas = await readCsvInputs(root, resolve(root, args["risk-areas"]));
  const input = {
    ...reportInputs,
    unreadable: [...reportInputs.unreadable, ...cases.unreadable, ...riskAreas.unreadable],
    caseCsv: cases.files,
    riskAreaCsv: riskAreas.files,
    corrections: corrections.value,
  };
  logger.info(`reading ${input.reports.length} reports from ${args.input}/, ${cases.files.length + riskAreas.files.length} tables from ${args.cases}/ and ${args["risk-areas"]}/`);

  // Process.
  const outDir = resolve(root, args.out);
  const cache = args["no-cache"] ? undefined : await openStageCache(root, outDir, reference.fingerprints);
  if (cache !== undefined) {
    // The reports the cache has no analysis of (new, changed, or all after a change of the pipeline's code) are
    // computed on every core first; the run below then finds them. A stale entry (reference data edited) is left
    // to the run.
    const missing = input.reports.filter((file) => !cache.store.has(ANALYSIS_STAGE, getAnalysisKey(cache, file)));
    const problems = await warmCacheInParallel({
      root,
      referenceDir: resolve(root, args.reference),
      outDir,
      today,
      reports: missing,
      correctedIds: corrections.value.filter((c) => c.dataset === "documents").map((c) => c.rowId),
      onProgress: (done, total, path) => logger.progress(done, total, `analysing on every core: ${path}`),
    });
    logger.endProgress();
    for (const problem of problems) logger.info(`build-data: ${problem}; the run computes what it left`);
    // The entries the workers wrote, in packs of their own.
    cache.store.refresh();
  }
  const result = runPipeline(input, reference.value, {
    today,
    asOf,
    cache,
    onProgress: (done, total, path) => logger.progress(done, total, path),
  });
  logger.endProgress();
  if (result.correctionIssues.length > 0) {
    for (const issue of result.correctionIssues) logger.info(formatIssue(issue));
    logger.info(`build-data: ${result.correctionIssues.length} corrections cannot be applied; nothing was written`);
    return 2;
  }
  // Save outputs, each dataset file made as it is written.
  const pruned = cache?.store.prune() ?? 0;
  await writeFolderAtomically(outDir, emitDatasetFiles(result), process.pid, cache === undefined ? [] : [CACHE_FOLDER], cache === undefined ? undefined : FILE_VERSIONS);
  if (cache !== undefined) {
    const { analysis, extraction } = result.cache;
    logger.info(`cache (${args.out}/${CACHE_FOLDER}/): reports analysed ${analysis.misses}, reused ${analysis.hits}; extractions computed ${extraction.misses}, reused ${extraction.hits}; ${pruned} unused entries removed`);
  }
  for (const line of summarize(result.report, result.issues, args.out)) logger.info(line);
  const leftOut = result.report.files.filter((f) => f.status === "not-yet-published" && !f.path.endsWith(".meta.yaml")).length;
  if (asOf !== undefined) logger.info(`as of ${asOf}: ${leftOut} reports published later or on an unknown day were left out (see build-report.json)`);
  const rejected = result.report.files.filter((f) => f.status === "rejected").length;
  if (args.strict && rejected > 0) {
    logger.info(`--strict: ${rejected} input files were rejected`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`build-data: the run broke, nothing was written: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
