/**
 * The search page's scripts, served from /search/ as written (no bundler hash, so two builds give the same files):
 * the page's own (src/search/search.js) and the index modules it imports by relative name (./text.js, …), which
 * the site build shares. Files of the site rather than inline scripts, so the pages' Content-Security-Policy can
 * stay `script-src 'self'`. The route is named with its extension, so that `astro dev` serves `/search/search.js`
 * without a trailing slash, as the built site does.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import search from "../../search/search.js?raw";
import text from "../../search/text.js?raw";
import postings from "../../search/postings.js?raw";
import match from "../../search/match.js?raw";
import layout from "../../search/layout.js?raw";

/** Each script by its name under /search/ without `.js`; the names are the files' own, so their relative imports resolve. */
const SEARCH_SCRIPTS: Record<string, string> = { search, text, postings, match, layout };

export const getStaticPaths = (() => Object.keys(SEARCH_SCRIPTS).map((script) => ({ params: { script } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const script = SEARCH_SCRIPTS[params.script ?? ""];
  if (script === undefined) return new Response(null, { status: 404 });
  return new Response(script, { headers: { "content-type": "text/javascript; charset=utf-8" } });
};
