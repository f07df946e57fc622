/**
 * Crawl a served site from `/`, following every internal link, and record every reference each page
 * makes (links, images, stylesheets, CSS `url()`s), so a test can say which ones are broken.
 */
import { Parser } from "htmlparser2";

/** One reference from a page or stylesheet to another URL. */
export interface Reference {
  /** the page or stylesheet path it appears in, e.g. `/reports/004/` */
  from: string;
  /** element and attribute, e.g. `a[href]`, `img[src]`, `css url()` */
  via: string;
  /** the attribute value as written, e.g. `../004/#p3` */
  value: string;
  /** absolute URL, fragment kept; null when `value` is not a URL (e.g. malformed) */
  url: string | null;
  /** true when the reference is loaded with the page (img, stylesheet, font), false for links */
  subresource: boolean;
}

/** What fetching one internal URL gave. */
export interface Fetched {
  /** HTTP status; 0 when the request itself failed */
  status: number;
  /** `location` header of a redirect, else null */
  location: string | null;
  contentType: string;
  /** raw bytes (empty for failed requests) */
  bytes: Uint8Array;
}

/** One HTML page as parsed by the crawler. */
export interface CrawledPage {
  /** path + search, no fragment, e.g. `/districts/haidian/` */
  path: string;
  html: string;
  /** every `id` (and `a[name]`) in the page, for checking `#fragment` links */
  ids: Set<string>;
  /** tag names of `<script>` elements found (`script[type=…]`) */
  scripts: string[];
  /** inline event handlers found, e.g. `img[onerror]` */
  handlers: string[];
}

/** The crawl: every internal URL met, what it gave, and every reference made. */
export interface SiteCrawl {
  origin: string;
  /** internal URLs without fragment → response */
  fetched: Map<string, Fetched>;
  /** HTML pages reached with status 200, by path */
  pages: Map<string, CrawledPage>;
  references: Reference[];
}

/** Attributes that hold URLs, and whether the element loads them with the page. */
function referencesOf(tag: string, attributes: Record<string, string>): Array<{ via: string; value: string; subresource: boolean }> {
  const found: Array<{ via: string; value: string; subresource: boolean }> = [];
  const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
  const linkLoads = ["stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"].some((r) => rel.includes(r));
  for (const name of ["href", "xlink:href", "src", "action", "poster", "data", "cite"]) {
    const value = attributes[name];
    if (value === undefined) continue;
    const subresource = name === "src" || name === "poster" || name === "data" || (tag === "link" && linkLoads) || tag === "use" || tag === "image";
    found.push({ via: `${tag}[${name}]`, value, subresource });
  }
  for (const name of ["srcset", "imagesrcset"]) {
    const value = attributes[name];
    if (value === undefined) continue;
    // srcset="a.png 1x, b.png 2x": each candidate is a URL then an optional descriptor.
    for (const candidate of value.split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) found.push({ via: `${tag}[${name}]`, value: url, subresource: true });
    }
  }
  return found;
}

/** `url(...)` references in CSS text (stylesheets and `style` attributes), data: URLs excluded. */
export function findCssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    const url = match[1] ?? match[2] ?? match[3] ?? "";
    if (url !== "" && !url.startsWith("data:") && !url.startsWith("#")) urls.push(url);
  }
  return urls;
}

function parsePage(path: string, html: string): { page: CrawledPage; refs: Array<Omit<Reference, "from" | "url">> } {
  const ids = new Set<string>();
  const scripts: string[] = [];
  const handlers: string[] = [];
  const refs: Array<Omit<Reference, "from" | "url">> = [];
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (attributes.id !== undefined) ids.add(attributes.id);
        if (tag === "a" && attributes.name !== undefined) ids.add(attributes.name);
        if (tag === "script") scripts.push(attributes.type ? `script[type=${attributes.type}]` : "script");
        for (const name of Object.keys(attributes)) if (/^on/i.test(name)) handlers.push(`${tag}[${name}]`);
        refs.push(...referencesOf(tag, attributes));
        if (attributes.style !== undefined) {
          for (const value of findCssUrls(attributes.style)) refs.push({ via: `${tag}[style] url()`, value, subresource: true });
        }
        inStyle = tag === "style";
      },
      ontext(text) {
        if (inStyle) for (const value of findCssUrls(text)) refs.push({ via: "style url()", value, subresource: true });
      },
      onclosetag() {
        inStyle = false;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: false, xmlMode: false },
  );
  parser.write(html);
  parser.end();
  return { page: { path, html, ids, scripts, handlers }, refs };
}

/** The public address the site is built for (astro.config.mjs `site`), as its absolute links show it. */
export const PUBLIC_ORIGIN = new URL(process.env.TONGBAO_SITE ?? "https://tongbao.example.org").origin;

/** `https://tongbao.example.org/a/` → `http://127.0.0.1:PORT/a/` when the public origin is given; any other URL as it is. */
export function toServedUrl(url: string | null, origin: string, publicOrigin: string | null): string | null {
  if (url === null || publicOrigin === null) return url;
  const parsed = new URL(url);
  return parsed.origin === publicOrigin ? `${origin}${parsed.pathname}${parsed.search}${parsed.hash}` : url;
}

function resolveUrl(value: string, base: string): string | null {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return null;
  }
}

async function fetchOnce(url: string): Promise<Fetched> {
  try {
    const response = await fetch(url, { redirect: "manual" });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, location: response.headers.get("location"), contentType: response.headers.get("content-type") ?? "", bytes };
  } catch {
    return { status: 0, location: null, contentType: "", bytes: new Uint8Array() };
  }
}

/**
 * Crawls the site at `origin` from `/` (plus `extraPaths`, e.g. every HTML file of dist/ so orphans
 * are checked too): fetches every internal URL once, without following redirects (a redirect is
 * reported, not followed), parses HTML pages and CSS files for further references. External URLs
 * are recorded as references but never fetched (the tests run without network). Absolute addresses on the site's
 * public origin (`publicOrigin`, astro.config.mjs `site`: embed back links, WeChat images, feeds) are the site's
 * own: they are read as the served copy's (`https://tongbao.example.org/a/` → `${origin}/a/`) and checked like any
 * internal link.
 */
export async function crawlSite(origin: string, extraPaths: readonly string[] = [], publicOrigin: string | null = PUBLIC_ORIGIN): Promise<SiteCrawl> {
  const fetched = new Map<string, Fetched>();
  const pages = new Map<string, CrawledPage>();
  const references: Reference[] = [];
  const seen = new Set<string>([`${origin}/`, ...extraPaths.map((path) => `${origin}${path}`)]);
  const queue = [...seen];
  while (queue.length > 0) {
    const batch = queue.splice(0, 16);
    const results = await Promise.all(batch.map(async (url) => [url, await fetchOnce(url)] as const));
    for (const [url, response] of results) {
      fetched.set(url, response);
      if (response.status !== 200) continue;
      const path = url.slice(origin.length);
      const text = new TextDecoder().decode(response.bytes);
      let found: Array<Omit<Reference, "from" | "url">> = [];
      if (response.contentType.startsWith("text/html")) {
        const parsed = parsePage(path, text);
        pages.set(path, parsed.page);
        found = parsed.refs;
      } else if (response.contentType.startsWith("text/css")) {
        found = findCssUrls(text).map((value) => ({ via: "css url()", value, subresource: true }));
      }
      for (const ref of found) {
        const absolute = toServedUrl(resolveUrl(ref.value, url), origin, publicOrigin);
        references.push({ ...ref, from: path, url: absolute });
        if (absolute === null) continue;
        const target = new URL(absolute);
        if (target.origin !== origin) continue;
        target.hash = "";
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
    }
  }
  return { origin, fetched, pages, references };
}
