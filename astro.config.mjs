// @ts-check
import { defineConfig } from "astro/config";

// Static output only: the site is a folder of files that any web server (or an archive) can serve.
export default defineConfig({
  output: "static",
  trailingSlash: "always",
  build: { format: "directory" },
  // The public address: feeds, the sitemap and embed snippets need absolute URLs. An office publishing its own copy
  // sets TONGBAO_SITE; the default is a reserved example domain, never someone else's site.
  site: process.env.TONGBAO_SITE ?? "https://tongbao.example.org",
  // An archived snapshot is built under /archive/{date}/site/ (scripts/snapshot.ts); the live site under /.
  base: process.env.TONGBAO_BASE ?? "/",
  // TONGBAO_OUT_DIR lets scripts/build-site.ts build into a temporary folder and swap it in atomically.
  outDir: process.env.TONGBAO_OUT_DIR ?? "./dist",
});
