/**
 * The entries of a cache folder as its packs' index lines give them (src/build/stageCacheFiles.ts), for tests that
 * check what a build kept.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { PACK_FOLDER } from "../../src/build/stageCacheFiles.ts";

/** `stage key` of every entry under the cache folder `dir`, once each (a key written again is one entry), sorted. */
export async function listCacheEntries(dir: string): Promise<string[]> {
  const folder = join(dir, PACK_FOLDER);
  if (!existsSync(folder)) return [];
  const entries = new Set<string>();
  for (const name of (await readdir(folder)).filter((n) => n.endsWith(".index")).sort()) {
    for (const line of (await readFile(join(folder, name), "utf8")).split("\n")) if (line !== "") entries.add(line.split(" ").slice(0, 2).join(" "));
  }
  return [...entries].sort();
}
