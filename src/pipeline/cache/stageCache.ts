/**
 * The per-document cache of the pipeline: what a stage computed for one input, kept between builds so that adding
 * one report to ten thousand reruns the stages for that one only.
 *
 * An entry is found by a key made of everything the stage reads besides the reference data (the input's bytes and
 * path, the sidecar, the pipeline's code) and holds the fingerprints of the reference parts the stage actually read
 * while computing it (see `trackReads`). On the next build the entry is used only when each of those parts is
 * unchanged: an edit of measure-categories.csv reruns the stages that read the categories and nothing else. Storage
 * is injected (`CacheStore`: files under data/build/cache/, see src/build/stageCacheFiles.ts); this module stays pure.
 */
import { createHash } from "node:crypto";

/** Where entries are kept: one text per stage and key. Reads and writes never throw for a missing entry. */
export interface CacheStore {
  /** the entry's text, or undefined when there is none */
  read(stage: string, key: string): string | undefined;
  write(stage: string, key: string, text: string): void;
  /**
   * whether the entry exists, without reading it; an entry kept is one this build uses, as one read (a store that
   * prunes what a build did not use keeps it)
   */
  keep(stage: string, key: string): boolean;
}

/** Fingerprints (sha256 of the file texts) of the reference parts, by the part's name in the stage's context. */
export type ReferenceFingerprints = Readonly<Record<string, string>>;

/** What a build says about itself to its cache. */
export interface StageCache {
  store: CacheStore;
  /** hash of the pipeline's code and its libraries: an entry written by other code is never used */
  codeVersion: string;
  /** the reference parts' fingerprints of this build */
  fingerprints: ReferenceFingerprints;
}

/** An entry as stored. */
interface EntrySpec {
  /** the reference parts the computation read, each with its fingerprint then */
  reads: Record<string, string>;
  /** extra conditions of the stage (the build day its date checks were made against); absent: none */
  condition?: unknown;
  value: unknown;
}

/**
 * The key of an entry: a hash of the stage's name, the code version and `parts` (the stage's inputs, as strings or
 * bytes). Same parts, same key.
 */
export function getCacheKey(cache: StageCache, stage: string, parts: ReadonlyArray<string | Uint8Array>): string {
  // The header gives each part's kind and length in bytes, so that ["ab", "c"] and ["a", "bc"] differ; the parts
  // follow in one hash (a hash per part cost a tenth of a second per 10,000 reports, twice a build).
  const header = [stage, cache.codeVersion, ...parts.map((p) => (typeof p === "string" ? `s${Buffer.byteLength(p)}` : `b${p.length}`))].join("\u0000");
  const hash = createHash("sha256").update(`${header}\u0000`);
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

/**
 * `context` seen through a proxy that notes the name of each of its properties read: what a stage read of the
 * reference data. Only own top-level properties are noted (`ctx.gazetteer`, `ctx.categories`).
 */
export function trackReads<T extends object>(context: T): { context: T; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(context, {
    get(target, property, receiver) {
      if (typeof property === "string") read.add(property);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { context: proxy, read };
}

/** How a stage's value goes to and from the text of an entry. */
export interface StageCodec<T> {
  encode(value: T): unknown;
  decode(stored: unknown): T;
}

/** A stage run through the cache. */
export interface CachedStage<C extends object, T> {
  stage: string;
  key: string;
  /** the reference data the stage reads; its reads are tracked */
  context: C;
  compute(context: C): T;
  codec: StageCodec<T>;
  /**
   * whether a stored entry's condition still holds for this build (e.g. the build day is not earlier than the one
   * its date checks were made on); absent: always
   */
  holds?: ((condition: unknown) => boolean) | undefined;
  /** the condition to store with a new value; absent: none */
  conditionOf?: ((value: T) => unknown) | undefined;
}

/** Counts of one build's cache use, for the summary and the benchmark. */
export interface CacheCounts {
  /** entries used as stored */
  hits: number;
  /** entries computed: none stored, or one stored for other reference data or another build day */
  misses: number;
}

/**
 * The stage's value for `job.key`: the stored one when the reference parts it read then have the same fingerprints
 * now and its condition holds, else computed (its reads tracked) and stored. A stored entry that cannot be read
 * (cut short, another format) is computed again. `counts` is updated. Without a cache, just computes.
 */
export function runCachedStage<C extends object, T>(cache: StageCache | undefined, job: CachedStage<C, T>, counts?: CacheCounts): T {
  if (cache === undefined) return job.compute(job.context);
  const stored = cache.store.read(job.stage, job.key);
  if (stored !== undefined) {
    const entry = parseEntry(stored);
    if (entry !== null && isCurrent(entry, cache.fingerprints) && (job.holds === undefined || job.holds(entry.condition))) {
      try {
        const value = job.codec.decode(entry.value);
        if (counts) counts.hits += 1;
        return value;
      } catch {
        // An entry of another shape: computed again below, and overwritten.
      }
    }
  }
  const tracked = trackReads(job.context);
  const value = job.compute(tracked.context);
  const reads: Record<string, string> = {};
  for (const part of [...tracked.read].sort()) {
    const fingerprint = cache.fingerprints[part];
    // A read of something without a fingerprint could change unseen: such a value is not stored.
    if (fingerprint === undefined) {
      if (counts) counts.misses += 1;
      return value;
    }
    reads[part] = fingerprint;
  }
  const entry: EntrySpec = { reads, value: job.codec.encode(value) };
  const condition = job.conditionOf?.(value);
  if (condition !== undefined) entry.condition = condition;
  cache.store.write(job.stage, job.key, JSON.stringify(entry));
  if (counts) counts.misses += 1;
  return value;
}

function parseEntry(text: string): EntrySpec | null {
  try {
    const spec = JSON.parse(text) as unknown;
    if (typeof spec !== "object" || spec === null || !("reads" in spec) || !("value" in spec)) return null;
    const reads = (spec as { reads: unknown }).reads;
    if (typeof reads !== "object" || reads === null) return null;
    return spec as EntrySpec;
  } catch {
    return null;
  }
}

/** Whether every reference part the entry read has the fingerprint it had then. */
function isCurrent(entry: EntrySpec, fingerprints: ReferenceFingerprints): boolean {
  return Object.entries(entry.reads).every(([part, fingerprint]) => fingerprints[part] === fingerprint);
}
