/** `/charts/{chart id}.png`: src/lib/chartFileRoutes.ts. */
import { getChartFilePaths, getChartFileRoute } from "../../lib/chartFileRoutes.ts";

export const getStaticPaths = getChartFilePaths;
export const GET = getChartFileRoute("png");
