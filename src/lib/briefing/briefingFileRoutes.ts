/**
 * The briefings' other formats (src/lib/briefing/briefingFiles.ts) for `astro dev`. A build writes these files into
 * the site itself (src/build/briefingFiles.ts) and these routes make none: through Astro they took 21 of the 65 s of
 * rendering at 10,000 reports. One route per file name (src/pages/briefings/[...dir]/wechat.html.ts, briefing.md.ts,
 * figures.csv.ts, cases.png.ts), each named with its extension, so that `astro dev` serves them without a trailing
 * slash, as the built site does.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getBriefingContext } from "./briefingRows.ts";
import { BRIEFING_FILE_TYPES, listBriefingFiles, makeBriefingFile, type BriefingFile } from "./briefingFiles.ts";
import { getSiteBase } from "../sitePath.ts";

/** The briefings with a file named `name`, as params `dir` (`2022-04-13`, `2022-04-13/haidian`, `week/2022-W15`); none in a build. */
export function getBriefingFilePaths(name: string): GetStaticPaths {
  return async () => {
    if (!import.meta.env.DEV) return [];
    const files = listBriefingFiles(await getBriefingContext()).filter((file) => file.format === name);
    return files.map((file) => ({ params: { dir: file.path.slice("/briefings/".length, -(name.length + 1)) }, props: { file } }));
  };
}

/** The GET of those routes. */
export const getBriefingFile: APIRoute = async ({ props, site }) => {
  const { file } = props as { file: BriefingFile };
  const content = await makeBriefingFile(await getBriefingContext(), file, site, getSiteBase());
  const type = BRIEFING_FILE_TYPES[file.format] ?? BRIEFING_FILE_TYPES[file.format.slice(file.format.lastIndexOf(".") + 1)];
  return new Response(content as BodyInit, { headers: { "Content-Type": type ?? "application/octet-stream" } });
};
