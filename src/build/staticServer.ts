/**
 * A static file server for a built site folder, on 127.0.0.1 and a free port: what a plain web host
 * does with dist/, and nothing more, so a link that works here works on any static host. Like Netlify
 * and Cloudflare Pages, it does not serve the folder's `_headers` file, and with `{ headers: true }` applies it
 * (public/_headers: Content-Security-Policy, X-Frame-Options, …).
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { getHeadersForPath, parseHeadersFile, type HeaderRule } from "./headersFile.ts";

/** A running server; `close()` stops it. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT`, no trailing slash */
  origin: string;
  close(): Promise<void>;
}

/** Content types by file extension; anything else is served as `application/octet-stream`. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".webmanifest": "application/manifest+json",
};

/** The content type served for a file name, e.g. `documents.csv` → `text/csv; charset=utf-8`. */
export function getContentType(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

async function findFile(path: string): Promise<"file" | "directory" | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return undefined;
  return info.isDirectory() ? "directory" : "file";
}

/**
 * Serves `folder` over HTTP: GET and HEAD only; `/x/` → `x/index.html`; `/x` where x is a folder →
 * 301 to `/x/` (as static hosts do, and so a crawler can tell a link that lacks its slash); missing
 * files → 404 (with the site's 404.html when it has one). Paths that climb out of the folder → 404.
 * `/_headers` itself is 404. With `options.headers`, the rules of `folder/_headers` (read once, at start; a
 * malformed file rejects) are added to every response by the requested path, as a host sends them.
 * Off by default: the site's CSP (`script-src 'none'`) refuses the inline script Playwright's
 * `addScriptTag` injects, so a test that injects axe that way must serve without it (or inject with
 * `page.evaluate(source)`, which CSP does not govern, as test/browser/embed.test.ts does).
 */
export async function serveFolder(folder: string, options: { headers?: boolean } = {}): Promise<StaticServer> {
  const root = resolve(folder);
  const headersFile = join(root, "_headers");
  const text = !options.headers
    ? ""
    : await readFile(headersFile, "utf8").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return "";
        throw error;
      });
  const rules: HeaderRule[] = parseHeadersFile(text, headersFile);
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
      } catch {
        // A malformed %-escape in a link is a broken link: say so with a 400 rather than crash.
        response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("bad request: malformed URL escape\n");
        return;
      }
      for (const [name, value] of getHeadersForPath(rules, pathname)) response.setHeader(name, value);
      let path = resolve(join(root, pathname));
      const inside = path === root || path.startsWith(root + sep);
      let kind = inside && !pathname.includes("\0") && path !== headersFile ? await findFile(path) : undefined;
      if (kind === "directory" && !pathname.endsWith("/")) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      if (kind === "directory") {
        path = join(path, "index.html");
        kind = await findFile(path);
      }
      if (kind !== "file") {
        const notFound = join(root, "404.html");
        const hasPage = (await findFile(notFound)) === "file";
        response.writeHead(404, { "content-type": hasPage ? CONTENT_TYPES[".html"] : CONTENT_TYPES[".txt"] });
        if (request.method === "HEAD") response.end();
        else if (hasPage) createReadStream(notFound).pipe(response);
        else response.end(`not found: ${pathname}\n`);
        return;
      }
      const size = (await stat(path)).size;
      response.writeHead(200, { "content-type": getContentType(path), "content-length": size, "cache-control": "no-store" });
      if (request.method === "HEAD") response.end();
      else createReadStream(path).pipe(response);
    })().catch((error: unknown) => {
      // A bug in this server, not in the site: answer 500 so the test that hit it fails loudly.
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(`static server error: ${String(error)}\n`);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
