/**
 * The other formats of the briefings (src/lib/briefing/briefingFiles.ts) for `astro dev`. A build writes these files
 * into the site itself (src/build/briefingFiles.ts) and this route makes none: through Astro they took 21 of the 65 s
 * of rendering at 10,000 reports.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getBriefingContext } from "../../lib/briefing/briefingRows.ts";
import { BRIEFING_FILE_TYPES, listBriefingFiles, makeBriefingFile, type BriefingFile } from "../../lib/briefing/briefingFiles.ts";
import { getSiteBase } from "../../lib/sitePath.ts";

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const files = listBriefingFiles(await getBriefingContext());
  return files.map((file) => ({ params: { file: file.path.slice("/briefings/".length) }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { file } = props as { file: BriefingFile };
  const content = await makeBriefingFile(await getBriefingContext(), file, site, getSiteBase());
  const type = BRIEFING_FILE_TYPES[file.format] ?? BRIEFING_FILE_TYPES[file.format.slice(file.format.lastIndexOf(".") + 1)];
  return new Response(content as BodyInit, { headers: { "Content-Type": type ?? "application/octet-stream" } });
};
