/**
 * The downloads of /data/ for `astro dev`: every dataset file of data/build/ (CSV, JSON, datapackage.json,
 * build-report.json) and every report's clean text (text/{id}.txt), served as the bytes the data build wrote.
 *
 * A build puts these files into the site itself (src/build/downloads.ts) and these routes make none: through Astro
 * each file was read, copied into a Response and written, six pages at a time, which put the largest datasets in
 * memory together (at 10,000 reports the site build's peak, 1.7 GB, was reached there). One route per extension
 * (src/pages/data/[name].csv.ts, [name].json.ts, text/[id].txt.ts), each named with it, so that `astro dev` serves
 * them without a trailing slash, as the built site does.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBuildFiles, readBuildFile } from "./buildFiles.ts";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  txt: "text/plain; charset=utf-8",
} as const;

/** The files of data/build/ under `folder` ("" or "text/") with extension `extension`, as params `param`; none in a build. */
export function getDataFilePaths(folder: "" | "text/", extension: keyof typeof TYPES, param: string): GetStaticPaths {
  return () => {
    if (!import.meta.env.DEV) return [];
    const pattern = new RegExp(`^${folder}([^/]+)\\.${extension}$`);
    return listBuildFiles().flatMap((file) => {
      const match = pattern.exec(file);
      return match === null ? [] : [{ params: { [param]: match[1]! } }];
    });
  };
}

/** The GET of the route of `extension`: the file `folder + params[param] + .extension`. */
export function getDataFileRoute(folder: "" | "text/", extension: keyof typeof TYPES, param: string): APIRoute {
  return ({ params }) => new Response(readBuildFile(`${folder}${String(params[param])}.${extension}`), { headers: { "Content-Type": TYPES[extension] } });
}
