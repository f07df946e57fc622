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
export function oncePerBuild<T>(make: () => T, dev: boolean = isDevServer()): () => T {
  let made: { run: string; value: T } | undefined;
  return () => {
    if (dev) return make();
    const run = getBuildRun();
    if (made?.run !== run) made = { run, value: make() };
    return made.value;
  };
}

/**
 * Whether this runs in `astro dev`. Only ever written as the full lookup of `DEV`, which Vite replaces by a
 * constant: Astro's env plugin replaces any other mention of the env object in a module (even in a comment) by an
 * object holding every variable of the shell whose name the module's text contains (`_` always), so the built code
 * changed with the shell, and Astro's incremental build (which hashes the code) would never find a page unchanged.
 * Outside Vite (the build scripts under plain Node) the env object is undefined.
 */
function isDevServer(): boolean {
  try {
    return import.meta.env.DEV === true;
  } catch {
    return false;
  }
}
