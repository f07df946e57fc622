/**
 * `astro build` into a temporary folder, swapped in place of dist/ only when the build succeeded:
 * a failed build leaves the previous site untouched.
 */
import { resolve } from "node:path";
import { rm } from "node:fs/promises";
import { build } from "astro";
import { recoverOutput, replaceFolder } from "../src/build/write.ts";

// Load inputs.
const target = resolve(process.cwd(), "dist");
const temp = `${target}.tmp-${process.pid}`;
await recoverOutput(target);
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
