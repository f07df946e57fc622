/**
 * The site's full-text search: Pagefind run over the built site (after `astro build`, before the folder is swapped
 * in), writing its index and its browser scripts to `pagefind/` of the site. Only report pages are indexed: their
 * article carries `data-pagefind-body` (src/pages/reports/[id].astro), and Pagefind then skips every page without it.
 * Pagefind's extended binary (the one its npm package starts) segments Chinese, so `核酸检测` and `古北口` are found
 * inside unspaced text.
 */
import { join } from "node:path";
import { close, createIndex } from "pagefind";

/** The folder of the site the index is written to; the search page loads its scripts from here. */
export const SEARCH_FOLDER = "pagefind";

/**
 * The pages Pagefind reads: the report pages (and the report lists beside them, which it skips for lack of a body).
 * The same index as reading every page, since only report pages have a body, without opening the ten thousand
 * briefing and embed pages first: 0.14 s instead of 2.1 s on the sample site (9 s with 1,000 reports).
 */
const REPORT_PAGES = "reports/*/index.html";

/** What indexing found. */
export interface SearchIndexResult {
  /** HTML pages Pagefind indexed (the report pages) */
  pages: number;
}

/** Raised when Pagefind reports errors; the message lists them. */
export class SearchIndexError extends Error {}

/**
 * Indexes the report pages of `siteFolder` (`reports/{id}/index.html`) and writes the index to `siteFolder/pagefind/`. Rejects with a
 * SearchIndexError listing Pagefind's errors when it cannot start, index or write, or when the folder holds no HTML
 * page (missing or empty: Pagefind itself calls that a success); the folder may then hold a partial
 * `pagefind/`, which is why the site build runs this on its temporary folder. Always stops the Pagefind process.
 */
export async function writeSearchIndex(siteFolder: string): Promise<SearchIndexResult> {
  try {
    const { index, errors } = await createIndex({});
    if (index === undefined) throw new SearchIndexError(`pagefind could not start: ${errors.join("; ") || "no index returned"}`);
    const added = await index.addDirectory({ path: siteFolder, glob: REPORT_PAGES });
    if (added.errors.length > 0) throw new SearchIndexError(`${siteFolder}: pagefind could not index the site: ${added.errors.join("; ")}`);
    // A missing or empty folder is no error to Pagefind (page_count 0); to the site build it is one.
    if (added.page_count === 0) throw new SearchIndexError(`${siteFolder}: pagefind found no HTML pages to index: expected the built site, found none`);
    const written = await index.writeFiles({ outputPath: join(siteFolder, SEARCH_FOLDER) });
    if (written.errors.length > 0) throw new SearchIndexError(`${siteFolder}: pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await close();
  }
}
