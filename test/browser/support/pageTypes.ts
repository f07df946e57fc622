/**
 * The kinds of page the site has, told apart by URL alone (the pages are written in parallel with
 * these tests, so the tests discover pages by crawling and group them by these patterns).
 */

/** A page kind: one per route of the issue, `other` for anything else (e.g. 404). */
export type PageType =
  | "home"
  | "districts"
  | "district"
  | "reports"
  | "report"
  | "cases"
  | "risk-areas"
  | "measures"
  | "data"
  | "about"
  | "embed"
  | "other";

/** Every page type the issue asks for, in the order of the issue (`other` excluded). */
export const PAGE_TYPES: readonly PageType[] = [
  "home",
  "districts",
  "district",
  "reports",
  "report",
  "cases",
  "risk-areas",
  "measures",
  "data",
  "about",
  "embed",
];

/**
 * The page type of a URL path, e.g. `/districts/haidian/` → `district`, `/reports/004/` → `report`.
 * Listings split into sub-pages belong to their section: `/reports/2/`, `/reports/page/2/` and
 * `/reports/district/haidian/2/` → `reports`; `/risk-areas/chaoyang/3/` → `risk-areas`;
 * `/districts/haidian/2/` → `district`. Paths outside the known routes → `other`.
 */
export function getPageType(pathname: string): PageType {
  const parts = pathname.split("/").filter((part) => part !== "");
  const [first, second] = parts;
  switch (first) {
    case undefined:
      return "home";
    case "districts":
      return parts.length === 1 ? "districts" : "district";
    case "reports":
      if (parts.length === 1 || parts.length >= 3) return "reports";
      // /reports/2/ (Astro's [...page] pagination) is the index; report ids are file names like 004.
      return /^[1-9][0-9]*$/.test(second ?? "") ? "reports" : "report";
    case "cases":
    case "risk-areas":
    case "measures":
    case "data":
    case "about":
      return first;
    case "embed":
      // /embed/cases/ and /embed/cases/haidian/: one chart, framed by other sites (src/layouts/EmbedLayout.astro)
      return "embed";
    default:
      return "other";
  }
}

/** The index page of a page type, when it has one: `risk-areas` → `/risk-areas/`; `report` → undefined. */
export function findIndexPath(type: PageType): string | undefined {
  if (type === "home") return "/";
  if (type === "report" || type === "district" || type === "embed" || type === "other") return undefined;
  return `/${type}/`;
}

/**
 * The minimum number of charts a page must have, by path: `/` shows the three main charts; the
 * cases, risk-area and measure pages one each. Other pages may have charts but need not.
 */
export const MIN_CHARTS: Readonly<Record<string, number>> = {
  "/": 3,
  "/cases/": 1,
  "/risk-areas/": 1,
  "/measures/": 1,
};
