/**
 * /search/search.js: the search page's script (./_search.js, plain browser JavaScript), served as a file of the
 * site rather than inline so the pages' Content-Security-Policy can stay `script-src 'self'`, and byte for byte as
 * written (no bundler hash), so two builds give the same file.
 */
import type { APIRoute } from "astro";
import script from "./_search.js?raw";

export const GET: APIRoute = () => new Response(script, { headers: { "content-type": "text/javascript; charset=utf-8" } });
