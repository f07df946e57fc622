/**
 * What is wrong with a crawled site, as lines a person can act on: broken references, pages no link
 * leads to, JavaScript, assets from other hosts, page weight.
 */
import { gzipSync } from "node:zlib";
import type { SiteCrawl } from "./siteCrawl.ts";

/** The internal URL (no fragment) a reference points to and its decoded fragment; null when external or not a URL. */
export function findInternalTarget(crawl: SiteCrawl, url: string | null): { key: string; fragment: string } | null {
  if (url === null || !url.startsWith(`${crawl.origin}/`)) return null;
  const target = new URL(url);
  let fragment = target.hash.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // `#%E4` (a cut escape) is kept as written: it then matches no id and is reported.
  }
  target.hash = "";
  return { key: target.href, fragment };
}

/** An internal reference that does not resolve. */
export interface BrokenReference {
  /** the page or stylesheet it is in, e.g. `/reports/004/` */
  from: string;
  /** e.g. `a[href]` */
  via: string;
  /** as written, e.g. `/measures/#category-tracing` */
  value: string;
  /** e.g. `HTTP 404`, `redirects to /b/: link to that address instead`, `no element with id "x"` */
  reason: string;
}

/**
 * Internal references that do not resolve: not a URL, a status other than 200 (a redirect is
 * reported with where it goes: link there instead), or a `#fragment` with no such id in the target
 * page (`#` and `#top` excepted). Each distinct (from, via, value) once, in crawl order.
 */
export function findBrokenReferences(crawl: SiteCrawl): BrokenReference[] {
  const broken = new Map<string, BrokenReference>();
  const add = (ref: { from: string; via: string; value: string }, reason: string): void => {
    broken.set(`${ref.from}\t${ref.via}\t${ref.value}`, { from: ref.from, via: ref.via, value: ref.value, reason });
  };
  for (const ref of crawl.references) {
    if (ref.url === null) {
      add(ref, "not a URL");
      continue;
    }
    const target = findInternalTarget(crawl, ref.url);
    if (target === null) continue;
    const response = crawl.fetched.get(target.key);
    const status = response?.status ?? 0;
    if (status >= 300 && status < 400) add(ref, `redirects to ${response?.location ?? "?"}: link to that address instead`);
    else if (status !== 200) add(ref, `HTTP ${status}`);
    else if (target.fragment !== "" && target.fragment !== "top") {
      const page = crawl.pages.get(target.key.slice(crawl.origin.length));
      if (page !== undefined && !page.ids.has(target.fragment)) add(ref, `no element with id "${target.fragment}"`);
    }
  }
  return [...broken.values()];
}

/** One line per broken reference: `from: via="value": reason`. */
export function formatBrokenReference(ref: BrokenReference): string {
  return `${ref.from}: ${ref.via}="${ref.value}": ${ref.reason}`;
}

/**
 * Broken references grouped by target, most-linked first: `"/districts/": HTTP 404 (43 pages, e.g. /)`,
 * so that one missing page reads as one line, not as one line per page linking to it.
 */
export function summarizeBrokenReferences(refs: readonly BrokenReference[]): string[] {
  const groups = new Map<string, string[]>();
  for (const ref of refs) {
    const key = `"${ref.value}": ${ref.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), ref.from]);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([key, froms]) => `${key} (${froms.length === 1 ? "1 page" : `${froms.length} pages`}, e.g. ${froms[0] ?? "?"})`);
}

/** HTML pages (URL paths from `htmlPaths`) that no chain of links from `/` reaches; `/404.html` excepted. */
export function findOrphans(crawl: SiteCrawl, htmlPaths: readonly string[]): string[] {
  const links = new Map<string, string[]>();
  for (const ref of crawl.references) {
    const target = findInternalTarget(crawl, ref.url);
    if (target === null || ref.subresource) continue;
    const list = links.get(ref.from) ?? [];
    list.push(target.key.slice(crawl.origin.length));
    links.set(ref.from, list);
  }
  const reached = new Set(["/"]);
  const queue = ["/"];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    for (const next of links.get(path) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return htmlPaths.filter((path) => !reached.has(path) && path !== "/404.html");
}

/** Subresources (images, stylesheets, fonts) loaded from another host: `from: via="value"`. */
export function findExternalAssets(crawl: SiteCrawl): string[] {
  return crawl.references
    .filter((ref) => ref.subresource && ref.url !== null && !ref.url.startsWith(`${crawl.origin}/`) && !ref.url.startsWith("data:"))
    .map((ref) => `${ref.from}: ${ref.via}="${ref.value}"`);
}

/**
 * The only JavaScript the site may ship: the search page's script and the index modules it imports (src/search/*.js,
 * served from /search/), and the embed height script loaded by /embed/ pages. Paths are URL paths of the site served at `/`.
 */
export interface JavaScriptAllowance {
  /** page path prefix → the external scripts (`<script src>`, URL paths) pages under it may load */
  pages: ReadonlyArray<{ prefix: string; scripts: readonly string[]; exact?: boolean }>;
  /** files of the site folder (posix paths) that may be JavaScript */
  files: readonly RegExp[];
}

/** The site's allowance: /search/ loads /search/search.js (which imports /search/text.js and the others), /embed/… pages /embed/height.js. */
export const SITE_JAVASCRIPT: JavaScriptAllowance = {
  pages: [
    { prefix: "/search/", scripts: ["/search/search.js"], exact: true },
    { prefix: "/embed/", scripts: ["/embed/height.js"] },
  ],
  files: [/^search\/(search|text|postings|match|layout)\.js$/, /^embed\/height\.js$/],
};

/**
 * Every way a page could run JavaScript, less what `allowed` permits: `<script>` elements (of any type), `on*`
 * attributes, `javascript:`/`vbscript:` URLs, and `.js`/`.mjs`/`.cjs` files among `files` (paths in the site folder).
 * A page's scripts pass only when it is an allowed page and every one of them is external (`src`) and points to one
 * of the scripts allowed there: an inline script, or a second script beside the allowed one, is reported (each
 * `<script>` of that page). Handlers and `javascript:` URLs are never allowed.
 */
export function findJavaScript(crawl: SiteCrawl, files: readonly string[], allowed: JavaScriptAllowance = SITE_JAVASCRIPT): string[] {
  const found: string[] = [];
  for (const page of crawl.pages.values()) {
    if (!isAllowedScripts(crawl, page.path, page.scripts.length, allowed)) {
      for (const script of page.scripts) found.push(`${page.path}: ${script}`);
    }
    for (const handler of page.handlers) found.push(`${page.path}: ${handler}`);
  }
  for (const ref of crawl.references) {
    if (/^\s*(javascript|vbscript):/i.test(ref.value)) found.push(`${ref.from}: ${ref.via}="${ref.value}"`);
  }
  for (const file of files) {
    if (/\.(m?js|cjs)$/.test(file) && !allowed.files.some((pattern) => pattern.test(file))) found.push(`${file}: JavaScript file`);
  }
  return found;
}

/** True when the page at `path` may run its `count` scripts: each one is a `<script src>` allowed for that page. */
function isAllowedScripts(crawl: SiteCrawl, path: string, count: number, allowed: JavaScriptAllowance): boolean {
  if (count === 0) return true;
  const rule = allowed.pages.find((r) => (r.exact ? path === r.prefix : path.startsWith(r.prefix)));
  if (rule === undefined) return false;
  const sources = crawl.references
    .filter((ref) => ref.from === path && ref.via === "script[src]")
    .map((ref) => findInternalTarget(crawl, ref.url)?.key.slice(crawl.origin.length));
  return sources.length === count && sources.every((source) => source !== undefined && rule.scripts.includes(source));
}

/** Gzipped bytes of a page plus every internal subresource it loads (each once); 0 for an unknown page. */
export function getPageWeight(crawl: SiteCrawl, path: string): number {
  const page = crawl.pages.get(path);
  if (page === undefined) return 0;
  let bytes = gzipSync(page.html).length;
  const assets = new Set(crawl.references.filter((ref) => ref.from === path && ref.subresource).map((ref) => findInternalTarget(crawl, ref.url)?.key));
  for (const key of assets) {
    const response = key === undefined ? undefined : crawl.fetched.get(key);
    if (response?.status === 200) bytes += gzipSync(response.bytes).length;
  }
  return bytes;
}
