/**
 * The downloads of /data/ in the built site: every file of the data build a reader may fetch (src/lib/buildFiles.ts
 * listBuildFiles: the datasets, datapackage.json, build-report.json, the clean texts), copied byte for byte into the
 * site's data/ folder after `astro build`. Copied rather than rendered through an Astro route, which read each file
 * into memory and wrote it again (src/pages/data/[...file].ts serves them for `astro dev` only).
 */
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { listBuildFiles } from "../lib/buildFiles.ts";

/** Copies the downloads of `dataDir` into `siteFolder/data/`; returns how many files. Rejects naming a file it cannot copy. */
export async function copyDownloads(dataDir: string, siteFolder: string): Promise<number> {
  const files = listBuildFiles(dataDir);
  const folders = new Set(files.map((file) => dirname(join(siteFolder, "data", file))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const file of files) await copyFile(join(dataDir, file), join(siteFolder, "data", file));
  return files.length;
}
