/**
 * The banner of an archived snapshot's pages (src/layouts/Base.astro): which day it is and where the same page is on
 * the live site.
 */

/**
 * The live site's address of the page at `pathname` of a site built under `base`: the base is replaced by the site
 * root, then made absolute against `site`. `("/archive/2022-04-13/site/reports/004/", "/archive/2022-04-13/site/",
 * "https://tongbao.example.org")` → `https://tongbao.example.org/reports/004/`. A pathname outside the base gives the
 * live home page.
 */
export function getLiveUrl(pathname: string, base: string, site: string | URL): string {
  const root = base.endsWith("/") ? base : `${base}/`;
  const path = pathname.startsWith(root) ? `/${pathname.slice(root.length)}` : "/";
  return new URL(path, site).href;
}
