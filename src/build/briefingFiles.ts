/**
 * The briefings' files (src/lib/briefing/briefingFiles.ts: wechat.html, briefing.md, figures.csv, the weekly
 * cases.png) written by the site build itself rather than rendered by Astro, on a worker thread while Astro renders
 * the pages into the same folder. The worker reads the datasets from the environment src/build/site.ts sets, as the
 * pages do.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { getBriefingContext } from "../lib/briefing/briefingRows.ts";
import { listBriefingFiles, makeBriefingFile } from "../lib/briefing/briefingFiles.ts";

/** What the worker is given. */
interface WorkerJob {
  role: "tongbao-briefing-files";
  folder: string;
  site: string;
  base: string;
}

/** The worker's last message: how many files it wrote, or why it stopped. */
type WorkerMessage = { written: number } | { failed: string };

/**
 * Writes every briefing file of this build into `folder` (site paths without their leading `/`, so the folder is laid
 * out as the site is); resolves with those paths, in the plan's order. `site` and `base` make the absolute links of
 * the WeChat and Markdown texts.
 */
export async function writeBriefingFiles(folder: string, site: string, base: string): Promise<string[]> {
  const context = await getBriefingContext();
  const made = new Set<string>();
  const written: string[] = [];
  for (const file of listBriefingFiles(context)) {
    const path = file.path.slice(1);
    const full = join(folder, path);
    if (!made.has(dirname(full))) {
      mkdirSync(dirname(full), { recursive: true });
      made.add(dirname(full));
    }
    // Synchronous: 29,000 small files awaited one by one would each cost a round trip to the thread pool.
    writeFileSync(full, await makeBriefingFile(context, file, site, base));
    written.push(path);
  }
  return written;
}

/** A running writeBriefingFilesInWorker: `done` resolves with how many files were written; `stop` ends the worker early. */
export interface BriefingFilesJob {
  done: Promise<number>;
  stop(): Promise<void>;
}

/**
 * writeBriefingFiles on a worker thread, started now with this process's environment as it is now. `done` rejects
 * with the worker's error, or when it was stopped.
 */
export function writeBriefingFilesInWorker(folder: string, site: string, base: string): BriefingFilesJob {
  const job: WorkerJob = { role: "tongbao-briefing-files", folder, site, base };
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  let stopped = false;
  const done = new Promise<number>((resolve, reject) => {
    let result: WorkerMessage | undefined;
    worker.on("message", (message: WorkerMessage) => (result = message));
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (result !== undefined && "written" in result) resolve(result.written);
      else reject(new Error(`the briefing files were not written: ${result !== undefined && "failed" in result ? result.failed : stopped ? "the build stopped the worker" : `the worker exited with code ${code}`}`));
    });
  });
  // The caller may stop the worker before it awaits `done`: the rejection is then expected, not unhandled.
  done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      stopped = true;
      await worker.terminate();
      await done.catch(() => undefined);
    },
  };
}

if (!isMainThread && (workerData as Partial<WorkerJob> | null)?.role === "tongbao-briefing-files") {
  const job = workerData as WorkerJob;
  writeBriefingFiles(job.folder, job.site, job.base).then(
    (written) => parentPort?.postMessage({ written: written.length } satisfies WorkerMessage),
    (error: unknown) => parentPort?.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage),
  );
}
