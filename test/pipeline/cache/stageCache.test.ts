/**
 * The per-document cache's mechanism (src/pipeline/cache/stageCache.ts) with a store in memory: keys, tracked reads
 * of the reference context, when a stored entry is used and when it is computed again.
 */
import { describe, expect, it } from "vitest";
import { memoryStore } from "../../support/memoryCacheStore.ts";
import { getCacheKey, runCachedStage, trackReads, type CacheCounts, type CacheStore, type CachedStage, type StageCache, type StageCodec } from "../../../src/pipeline/cache/stageCache.ts";

/** Reference data of a test: three parts, each with a fingerprint. */
interface Context {
  words: string[];
  numbers: number[];
  flags: { on: boolean };
}

const CONTEXT: Context = { words: ["甲", "乙"], numbers: [1, 2], flags: { on: true } };
const FINGERPRINTS = { words: "fp-words-1", numbers: "fp-numbers-1", flags: "fp-flags-1" };

function cacheWith(store: CacheStore, fingerprints: Record<string, string> = FINGERPRINTS, codeVersion = "code-1"): StageCache {
  return { store, codeVersion, fingerprints };
}

/** A codec that marks what it decoded, so a test can tell a stored value from a computed one. */
const taggedCodec: StageCodec<{ n: number; from?: string }> = {
  encode: (value) => ({ n: value.n }),
  decode: (stored) => {
    const spec = stored as { n?: unknown } | null;
    if (typeof spec?.n !== "number") throw new Error("not a stored value");
    return { n: spec.n, from: "store" };
  },
};

/** A stage that reads `words` only, and counts its computations. */
function wordsStage(overrides: Partial<CachedStage<Context, { n: number; from?: string }>> = {}) {
  const calls = { compute: 0 };
  const job: CachedStage<Context, { n: number; from?: string }> = {
    stage: "test",
    key: "k".repeat(64),
    context: CONTEXT,
    compute: (ctx) => {
      calls.compute += 1;
      return { n: ctx.words.length };
    },
    codec: taggedCodec,
    ...overrides,
  };
  return { job, calls };
}

function zero(): CacheCounts {
  return { hits: 0, misses: 0 };
}

describe("getCacheKey(cache, stage, parts)", () => {
  const cache = cacheWith(memoryStore());
  const parts = ["data/raw/reports/004.txt", "004", new TextEncoder().encode("正文"), "no sidecar"];

  it("is a sha256 in hex, the same for the same parts", () => {
    const key = getCacheKey(cache, "analysis", parts);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(getCacheKey(cache, "analysis", [...parts])).toBe(key);
    expect(getCacheKey(cacheWith(memoryStore(), { other: "x" }), "analysis", parts), "fingerprints are not part of the key").toBe(key);
  });

  it.each([0, 1, 2, 3])("changes with part %i", (index) => {
    const changed = [...parts];
    const part = changed[index]!;
    changed[index] = typeof part === "string" ? `${part}x` : new Uint8Array([...part, 0]);
    expect(getCacheKey(cache, "analysis", changed)).not.toBe(getCacheKey(cache, "analysis", parts));
  });

  it("changes with the parts' boundaries, their number and their kind", () => {
    const keys = [
      getCacheKey(cache, "s", ["ab", "c"]),
      getCacheKey(cache, "s", ["a", "bc"]),
      getCacheKey(cache, "s", ["abc"]),
      getCacheKey(cache, "s", ["abc", ""]),
      getCacheKey(cache, "s", ["a\u0000bc"]),
      getCacheKey(cache, "s", [new TextEncoder().encode("abc")]),
      getCacheKey(cache, "s", []),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("changes with the stage and with the code version", () => {
    const key = getCacheKey(cache, "analysis", parts);
    expect(getCacheKey(cache, "extraction", parts)).not.toBe(key);
    expect(getCacheKey(cacheWith(memoryStore(), FINGERPRINTS, "code-2"), "analysis", parts)).not.toBe(key);
  });
});

describe("trackReads(context)", () => {
  it("notes each top-level property read, once, and hands back the real values", () => {
    const { context, read } = trackReads(CONTEXT);
    expect(context.words).toBe(CONTEXT.words);
    void context.words.length;
    void context.flags.on;
    expect([...read].sort()).toEqual(["flags", "words"]);
  });

  it("notes nothing for a context that is not read, nor for symbols", () => {
    const { context, read } = trackReads(CONTEXT);
    void (context as unknown as Record<symbol, unknown>)[Symbol.iterator];
    expect([...read]).toEqual([]);
  });

  it("notes every property of a context that is spread or destructured whole", () => {
    const { context, read } = trackReads(CONTEXT);
    const { words: _words, ...rest } = context;
    void rest;
    expect([...read].sort()).toEqual(["flags", "numbers", "words"]);
  });
});

describe("runCachedStage(cache, job, counts)", () => {
  it("just computes without a cache, and counts nothing", () => {
    const { job, calls } = wordsStage();
    const counts = zero();
    expect(runCachedStage(undefined, job, counts)).toEqual({ n: 2 });
    expect(calls.compute).toBe(1);
    expect(counts).toEqual({ hits: 0, misses: 0 });
  });

  it("stores a computed value with the fingerprints of the parts it read, then returns the stored one", () => {
    const store = memoryStore();
    const counts = zero();
    const { job, calls } = wordsStage();
    expect(runCachedStage(cacheWith(store), job, counts)).toEqual({ n: 2 });
    expect(counts).toEqual({ hits: 0, misses: 1 });
    expect(JSON.parse(store.entries.get(`test/${job.key}`)!)).toEqual({ reads: { words: "fp-words-1" }, value: { n: 2 } });

    const again = runCachedStage(cacheWith(store), job, counts);
    expect(again).toEqual({ n: 2, from: "store" });
    expect(calls.compute).toBe(1);
    expect(store.writes).toBe(1);
    expect(counts).toEqual({ hits: 1, misses: 1 });
  });

  it("computes again, and rewrites the entry, when a part it read has another fingerprint", () => {
    const store = memoryStore();
    const { job, calls } = wordsStage();
    runCachedStage(cacheWith(store), job);
    const changed = cacheWith(store, { ...FINGERPRINTS, words: "fp-words-2" });
    const counts = zero();
    expect(runCachedStage(changed, job, counts)).toEqual({ n: 2 });
    expect(calls.compute).toBe(2);
    expect(counts).toEqual({ hits: 0, misses: 1 });
    expect(JSON.parse(store.entries.get(`test/${job.key}`)!).reads).toEqual({ words: "fp-words-2" });
    // The rewritten entry holds for the new fingerprints, and no longer for the old ones.
    expect(runCachedStage(changed, job, counts)).toEqual({ n: 2, from: "store" });
    expect(runCachedStage(cacheWith(store), job, counts)).toEqual({ n: 2 });
    expect(counts).toEqual({ hits: 1, misses: 2 });
  });

  it("computes again when a part it read has no fingerprint any more", () => {
    const store = memoryStore();
    const { job, calls } = wordsStage();
    runCachedStage(cacheWith(store), job);
    const { words: _words, ...withoutWords } = FINGERPRINTS;
    runCachedStage(cacheWith(store, withoutWords), job);
    expect(calls.compute).toBe(2);
  });

  it("keeps an entry valid when only parts the stage did not read change", () => {
    const store = memoryStore();
    const { job, calls } = wordsStage();
    runCachedStage(cacheWith(store), job);
    const counts = zero();
    const other = cacheWith(store, { ...FINGERPRINTS, numbers: "fp-numbers-2", flags: "fp-flags-2", added: "fp-added-1" });
    expect(runCachedStage(other, job, counts)).toEqual({ n: 2, from: "store" });
    expect(calls.compute).toBe(1);
    expect(counts).toEqual({ hits: 1, misses: 0 });
  });

  it("stores an entry of a stage that read nothing, valid whatever the reference data", () => {
    const store = memoryStore();
    const { job } = wordsStage({ compute: () => ({ n: 7 }) });
    runCachedStage(cacheWith(store), job);
    expect(JSON.parse(store.entries.get(`test/${job.key}`)!)).toEqual({ reads: {}, value: { n: 7 } });
    expect(runCachedStage(cacheWith(store, {}), job)).toEqual({ n: 7, from: "store" });
  });

  it("does not store a value computed from a part without a fingerprint, and counts it a miss", () => {
    const store = memoryStore();
    const counts = zero();
    let computed = 0;
    const { job } = wordsStage({
      compute: (ctx) => {
        computed += 1;
        return { n: ctx.words.length + ctx.numbers.length };
      },
    });
    const { numbers: _numbers, ...withoutNumbers } = FINGERPRINTS;
    const cache = cacheWith(store, withoutNumbers);
    expect(runCachedStage(cache, job, counts)).toEqual({ n: 4 });
    expect(runCachedStage(cache, job, counts)).toEqual({ n: 4 });
    expect(store.entries.size).toBe(0);
    expect(computed).toBe(2);
    expect(counts).toEqual({ hits: 0, misses: 2 });
  });

  it("stores nothing when the computation throws, and lets the error through", () => {
    const store = memoryStore();
    const { job } = wordsStage({
      compute: () => {
        throw new Error("a bug in the stage");
      },
    });
    const counts = zero();
    expect(() => runCachedStage(cacheWith(store), job, counts)).toThrow("a bug in the stage");
    expect(store.entries.size).toBe(0);
    expect(counts).toEqual({ hits: 0, misses: 0 });
  });

  const good = JSON.stringify({ reads: { words: "fp-words-1" }, value: { n: 5 } });
  it.each([
    ["an empty text", ""],
    ["a text cut short", good.slice(0, good.length - 3)],
    ["half an entry", good.slice(0, good.length / 2)],
    ["not JSON", "not json at all"],
    ["JSON null", "null"],
    ["a JSON string", JSON.stringify(good)],
    ["an array", "[1,2]"],
    ["an entry without reads", JSON.stringify({ value: { n: 5 } })],
    ["an entry without a value", JSON.stringify({ reads: { words: "fp-words-1" } })],
    ["reads that are not an object", JSON.stringify({ reads: "words", value: { n: 5 } })],
    ["reads that are null", JSON.stringify({ reads: null, value: { n: 5 } })],
    ["a fingerprint that is not a string", JSON.stringify({ reads: { words: 1 }, value: { n: 5 } })],
    ["a value the codec refuses", JSON.stringify({ reads: { words: "fp-words-1" }, value: { count: 5 } })],
    ["a value of another type", JSON.stringify({ reads: { words: "fp-words-1" }, value: null })],
  ])("computes again, without throwing, over %s, and overwrites it", (_name, text) => {
    const store = memoryStore();
    const { job, calls } = wordsStage();
    store.entries.set(`test/${job.key}`, text);
    const counts = zero();
    expect(runCachedStage(cacheWith(store), job, counts)).toEqual({ n: 2 });
    expect(calls.compute).toBe(1);
    expect(counts).toEqual({ hits: 0, misses: 1 });
    expect(JSON.parse(store.entries.get(`test/${job.key}`)!)).toEqual({ reads: { words: "fp-words-1" }, value: { n: 2 } });
  });

  it("uses a sound entry the codec reads (the table above fails for the entries' faults, not the codec's)", () => {
    const store = memoryStore();
    const { job, calls } = wordsStage();
    store.entries.set(`test/${job.key}`, good);
    expect(runCachedStage(cacheWith(store), job)).toEqual({ n: 5, from: "store" });
    expect(calls.compute).toBe(0);
  });

  it("computes again when the codec throws while decoding", () => {
    const store = memoryStore();
    let decodes = 0;
    const throwing: StageCodec<{ n: number; from?: string }> = {
      encode: (value) => value,
      decode: () => {
        decodes += 1;
        throw new RangeError("offset is out of bounds");
      },
    };
    const { job, calls } = wordsStage({ codec: throwing });
    const counts = zero();
    runCachedStage(cacheWith(store), job, counts);
    expect(runCachedStage(cacheWith(store), job, counts)).toEqual({ n: 2 });
    expect(decodes).toBe(1);
    expect(calls.compute).toBe(2);
    expect(counts).toEqual({ hits: 0, misses: 2 });
  });

  describe("conditions (holds, conditionOf)", () => {
    /** A stage whose value holds from the day it was computed on: the shape of the analysis's date check. */
    function dayStage(today: string) {
      const seen: unknown[] = [];
      const { job, calls } = wordsStage({
        conditionOf: (value) => ({ today, n: value.n }),
        holds: (condition) => {
          seen.push(condition);
          const c = condition as { today?: unknown } | undefined;
          return typeof c?.today === "string" && c.today <= today;
        },
      });
      return { job, calls, seen };
    }

    it("stores the condition of the computed value beside it", () => {
      const store = memoryStore();
      runCachedStage(cacheWith(store), dayStage("2026-11-26").job);
      expect(JSON.parse([...store.entries.values()][0]!)).toEqual({ reads: { words: "fp-words-1" }, condition: { today: "2026-11-26", n: 2 }, value: { n: 2 } });
    });

    it("uses the entry when its condition holds, and computes again (storing the new condition) when not", () => {
      const store = memoryStore();
      const counts = zero();
      runCachedStage(cacheWith(store), dayStage("2026-11-26").job, counts);
      const later = dayStage("2026-12-01");
      expect(runCachedStage(cacheWith(store), later.job, counts)).toEqual({ n: 2, from: "store" });
      expect(later.seen).toEqual([{ today: "2026-11-26", n: 2 }]);
      const earlier = dayStage("2026-11-20");
      expect(runCachedStage(cacheWith(store), earlier.job, counts)).toEqual({ n: 2 });
      expect(earlier.calls.compute).toBe(1);
      expect(JSON.parse([...store.entries.values()][0]!).condition).toEqual({ today: "2026-11-20", n: 2 });
      expect(counts).toEqual({ hits: 1, misses: 2 });
    });

    it("asks holds only about a stored entry whose reads are current", () => {
      const store = memoryStore();
      const fresh = dayStage("2026-11-26");
      runCachedStage(cacheWith(store), fresh.job);
      expect(fresh.seen).toEqual([]);
      const stale = dayStage("2026-11-26");
      runCachedStage(cacheWith(store, { ...FINGERPRINTS, words: "fp-words-2" }), stale.job);
      expect(stale.seen).toEqual([]);
      expect(stale.calls.compute).toBe(1);
    });

    it("passes undefined to holds for an entry stored without a condition", () => {
      const store = memoryStore();
      runCachedStage(cacheWith(store), wordsStage({ conditionOf: () => undefined }).job);
      expect(JSON.parse([...store.entries.values()][0]!)).not.toHaveProperty("condition");
      const seen: unknown[] = [];
      const { job, calls } = wordsStage({
        holds: (condition) => {
          seen.push(condition);
          return condition === undefined;
        },
      });
      expect(runCachedStage(cacheWith(store), job)).toEqual({ n: 2, from: "store" });
      expect(seen).toEqual([undefined]);
      expect(calls.compute).toBe(0);
    });
  });

  it("keeps the counts of many jobs over one store", () => {
    const store = memoryStore();
    const counts = zero();
    const keys = ["a", "b", "c"].map((c) => c.repeat(64));
    for (const key of keys) runCachedStage(cacheWith(store), wordsStage({ key }).job, counts);
    for (const key of keys) runCachedStage(cacheWith(store), wordsStage({ key }).job, counts);
    runCachedStage(cacheWith(store), wordsStage({ key: "d".repeat(64) }).job, counts);
    runCachedStage(cacheWith(store, { ...FINGERPRINTS, words: "fp-words-2" }), wordsStage({ key: "a".repeat(64) }).job, counts);
    expect(counts).toEqual({ hits: 3, misses: 5 });
    expect(store.entries.size).toBe(4);
  });
});
