/**
 * The `_headers` file of Netlify and Cloudflare Pages (public/_headers): which response headers a static host adds
 * to which paths. Parsed here so the browser tests' server sends what a host would (test/browser/support/
 * staticServer.ts) and tests can check every page gets exactly one Content-Security-Policy.
 *
 * The format, as both hosts document it:
 *   # a comment
 *   /embed/*
 *     Content-Security-Policy: default-src 'self'; frame-ancestors *
 * A path line starts at the left margin; its header lines are indented `Name: value`. In a path, `*` (splat)
 * matches any characters including `/`, `:name` (placeholder) matches one path segment. A request gets the headers
 * of every rule that matches it; a header set by several matching rules is sent once, values joined by `, `.
 */

/** One block of the file: a path pattern and its headers in file order. */
export interface HeaderRule {
  /** `/embed/*`, `/:section/`, `/` */
  pattern: string;
  /** [name as written, value] pairs */
  headers: Array<[string, string]>;
  /** 1-based line of the pattern in the file */
  line: number;
}

/** A `_headers` line that cannot be read: `public/_headers:4: …: expected …, found "…"`. */
export class HeadersFileError extends Error {}

/**
 * Reads a `_headers` file. Throws a HeadersFileError naming file and line for a header line before any path, a
 * header line without `Name: value`, a path that does not start with `/` (absolute `https://` URLs, which hosts
 * also accept, are not used by this site and refused), or Cloudflare's `! Name` detach line (Netlify rejects it).
 */
export function parseHeadersFile(text: string, path = "public/_headers"): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    if (!/^\s/.test(raw)) {
      if (!trimmed.startsWith("/")) throw new HeadersFileError(`${path}:${line}: path is not a site path: expected /…, found ${JSON.stringify(trimmed)}`);
      rules.push({ pattern: trimmed, headers: [], line });
      return;
    }
    const rule = rules[rules.length - 1];
    if (rule === undefined) throw new HeadersFileError(`${path}:${line}: header before any path: expected a path line first, found ${JSON.stringify(trimmed)}`);
    if (trimmed.startsWith("!")) throw new HeadersFileError(`${path}:${line}: detach lines are Cloudflare-only: expected Name: value, found ${JSON.stringify(trimmed)}`);
    const colon = trimmed.indexOf(":");
    const name = colon > 0 ? trimmed.slice(0, colon).trim() : "";
    if (!/^[A-Za-z0-9-]+$/.test(name)) throw new HeadersFileError(`${path}:${line}: header line is not Name: value: expected Name: value, found ${JSON.stringify(trimmed)}`);
    rule.headers.push([name, trimmed.slice(colon + 1).trim()]);
  });
  return rules;
}

/**
 * True when `pathname` (`/embed/cases/`) matches `pattern`: `*` any characters (also none, also `/`), `:name` one
 * non-empty segment, everything else literally. `/embed/*` matches `/embed/` and `/embed/cases/haidian/`, not `/embed`.
 */
export function isHeaderPathMatch(pattern: string, pathname: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") && part.length > 1 ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`).test(pathname);
}

/**
 * The headers a host sends for `pathname`: every matching rule's, in file order, one entry per header name
 * (compared case-insensitively, first spelling kept), values of a name set by several rules joined by `, `.
 */
export function getHeadersForPath(rules: readonly HeaderRule[], pathname: string): Array<[string, string]> {
  const merged = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!isHeaderPathMatch(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const seen = merged.get(key);
      merged.set(key, seen === undefined ? [name, value] : [seen[0], `${seen[1]}, ${value}`]);
    }
  }
  return [...merged.values()];
}
