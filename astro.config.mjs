// @ts-check
import { defineConfig } from "astro/config";
import sitemap from "@astrojs/sitemap";
import { getSiteAddress } from "./src/build/siteAddress.ts";

// Static output only: the site is a folder of files that any web server (or an archive) can serve.
export default defineConfig({
  output: "static",
  trailingSlash: "always",
  // Six pages at a time: a chart's PNG is rendered off the main thread (src/charts/png.ts renderChartPngAsync) and
  // every page's file is written by the thread pool, and while one page waits the next is rendered. At 10,000
  // reports (site build alone, alternating runs): 2 pages 101–106 s and 1.55–1.64 GB, 4 pages 90–98 s, 6 pages 84–87
  // s and 1.76–1.78 GB, 16 pages 88–90 s and 1.78–1.83 GB. Output does not depend on the order pages finish in.
  build: { format: "directory", concurrency: 6 },
  // The public address: feeds, the sitemap and embed snippets need absolute URLs. An office publishing its own copy
  // sets TONGBAO_SITE; without it a reserved example domain (src/build/siteAddress.ts), and `npm run site` warns.
  site: getSiteAddress(process.env),
  // An archived snapshot is built under /archive/{date}/site/ (scripts/snapshot.ts); the live site under /.
  base: process.env.TONGBAO_BASE ?? "/",
  // TONGBAO_OUT_DIR lets scripts/build-site.ts build into a temporary folder and swap it in atomically.
  outDir: process.env.TONGBAO_OUT_DIR ?? "./dist",
  integrations: [
    // sitemap-index.xml + sitemap-0.xml with absolute URLs under `site` and `base`. No `lastmod`: the only date the
    // build knows is the clock's, and two builds of the same datasets must give the same bytes.
    sitemap({
      // Pages a search engine should list end in "/" (trailingSlash "always"); rss.xml, the data files and chart
      // images do not. /embed/… pages exist to be framed on other sites, and /search/ has no content of its own.
      filter: (url) => url.endsWith("/") && !/\/(embed|search)\//.test(new URL(url).pathname),
    }),
  ],
});
