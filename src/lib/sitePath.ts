/**
 * Addresses inside the site, wherever it is served from. The live site is built at `/`; an archived snapshot is built
 * under `/archive/2022-04-13/site/` (Astro's `base`), so every internal link goes through here instead of being
 * written as `/reports/…`: a snapshot's pages then link to the snapshot, never to today's site.
 */

/** The base the site is being built under, always ending in `/` (`/` outside Astro, as in unit tests). */
export function getSiteBase(): string {
  // The base comes from TONGBAO_BASE, which src/build/site.ts sets and astro.config.mjs passes to Astro, not from
  // import.meta.env.BASE_URL: Astro lets a BASE_URL in the environment override that one at render time, and a build
  // started from vitest (or any shell that exports BASE_URL) would then link a snapshot's pages into the live site.
  const base = process.env.TONGBAO_BASE ?? "/";
  return base.endsWith("/") ? base : `${base}/`;
}

/**
 * `/reports/030/` → `/archive/2022-04-13/site/reports/030/` in a snapshot, unchanged on the live site. Fragments and
 * outside addresses pass through (`#note-1`, `https://…`), so a lib function's href can be handed over as it is.
 */
export function sitePath(path: string, base: string = getSiteBase()): string {
  if (!path.startsWith("/") || path.startsWith("//")) return path;
  return base + path.slice(1);
}
