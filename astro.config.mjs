// @ts-check
import { defineConfig } from "astro/config";

// Static output only: the site is a folder of files that any web server (or an archive) can serve.
export default defineConfig({
  output: "static",
  trailingSlash: "always",
  build: { format: "directory" },
  // TONGBAO_OUT_DIR lets scripts/build-site.ts build into a temporary folder and swap it in atomically.
  outDir: process.env.TONGBAO_OUT_DIR ?? "./dist",
});
