/**
 * The addresses of the briefings, site-relative (pass them through sitePath() in a page; absolute with the site's
 * address in outputs that leave the site: wechat.html, briefing.md).
 *
 * - `/briefings/` the list; `/briefings/2022-04-13/` a day (city), `/briefings/2022-04-13/haidian/` a district
 * - `/briefings/week/2022-W15/` a week
 * - beside each briefing page: `wechat.html`, `briefing.md`, `figures.csv`; city days with a chart also `cases.png`
 */

/** `/briefings/` */
export const BRIEFINGS_PATH = "/briefings/";

/** The page of a day's briefing: `/briefings/2022-04-13/`, or a district's `/briefings/2022-04-13/haidian/`. */
export function getBriefingPath(date: string, districtSlug?: string): string {
  return districtSlug === undefined ? `/briefings/${date}/` : `/briefings/${date}/${districtSlug}/`;
}

/** The page of a weekly briefing: `/briefings/week/2022-W15/`. */
export function getWeeklyBriefingPath(week: string): string {
  return `/briefings/week/${week}/`;
}

/** `https://tongbao.example.org` + `/archive/…/site/` base + path: an absolute URL for text that leaves the site. */
export function getAbsoluteUrl(path: string, site: string | URL | undefined, base: string = "/"): string {
  const origin = site === undefined ? "" : String(site).replace(/\/+$/, "");
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return origin + prefix + path.replace(/^\//, "");
}
