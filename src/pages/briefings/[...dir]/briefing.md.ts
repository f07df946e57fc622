/** `/briefings/{day, district day or week}/briefing.md` in `astro dev`: src/lib/briefing/briefingFileRoutes.ts. */
import { getBriefingFile, getBriefingFilePaths } from "../../../lib/briefing/briefingFileRoutes.ts";

export const getStaticPaths = getBriefingFilePaths("briefing.md");
export const GET = getBriefingFile;
