/**
 * Building the site: `astro build` into a temporary folder, then the steps that work on the built files, then the
 * folder swapped in place of the target only when everything succeeded, so a failed build leaves the previous site
 * untouched. scripts/build-site.ts builds the live site with it; scripts/snapshot.ts an archived one.
 */
import { access, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "astro";
import { setAstroLogSink } from "./astroLog.ts";
import type { Logger } from "./progress.ts";
import { buildSearchIndex, readSearchSources, writeSearchIndex } from "./searchIndex.ts";
import { copyDownloads } from "./downloads.ts";
import { writeBriefingFilesInWorker } from "./briefingFiles.ts";
import { getSiteAddress } from "./siteAddress.ts";
import { recoverOutput, replaceFolder } from "./write.ts";
import { ARCHIVE_HINT, copyArchives, verifyArchives } from "./archive.ts";

/** What to build and where. */
export interface SiteBuildOptions {
  /** the repository (astro.config.mjs, src/) */
  root: string;
  /** the folder the finished site replaces (`dist`) */
  target: string;
  /** the datasets the pages read (`data/build`): the build refuses to run without its documents.json */
  dataDir: string;
  /** Astro's base, `/` for the live site, `/archive/2022-04-13/site/` for a snapshot */
  base?: string;
  /** YYYY-MM-DD when building an archived snapshot's site: every page then says it is the snapshot of that day */
  snapshotDate?: string;
  /** where the steps, the pages as Astro writes them and Astro's warnings go; without one, warnings go to stderr */
  logger?: Logger;
}

/** What a build wrote, for the summary of `npm run site`. */
export interface SiteBuildSummary {
  /** pages and files Astro wrote (counted from its log; 0 when Astro's log did not reach this build) */
  astroFiles: number;
  /** the briefings' other formats (src/build/briefingFiles.ts) */
  briefingFiles: number;
  /** the /data/ downloads */
  downloads: number;
  /** files of the search index (none in a snapshot's site) */
  searchFiles: number;
  /** Astro's warnings and errors, as logged */
  problems: string[];
}

/** Site builds started in this process: each gets its number (TONGBAO_BUILD_RUN, src/lib/buildRun.ts). */
let builds = 0;

/** Raised when the build cannot start or a step fails; `target` is left as it was. */
export class SiteBuildError extends Error {}

/**
 * Builds the site into `options.target` atomically. Rejects with a SiteBuildError naming what is missing when the
 * datasets are absent (Astro would otherwise build an empty site and call it a success).
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildSummary> {
  const target = resolve(options.target);
  const temp = `${target}.tmp-${process.pid}`;
  // Every build first checks the archived snapshots (src/build/archive.ts), before it writes anything.
  const archiveRoot = join(resolve(options.root), "data", "archive");
  const archiveProblems = await verifyArchives(archiveRoot, resolve(options.root));
  if (archiveProblems.length > 0) throw new SiteBuildError([...archiveProblems, `  hint: ${ARCHIVE_HINT}`].join("\n"));
  await recoverOutput(target);
  const documents = join(options.dataDir, "documents.json");
  if (!(await access(documents).then(() => true, () => false))) {
    throw new SiteBuildError(`${documents} is missing: run \`npm run data\` first (or \`npm run build\`)`);
  }
  // astro.config.mjs reads these: the config file is the one place the site's settings live.
  const saved = { out: process.env.TONGBAO_OUT_DIR, base: process.env.TONGBAO_BASE, data: process.env.TONGBAO_DATA_DIR, snapshot: process.env.TONGBAO_SNAPSHOT_DATE, archive: process.env.TONGBAO_ARCHIVE_DIR };
  // Values the pages share within one build are made again in the next (src/lib/buildRun.ts); not restored after,
  // so that no later build reuses this number.
  builds += 1;
  process.env.TONGBAO_BUILD_RUN = String(builds);
  process.env.TONGBAO_OUT_DIR = temp;
  const base = options.base ?? "/";
  process.env.TONGBAO_BASE = base;
  process.env.TONGBAO_DATA_DIR = options.dataDir;
  process.env.TONGBAO_ARCHIVE_DIR = archiveRoot;
  if (options.snapshotDate === undefined) delete process.env.TONGBAO_SNAPSHOT_DATE;
  else process.env.TONGBAO_SNAPSHOT_DATE = options.snapshotDate;
  const log = options.logger;
  const summary: SiteBuildSummary = { astroFiles: 0, briefingFiles: 0, downloads: 0, searchFiles: 0, problems: [] };
  setAstroLogSink({
    page: (count, path) => {
      summary.astroFiles = count;
      // Redrawn every 50 pages: a terminal line per page is 24,000 writes at 10,000 reports.
      if (count % 50 === 1) log?.progress(count, null, `Astro: ${path}`);
    },
    problem: (line) => {
      summary.problems.push(line);
      if (log === undefined) process.stderr.write(`${line}\n`);
      else log.info(line);
    },
  });
  try {
    const live = base === "/";
    // The live site gets the search index; a snapshot none: its pages run no script (public/_headers), and its search
    // page says so. Made before Astro renders, while the heap is small (its 0.4 GB at 10,000 reports is garbage by
    // the time the pages need the memory), and written after.
    const searchIndex = live ? buildSearchIndex(readSearchSources(options.dataDir)) : null;
    if (searchIndex !== null) log?.info(`search index of ${searchIndex.result.documents} reports: ${searchIndex.files.size} files`);
    // The briefings' files are written on a worker thread while Astro renders (src/build/briefingFiles.ts), into the
    // same folder: Astro is told not to empty it first, which it need not (recoverOutput left no such folder).
    const briefingFiles = writeBriefingFilesInWorker(temp, getSiteAddress(process.env), base);
    try {
      log?.info("rendering the pages with Astro; the briefings' files on a worker thread");
      // Astro's log comes to src/build/astroLog.ts, which counts its line per page as progress.
      const logger = { entrypoint: fileURLToPath(new URL("./astroLog.ts", import.meta.url)) };
      await build({ root: options.root, outDir: temp, base, logLevel: "info", logger, vite: { build: { emptyOutDir: false } } });
    } catch (error) {
      await briefingFiles.stop();
      throw error;
    }
    summary.briefingFiles = await briefingFiles.done;
    // Steps on the built files go here, each given the temporary folder.
    summary.downloads = copyDownloads(options.dataDir, temp);
    // The live site also serves the snapshots (manifest.json, data/, site/) under /archive/{date}/.
    if (searchIndex !== null) {
      await writeSearchIndex(temp, searchIndex);
      summary.searchFiles = searchIndex.files.size;
      await copyArchives(archiveRoot, temp);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  } finally {
    setAstroLogSink(null);
    log?.endProgress();
    restoreEnv("TONGBAO_OUT_DIR", saved.out);
    restoreEnv("TONGBAO_BASE", saved.base);
    restoreEnv("TONGBAO_DATA_DIR", saved.data);
    restoreEnv("TONGBAO_SNAPSHOT_DATE", saved.snapshot);
    restoreEnv("TONGBAO_ARCHIVE_DIR", saved.archive);
  }
  await replaceFolder(temp, target);
  return summary;
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
