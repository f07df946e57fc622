/**
 * The pipeline cache's store kept in a Map (src/pipeline/cache/stageCache.ts `CacheStore`), for tests: no files.
 */
import type { CacheStore } from "../../src/pipeline/cache/stageCache.ts";

/** A store in a Map, keyed `stage/key`, that counts its writes. */
export function memoryStore(entries = new Map<string, string>()): CacheStore & { entries: Map<string, string>; writes: number } {
  const store = {
    entries,
    writes: 0,
    read: (stage: string, key: string) => entries.get(`${stage}/${key}`),
    keep: (stage: string, key: string) => entries.has(`${stage}/${key}`),
    write: (stage: string, key: string, text: string) => {
      store.writes += 1;
      entries.set(`${stage}/${key}`, text);
    },
  };
  return store;
}
