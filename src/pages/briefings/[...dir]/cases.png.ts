/** `/briefings/{day, district day or week}/cases.png` in `astro dev`: src/lib/briefing/briefingFileRoutes.ts. */
import { getBriefingFile, getBriefingFilePaths } from "../../../lib/briefing/briefingFileRoutes.ts";

export const getStaticPaths = getBriefingFilePaths("cases.png");
export const GET = getBriefingFile;
