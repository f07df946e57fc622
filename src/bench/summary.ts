/**
 * What `npm run bench` prints: the table of figures beside their floors, and the one-line JSON summary that ends
 * its output (for CI and for comparing runs).
 */

/** Times in seconds, sizes in bytes, memory in MB, all measured in one bench run. */
export interface BenchFigures {
  /** reports in the generated corpus */
  n: number;
  /** of them, published and rejected by the pipeline */
  published: number;
  rejected: number;
  /** bytes of every input the pipeline reads: reports, sidecars, CSV tables */
  inputBytes: number;
  pipeline: {
    /** `npm run data` in a fresh process, wall time, and its CPU time (user + system) */
    coldS: number;
    coldCpuS: number;
    /** the same code run a second time in one process (reading, pipeline, emit, write) */
    warmS: number;
    /** the floor (src/bench/regexFloor.ts) in a fresh process (wall and CPU), and its second pass in that process */
    floorColdS: number;
    floorColdCpuS: number;
    floorWarmS: number;
    /** peak resident memory of the `npm run data` processes (cold, one report added, a reference edit) */
    peakRssMb: number;
  };
  /** null when the site was not built (--no-site) */
  site: {
    /** the site build (src/build/site.ts) in a fresh process, wall time, and its CPU time */
    s: number;
    cpuS: number;
    /** HTML pages it wrote */
    pages: number;
    /**
     * the bare Astro project (src/bench/bareAstro.ts) of as many plain pages as the site wrote (`pages`), fresh
     * process, wall time and CPU time: what Astro costs for that many pages
     */
    floorS: number;
    floorCpuS: number;
    floorPages: number;
    /** the bare project of `n` plain pages (one per report), wall and CPU time */
    reportFloorS: number;
    reportFloorCpuS: number;
    peakRssMb: number;
    floorPeakRssMb: number;
    /**
     * the largest sum of the resident memory of the site build and the processes it starts,
     * sampled every 0.25 s (src/bench/processTree.ts); NaN where it cannot be read (not Linux)
     */
    treePeakRssMb: number;
    /** size of the built site */
    outputBytes: number;
  } | null;
  /**
   * one more report added, then `npm run data` again in a fresh process, its cache (data/build/cache/) filled by the
   * cold run: wall time, and the reports it analysed (not taken from the cache)
   */
  incrementalS: number;
  incrementalAnalysed: number;
  /**
   * measure-categories.csv edited (a keyword added), then `npm run data` again: wall time, reports analysed and
   * documents extracted anew (the categories are read by neither: both should be 0)
   */
  referenceEditS: number;
  referenceEditAnalysed: number;
  referenceEditExtracted: number;
  /** size of the emitted datasets, without the cache */
  dataBytes: number;
  /** size of the pipeline's cache after the cold run (data/build/cache/) */
  cacheBytes: number;
}

const MB = 1024 * 1024;

/** The JSON summary (the bench's last line): ratios are figure time / floor time, so 1 is the floor itself; the
 * `_cpu_` ratios compare CPU times, which a machine loaded by other work inflates less than wall times.
 * `site_floor_ratio` compares with a bare build of as many pages as the site has, `site_report_floor_ratio` with one
 * of a page per report. Site fields are null without a site build. Numbers are rounded to 3 decimals. */
export function getBenchSummary(f: BenchFigures): Record<string, number | null> {
  const mb = f.inputBytes / MB;
  return {
    n: f.n,
    published: f.published,
    input_mb: round(mb),
    pipeline_mb_s: round(mb / f.pipeline.coldS),
    pipeline_docs_s: round(f.n / f.pipeline.coldS),
    pipeline_floor_ratio: round(f.pipeline.coldS / f.pipeline.floorColdS),
    pipeline_cpu_floor_ratio: round(f.pipeline.coldCpuS / f.pipeline.floorColdCpuS),
    pipeline_warm_mb_s: round(mb / f.pipeline.warmS),
    pipeline_warm_docs_s: round(f.n / f.pipeline.warmS),
    pipeline_warm_floor_ratio: round(f.pipeline.warmS / f.pipeline.floorWarmS),
    site_s: f.site === null ? null : round(f.site.s),
    site_pages: f.site === null ? null : f.site.pages,
    site_pages_s: f.site === null ? null : round(f.site.pages / f.site.s),
    site_floor_ratio: f.site === null ? null : round(f.site.s / f.site.floorS),
    site_cpu_floor_ratio: f.site === null ? null : round(f.site.cpuS / f.site.floorCpuS),
    site_report_floor_ratio: f.site === null ? null : round(f.site.s / f.site.reportFloorS),
    peak_rss_mb: round(Math.max(f.pipeline.peakRssMb, f.site?.peakRssMb ?? 0)),
    site_tree_peak_rss_mb: f.site === null || Number.isNaN(f.site.treePeakRssMb) ? null : round(f.site.treePeakRssMb),
    incremental_s: round(f.incrementalS),
    incremental_analysed: f.incrementalAnalysed,
    reference_edit_s: round(f.referenceEditS),
    reference_edit_analysed: f.referenceEditAnalysed,
    reference_edit_extracted: f.referenceEditExtracted,
    data_mb: round(f.dataBytes / MB),
    cache_mb: round(f.cacheBytes / MB),
    site_mb: f.site === null ? null : round(f.site.outputBytes / MB),
  };
}

/** The table, one string per line (Markdown, so it can go into the README as printed). */
export function formatBenchTable(f: BenchFigures): string[] {
  const mb = f.inputBytes / MB;
  const p = f.pipeline;
  const rows: string[][] = [
    ["figure", "measured", "floor", "× floor (wall; CPU)"],
    [
      `pipeline cold (\`npm run data\`, fresh process), ${f.n} reports, ${fixed(mb, 2)} MB`,
      `${fixed(p.coldS, 2)} s (CPU ${fixed(p.coldCpuS, 2)} s) · ${fixed(mb / p.coldS, 2)} MB/s · ${fixed(f.n / p.coldS, 0)} docs/s`,
      `${fixed(p.floorColdS, 2)} s (CPU ${fixed(p.floorColdCpuS, 2)} s) · ${fixed(mb / p.floorColdS, 2)} MB/s`,
      `${fixed(p.coldS / p.floorColdS, 1)}; ${fixed(p.coldCpuS / p.floorColdCpuS, 1)}`,
    ],
    ["pipeline warm (second run in one process)", `${fixed(p.warmS, 2)} s · ${fixed(mb / p.warmS, 2)} MB/s · ${fixed(f.n / p.warmS, 0)} docs/s`, `${fixed(p.floorWarmS, 3)} s · ${fixed(mb / p.floorWarmS, 1)} MB/s`, fixed(p.warmS / p.floorWarmS, 1)],
  ];
  if (f.site !== null) {
    const s = f.site;
    rows.push([
      `site build (${f.published} report pages and the rest)`,
      `${fixed(s.s, 1)} s (CPU ${fixed(s.cpuS, 1)} s) · ${s.pages} pages · ${fixed(s.pages / s.s, 1)} pages/s`,
      `${fixed(s.floorS, 1)} s (CPU ${fixed(s.floorCpuS, 1)} s) · ${s.floorPages} plain pages · ${fixed(s.floorPages / s.floorS, 1)} pages/s`,
      `${fixed(s.s / s.floorS, 1)}; ${fixed(s.cpuS / s.floorCpuS, 1)}`,
    ]);
    rows.push([
      "site build against one plain page per report",
      `${fixed(s.s, 1)} s (CPU ${fixed(s.cpuS, 1)} s)`,
      `${fixed(s.reportFloorS, 1)} s (CPU ${fixed(s.reportFloorCpuS, 1)} s) · ${f.n} plain pages`,
      `${fixed(s.s / s.reportFloorS, 1)}; ${fixed(s.cpuS / s.reportFloorCpuS, 1)}`,
    ]);
    rows.push(["peak memory (site build process)", `${fixed(s.peakRssMb, 0)} MB`, `${fixed(s.floorPeakRssMb, 0)} MB`, fixed(s.peakRssMb / s.floorPeakRssMb, 1)]);
    if (!Number.isNaN(s.treePeakRssMb)) rows.push(["peak memory (site build with the processes it starts; sampled)", `${fixed(s.treePeakRssMb, 0)} MB`, "", ""]);
  }
  rows.push(["peak memory (`npm run data` processes)", `${fixed(p.peakRssMb, 0)} MB`, "", ""]);
  rows.push([`add one report, rebuild the data (cache filled by the cold run)`, `${fixed(f.incrementalS, 2)} s · ${f.incrementalAnalysed} reports analysed`, `cold ${fixed(p.coldS, 2)} s`, fixed(f.incrementalS / p.coldS, 2)]);
  rows.push([`edit measure-categories.csv, rebuild the data`, `${fixed(f.referenceEditS, 2)} s · ${f.referenceEditAnalysed} reports analysed, ${f.referenceEditExtracted} extracted`, `cold ${fixed(p.coldS, 2)} s`, fixed(f.referenceEditS / p.coldS, 2)]);
  rows.push(["output size", `data ${fixed(f.dataBytes / MB, 1)} MB · cache ${fixed(f.cacheBytes / MB, 1)} MB${f.site === null ? "" : ` · site ${fixed(f.site.outputBytes / MB, 1)} MB`}`, "", ""]);
  const lines = rows.map((cells) => `| ${cells.join(" | ")} |`);
  lines.splice(1, 0, "|---|---|---|---|");
  return lines;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}
