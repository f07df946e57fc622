/**
 * `astro build` into a temporary folder, swapped in place of dist/ only when the build succeeded:
 * a failed build leaves the previous site untouched.
 */
import { resolve } from "node:path";
import { access, rm } from "node:fs/promises";
import { build } from "astro";
import { recoverOutput, replaceFolder } from "../src/build/write.ts";

// Load inputs.
const target = resolve(process.cwd(), "dist");
const temp = `${target}.tmp-${process.pid}`;
await recoverOutput(target);
// Without datasets Astro would build an empty site and call it a success.
const documents = resolve(process.cwd(), "data/build/documents.json");
if (!(await access(documents).then(() => true, () => false))) {
  process.stderr.write("build-site: data/build/documents.json is missing: run `npm run data` first (or `npm run build`)\n");
  process.exit(2);
}
process.env.TONGBAO_OUT_DIR = temp;

// Process.
try {
  await build({ root: process.cwd(), outDir: temp, logLevel: "warn" });
} catch (error) {
  await rm(temp, { recursive: true, force: true });
  process.stderr.write(`build-site: the site build failed; dist/ was left as it was\n`);
  throw error;
}

// Save outputs.
await replaceFolder(temp, target);
process.stderr.write(`site written to dist/\n`);
