/**
 * `npm run pdf -- 2022-04-13`: prints the built briefing of that day (dist/briefings/2022-04-13/) to an A4 PDF with
 * Chromium, as an office prints it for paper distribution, and writes it beside the page as
 * dist/briefings/2022-04-13/briefing-2022-04-13.pdf: the PDF is the page as built, so it belongs with that build
 * (served at the same address, swept away with it by the next `npm run site`, never stale beside a newer page).
 *
 * Exit status: 0 and the PDF's path on stdout; 1 with a message when the day is not a date, Chromium is not
 * installed, or the site (or that day's briefing) is not built.
 */
import { existsSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serveFolder } from "../src/build/staticServer.ts";

/** Where Debian's `apt-get install chromium` puts the browser; CHROMIUM_PATH overrides it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

/** Why printing cannot start: the message to show (exit 1). */
export class PdfError extends Error {}

/**
 * Prints `/briefings/{date}/` of the built site in `distDir` to A4 PDF bytes. Rejects with a PdfError for a bad
 * date, a missing Chromium or a missing page.
 */
export async function printBriefingPdf(distDir: string, date: string, chromiumPath: string = CHROMIUM): Promise<Uint8Array> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new PdfError(`pdf: the day is not a date: expected YYYY-MM-DD, found ${JSON.stringify(date)}`);
  if (!existsSync(chromiumPath)) throw new PdfError(`pdf: Chromium is not installed: expected ${chromiumPath} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);
  if (!existsSync(join(distDir, "index.html"))) throw new PdfError(`pdf: the site is not built: expected ${join(distDir, "index.html")}; run \`npm run build\` first`);
  const page = join(distDir, "briefings", date, "index.html");
  if (!existsSync(page)) throw new PdfError(`pdf: no briefing for ${date}: expected ${page}; /briefings/ lists the days that have one`);
  const server = await serveFolder(distDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: FLAGS });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/briefings/${date}/`, { waitUntil: "load" });
    // The page's own @page rule sets A4 and its margins; printBackground keeps table header shading.
    return new Uint8Array(await tab.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) {
  // Load inputs.
  const date = process.argv[2] ?? "";
  const dist = resolve(process.cwd(), "dist");
  try {
    // Process.
    const pdf = await printBriefingPdf(dist, date);
    // Save outputs: a temporary file renamed into place, so a reader never sees half a PDF.
    const target = join(dist, "briefings", date, `briefing-${date}.pdf`);
    await writeFile(`${target}.tmp-${process.pid}`, pdf);
    await rename(`${target}.tmp-${process.pid}`, target);
    process.stdout.write(`${relative(process.cwd(), target)}\n`);
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
