/**
 * The downloads of /data/: every dataset file of data/build/ (CSV, JSON, datapackage.json, build-report.json) and
 * every report's clean text (text/{id}.txt), served as the bytes the data build wrote.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBuildFiles, readBuildFile } from "../../lib/buildFiles.ts";

export const getStaticPaths = (() => listBuildFiles().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

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
