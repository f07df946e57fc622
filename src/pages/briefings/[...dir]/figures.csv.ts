/** `/briefings/{day, district day or week}/figures.csv` in `astro dev`: src/lib/briefing/briefingFileRoutes.ts. */
import { getBriefingFile, getBriefingFilePaths } from "../../../lib/briefing/briefingFileRoutes.ts";

export const getStaticPaths = getBriefingFilePaths("figures.csv");
export const GET = getBriefingFile;
