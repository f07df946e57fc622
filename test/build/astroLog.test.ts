/** src/build/astroLog.ts: Astro's line per page becomes a count; its warnings and errors reach the build as lines. */
import { afterEach, describe, expect, it } from "vitest";
import astroLog, { setAstroLogSink } from "../../src/build/astroLog.ts";

afterEach(() => setAstroLogSink(null));

describe("astroLog", () => {
  it("counts the pages Astro writes and passes on its warnings and errors, without colours", () => {
    const pages: Array<[number, string]> = [];
    const problems: string[] = [];
    setAstroLogSink({ page: (count, path) => pages.push([count, path]), problem: (line) => problems.push(line) });
    const destination = astroLog();
    destination.write({ label: "build", level: "info", message: "Building static entrypoints...", newLine: true });
    destination.write({ label: null, level: "info", message: "  \x1b[34m├─\x1b[39m \x1b[2m/reports/004/index.html\x1b[22m", newLine: false });
    destination.write({ label: "SKIP_FORMAT", level: "info", message: " \x1b[2m(+3ms)\x1b[22m", newLine: true });
    destination.write({ label: null, level: "info", message: "  └─ /rss.xml", newLine: false });
    destination.write({ label: "build", level: "warn", message: "\x1b[33mCould not render\x1b[39m /x/ ", newLine: true });
    destination.write({ label: "SKIP_FORMAT", level: "error", message: "broken", newLine: true });
    expect(pages).toEqual([
      [1, "/reports/004/index.html"],
      [2, "/rss.xml"],
    ]);
    expect(problems).toEqual(["astro warn [build]: Could not render /x/", "astro error: broken"]);
  });

  it("counts from zero again for the next build", () => {
    const counts: number[] = [];
    setAstroLogSink({ page: (count) => counts.push(count), problem: () => {} });
    astroLog().write({ label: null, level: "info", message: "  ├─ /a/index.html", newLine: false });
    setAstroLogSink({ page: (count) => counts.push(count), problem: () => {} });
    astroLog().write({ label: null, level: "info", message: "  ├─ /b/index.html", newLine: false });
    expect(counts).toEqual([1, 1]);
  });
});
