/**
 * The downloads of /data/ for `astro dev`: every dataset file of data/build/ (CSV, JSON, datapackage.json,
 * build-report.json) and every report's clean text (text/{id}.txt), served as the bytes the data build wrote.
 *
 * A build copies these files into the site itself (src/build/site.ts copyDownloads) and this route makes none:
 * through Astro each file was read, copied into a Response and written, six pages at a time, which put the largest
 * datasets in memory together (at 10,000 reports the site build's peak, 1.7 GB, was reached there).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBuildFiles, readBuildFile } from "../../lib/buildFiles.ts";

export const getStaticPaths = (() => (import.meta.env.DEV ? listBuildFiles().map((file) => ({ params: { file } })) : [])) satisfies GetStaticPaths;

const TYPES: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

export const GET: APIRoute = ({ params }) => {
  const file = String(params.file);
  const type = TYPES[file.slice(file.lastIndexOf(".") + 1)] ?? "application/octet-stream";
  return new Response(readBuildFile(file), { headers: { "Content-Type": type } });
};
