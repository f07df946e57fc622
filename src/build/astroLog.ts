/**
 * What Astro logs during a site build (its Logger API: astro.config's `logger`, given by src/build/site.ts), turned
 * into the build's own progress: Astro writes a line per page, 24,000 at 10,000 reports, which the build counts and
 * shows as one progress line instead. Warnings and errors are passed on as they are; other information is dropped.
 *
 * Astro imports this module itself, by its path; the build that started Astro sets where the lines go (setAstroLogSink)
 * in the same module instance. Without a sink (Astro run some other way) warnings and errors go to stderr.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from "astro";

/** Where a build wants Astro's lines: the page count as it grows, and the warnings and errors. */
export interface AstroLogSink {
  page(count: number, path: string): void;
  problem(line: string): void;
}

let sink: AstroLogSink | null = null;
let pages = 0;

/** Sends what Astro logs from now on to `next` (null: stderr), counting pages from zero. */
export function setAstroLogSink(next: AstroLogSink | null): void {
  sink = next;
  pages = 0;
}

// Astro colours its lines (ANSI escapes) when it writes to a terminal.
const ESCAPES = /\x1b\[[0-9;]*m/g;
/** `  ├─ /reports/004/index.html`: the line Astro starts for each page it writes. */
const PAGE_LINE = /^\s*[├└]─\s+(\S+)/;

/** The line of a warning or an error: `astro warn [build]: …`. */
export function formatAstroProblem(message: AstroLoggerMessage): string {
  const label = message.label === null || message.label === "SKIP_FORMAT" ? "" : ` [${message.label}]`;
  return `astro ${message.level}${label}: ${message.message.replace(ESCAPES, "").trim()}`;
}

/** The destination Astro writes to (the default export its Logger API loads). */
export default function astroLog(): AstroLoggerDestination {
  return {
    write(message) {
      if (message.level === "warn" || message.level === "error") {
        const line = formatAstroProblem(message);
        if (sink === null) process.stderr.write(`${line}\n`);
        else sink.problem(line);
        return;
      }
      const page = PAGE_LINE.exec(message.message.replace(ESCAPES, ""));
      if (page !== null) {
        pages += 1;
        sink?.page(pages, page[1]!);
      }
    },
  };
}
