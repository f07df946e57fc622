/**
 * Filling the pipeline's cache on every core before the run. The pipeline is one synchronous pass (src/pipeline/
 * run.ts); on a machine with more than one core, worker threads first compute the analysis and extraction of the
 * reports the cache lacks, each for its share of the reports, writing the entries the run then finds. The datasets
 * do not depend on it: a worker that fails or is slow only leaves more for the run to compute, and what a worker
 * stores is what the run would have stored (`warmReport`).
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { SourceFile } from "../pipeline/records.ts";
import { loadReference } from "./reference.ts";
import { openStageCache } from "./stageCacheFiles.ts";

/** Below this many reports the workers' start (loading the pipeline, ~0.5 s each) costs more than it saves. */
export const MIN_REPORTS_FOR_WORKERS = 200;

/** What a worker is given. */
interface WorkerJob {
  role: "tongbao-cache-worker";
  root: string;
  referenceDir: string;
  outDir: string;
  today: string;
  files: SourceFile[];
  correctedIds: string[];
}

/**
 * A worker's messages: how many reports it has done since its last such message and the last one's path, then the
 * end, or the reason it stopped.
 */
type WorkerMessage = { done: number; path: string } | { finished: true } | { failed: string };

/** A worker reports its progress at most this often: a message per report was 3% of its time at 10,000 reports. */
const PROGRESS_MS = 100;

/** Options of warmCacheInParallel. */
export interface WarmOptions {
  /** the repository, the reference folder and the dataset folder (absolute), as the run uses them */
  root: string;
  referenceDir: string;
  outDir: string;
  today: string;
  reports: readonly SourceFile[];
  /** ids of the reports data/reference/corrections.csv addresses: the run analyses those itself */
  correctedIds: readonly string[];
  /** threads to start; default the machine's cores */
  workers?: number;
  /** fewer reports than this are left to the run; default MIN_REPORTS_FOR_WORKERS */
  minReports?: number;
  onProgress?: (done: number, total: number, path: string) => void;
}

/**
 * Warm the cache in `options.outDir` for `options.reports` with worker threads, when there are enough reports and
 * more than one core; otherwise do nothing. Resolves when every worker has ended, with the problems of those that
 * failed (messages for the build's output: the run computes what they left); never rejects.
 */
export async function warmCacheInParallel(options: WarmOptions): Promise<string[]> {
  const minReports = options.minReports ?? MIN_REPORTS_FOR_WORKERS;
  // Each worker gets at least half the minimum: fewer reports each would not pay for its start.
  const workers = Math.min(options.workers ?? availableParallelism(), Math.floor((2 * options.reports.length) / minReports));
  if (workers < 2 || options.reports.length < minReports) return [];
  // Dealt round-robin rather than cut in blocks: report sizes run in sequences (a folder of long notices), and
  // dealing keeps each worker's share of work about even.
  const shares: SourceFile[][] = Array.from({ length: workers }, () => []);
  options.reports.forEach((file, i) => shares[i % workers]!.push(file));
  const total = options.reports.length;
  let done = 0;
  const problems: string[] = [];
  await Promise.all(
    shares.map(
      (files, n) =>
        new Promise<void>((resolve) => {
          const job: WorkerJob = { role: "tongbao-cache-worker", root: options.root, referenceDir: options.referenceDir, outDir: options.outDir, today: options.today, files, correctedIds: [...options.correctedIds] };
          const worker = new Worker(new URL(import.meta.url), { workerData: job });
          let finished = false;
          worker.on("message", (message: WorkerMessage) => {
            if ("done" in message) options.onProgress?.((done += message.done), total, message.path);
            else if ("finished" in message) finished = true;
            else problems.push(`cache worker ${n + 1} stopped: ${message.failed}`);
          });
          worker.on("error", (error) => problems.push(`cache worker ${n + 1} broke: ${error instanceof Error ? error.message : String(error)}`));
          worker.on("exit", (code) => {
            if (!finished && code !== 0 && problems.length === 0) problems.push(`cache worker ${n + 1} exited with code ${code}`);
            resolve();
          });
        }),
    ),
  );
  return problems;
}

/** The worker: load the reference data and the cache as the run will, then warm each report of its share. */
async function runWorker(job: WorkerJob): Promise<void> {
  const { warmReport } = await import("../pipeline/run.ts");
  const reference = await loadReference(job.root, job.referenceDir);
  if (reference.value === null) {
    parentPort?.postMessage({ failed: "the reference data is invalid (the run reports why)" } satisfies WorkerMessage);
    return;
  }
  const cache = await openStageCache(job.root, job.outDir, reference.fingerprints);
  const correctedIds = new Set(job.correctedIds);
  const value = reference.value;
  let unreported = 0;
  let reported = performance.now();
  job.files.forEach((file, i) => {
    warmReport(file, value, { today: job.today, cache, correctedIds });
    unreported += 1;
    if (performance.now() - reported >= PROGRESS_MS || i === job.files.length - 1) {
      parentPort?.postMessage({ done: unreported, path: file.path } satisfies WorkerMessage);
      unreported = 0;
      reported = performance.now();
    }
  });
  parentPort?.postMessage({ finished: true } satisfies WorkerMessage);
}

if (!isMainThread && (workerData as Partial<WorkerJob> | null)?.role === "tongbao-cache-worker") {
  runWorker(workerData as WorkerJob).catch((error: unknown) => {
    parentPort?.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
  });
}
