/**
 * `npm run site`: the live site into dist/, from the datasets in data/build/ (src/build/site.ts): a failed build
 * leaves the previous dist/ untouched.
 */
import { resolve } from "node:path";
import { buildSite, SiteBuildError } from "../src/build/site.ts";
import { findSiteAddressWarning } from "../src/build/siteAddress.ts";

const root = process.cwd();
// The build works without TONGBAO_SITE (a fresh clone), but its absolute links would point at the example domain.
const warning = findSiteAddressWarning(process.env);
if (warning !== null) process.stderr.write(`build-site: warning: ${warning}\n`);
try {
  await buildSite({ root, target: resolve(root, "dist"), dataDir: resolve(root, "data/build") });
} catch (error) {
  if (error instanceof SiteBuildError) {
    process.stderr.write(`build-site: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write("build-site: the site build failed; dist/ was left as it was\n");
  throw error;
}
process.stderr.write("site written to dist/\n");
