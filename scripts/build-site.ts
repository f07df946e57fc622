/**
 * `npm run site`: the live site into dist/, from the datasets in data/build/ (src/build/site.ts): a failed build
 * leaves the previous dist/ untouched.
 */
import { resolve } from "node:path";
import { buildSite, SiteBuildError } from "../src/build/site.ts";

const root = process.cwd();
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
