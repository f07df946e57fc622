/** `/briefings/{day, district day or week}/wechat.html` in `astro dev`: src/lib/briefing/briefingFileRoutes.ts. */
import { getBriefingFile, getBriefingFilePaths } from "../../../lib/briefing/briefingFileRoutes.ts";

export const getStaticPaths = getBriefingFilePaths("wechat.html");
export const GET = getBriefingFile;
