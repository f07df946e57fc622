/**
 * Values a site build works out once and every page shares (the rows of a dataset, the charts, the briefing
 * index), kept for one build only. Astro prerenders all pages in one process, so a module-level value serves them
 * all; but a second build in the same process (tests, the live site after a snapshot) may load the very same page
 * modules again, from the same chunk files, with other datasets. src/build/site.ts numbers each build in
 * TONGBAO_BUILD_RUN, and a value made in an earlier build is made again.
 */

/** The number of the site build running in this process (src/build/site.ts), or "" for a bare `astro build`. */
export function getBuildRun(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.TONGBAO_BUILD_RUN ?? "";
}

/**
 * A function giving `make()`'s value, made at the first call of each build and kept for the rest of it. `astro dev`
 * makes it anew on every call, since its datasets may change while it runs.
 */
export function oncePerBuild<T>(make: () => T, dev: boolean = import.meta.env?.DEV === true): () => T {
  let made: { run: string; value: T } | undefined;
  return () => {
    if (dev) return make();
    const run = getBuildRun();
    if (made?.run !== run) made = { run, value: make() };
    return made.value;
  };
}
