/**
 * `npm run site`: the live site into dist/, from the datasets in data/build/ (src/build/site.ts): a failed build
 * leaves the previous dist/ untouched.
 *
 * package.json runs it with `--heap-growing-percent=50`: V8 then collects when the heap is half as big again as what
 * the last collection kept, instead of letting it grow up to four times that while pages are rendered. At 10,000
 * reports the build's peak went from 2.5 GB to 1.6 GB for 5% more time; unlike a cap on the heap
 * (--max-old-space-size, 15% slower), it never stops a larger corpus's build.
 */
import { resolve } from "node:path";
import { buildSite, SiteBuildError, type SiteBuildSummary } from "../src/build/site.ts";
import { streamLogger } from "../src/build/progress.ts";
import { findSiteAddressWarning } from "../src/build/siteAddress.ts";

const root = process.cwd();
// The build works without TONGBAO_SITE (a fresh clone), but its absolute links would point at the example domain.
const warning = findSiteAddressWarning(process.env);
if (warning !== null) process.stderr.write(`build-site: warning: ${warning}\n`);
const logger = streamLogger(process.stderr);
let summary: SiteBuildSummary;
try {
  summary = await buildSite({ root, target: resolve(root, "dist"), dataDir: resolve(root, "data/build"), logger });
} catch (error) {
  if (error instanceof SiteBuildError) {
    process.stderr.write(`build-site: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write("build-site: the site build failed; dist/ was left as it was\n");
  throw error;
}
const count = (n: number) => n.toLocaleString("en-US");
logger.info(`pages and files written by Astro: ${count(summary.astroFiles)}; briefing files: ${count(summary.briefingFiles)}; downloads: ${count(summary.downloads)}; search index files: ${count(summary.searchFiles)}`);
if (summary.problems.length > 0) logger.info(`warnings and errors from Astro: ${summary.problems.length} (above)`);
logger.info("site written to dist/");
