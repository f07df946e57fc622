/**
 * The site's public address: TONGBAO_SITE, or a reserved example domain so that a fresh clone builds. Absolute links
 * (embed snippets, RSS feeds, the sitemap, WeChat briefings' images, a snapshot's link to the live site) are made
 * against it, so a site published with the fallback points its readers at a domain that is not its own:
 * `npm run site` warns (scripts/build-site.ts). astro.config.mjs reads the address from here: one place.
 */

/** The address used when TONGBAO_SITE is unset: example.org is reserved (RFC 2606), never someone else's site. */
export const FALLBACK_SITE = "https://tongbao.example.org";

/** The site's address from `env`: TONGBAO_SITE when set and not empty, else FALLBACK_SITE. */
export function getSiteAddress(env: Readonly<Record<string, string | undefined>>): string {
  const site = env.TONGBAO_SITE?.trim();
  return site ? site : FALLBACK_SITE;
}

/**
 * The warning line `npm run site` prints when TONGBAO_SITE is unset or empty (the build still works, with
 * FALLBACK_SITE); null when it is set.
 */
export function findSiteAddressWarning(env: Readonly<Record<string, string | undefined>>): string | null {
  if (env.TONGBAO_SITE?.trim()) return null;
  return `TONGBAO_SITE is not set: absolute links (embed snippets, feeds, sitemap, WeChat images) use ${FALLBACK_SITE}; set it to the public address before publishing`;
}
