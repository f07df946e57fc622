import { describe, expect, it } from "vitest";
import { formatBenchTable, getBenchSummary, type BenchFigures } from "../../src/bench/summary.ts";

const FIGURES: BenchFigures = {
  n: 1000,
  published: 950,
  rejected: 50,
  inputBytes: 4 * 1024 * 1024,
  pipeline: { coldS: 2, coldCpuS: 3, warmS: 1, floorColdS: 0.5, floorColdCpuS: 0.5, floorWarmS: 0.1, peakRssMb: 600 },
  site: { s: 100, cpuS: 120, pages: 2000, floorS: 20, floorCpuS: 30, floorPages: 2000, reportFloorS: 10, reportFloorCpuS: 12, peakRssMb: 1500, floorPeakRssMb: 300, treePeakRssMb: 2500, outputBytes: 100 * 1024 * 1024 },
  incrementalS: 0.5,
  incrementalAnalysed: 1,
  referenceEditS: 1,
  referenceEditAnalysed: 0,
  referenceEditExtracted: 0,
  dataBytes: 50 * 1024 * 1024,
  cacheBytes: 20 * 1024 * 1024,
};

describe("getBenchSummary(figures)", () => {
  it("gives throughputs and ratios to the floors", () => {
    expect(getBenchSummary(FIGURES)).toEqual({
      n: 1000,
      published: 950,
      input_mb: 4,
      pipeline_mb_s: 2,
      pipeline_docs_s: 500,
      pipeline_floor_ratio: 4,
      pipeline_cpu_floor_ratio: 6,
      pipeline_warm_mb_s: 4,
      pipeline_warm_docs_s: 1000,
      pipeline_warm_floor_ratio: 10,
      site_s: 100,
      site_pages: 2000,
      site_pages_s: 20,
      site_floor_ratio: 5,
      site_cpu_floor_ratio: 4,
      site_report_floor_ratio: 10,
      peak_rss_mb: 1500,
      site_tree_peak_rss_mb: 2500,
      incremental_s: 0.5,
      incremental_analysed: 1,
      reference_edit_s: 1,
      reference_edit_analysed: 0,
      reference_edit_extracted: 0,
      data_mb: 50,
      cache_mb: 20,
      site_mb: 100,
    });
  });

  it("gives null site figures without a site build", () => {
    const summary = getBenchSummary({ ...FIGURES, site: null });
    expect([summary.site_pages_s, summary.site_floor_ratio, summary.site_mb, summary.site_tree_peak_rss_mb]).toEqual([null, null, null, null]);
    expect(summary.peak_rss_mb).toBe(600);
  });
});

describe("formatBenchTable(figures)", () => {
  it("prints a Markdown table with each figure beside its floor", () => {
    const lines = formatBenchTable(FIGURES);
    expect(lines[0]).toBe("| figure | measured | floor | × floor (wall; CPU) |");
    expect(lines[1]).toBe("|---|---|---|---|");
    expect(lines[2]).toBe("| pipeline cold (`npm run data`, fresh process), 1000 reports, 4.00 MB | 2.00 s (CPU 3.00 s) · 2.00 MB/s · 500 docs/s | 0.50 s (CPU 0.50 s) · 8.00 MB/s | 4.0; 6.0 |");
    expect(lines[4]).toBe("| site build (950 report pages and the rest) | 100.0 s (CPU 120.0 s) · 2000 pages · 20.0 pages/s | 20.0 s (CPU 30.0 s) · 2000 plain pages · 100.0 pages/s | 5.0; 4.0 |");
    expect(lines[5]).toBe("| site build against one plain page per report | 100.0 s (CPU 120.0 s) | 10.0 s (CPU 12.0 s) · 1000 plain pages | 10.0; 10.0 |");
    expect(lines[6]).toBe("| peak memory (site build process) | 1500 MB | 300 MB | 5.0 |");
    expect(lines[7]).toBe("| peak memory (site build with the processes it starts; sampled) | 2500 MB |  |  |");
    // Where the tree cannot be read (not Linux), no row.
    expect(formatBenchTable({ ...FIGURES, site: { ...FIGURES.site!, treePeakRssMb: Number.NaN } })).toHaveLength(lines.length - 1);
    expect(lines.at(-3)).toBe("| add one report, rebuild the data (cache filled by the cold run) | 0.50 s · 1 reports analysed | cold 2.00 s | 0.25 |");
    expect(lines.at(-2)).toBe("| edit measure-categories.csv, rebuild the data | 1.00 s · 0 reports analysed, 0 extracted | cold 2.00 s | 0.50 |");
  });
});
