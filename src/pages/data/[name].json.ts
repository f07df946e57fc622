/** `/data/{name}.json` in `astro dev`: src/lib/dataFileRoutes.ts. */
import { getDataFilePaths, getDataFileRoute } from "../../lib/dataFileRoutes.ts";

export const getStaticPaths = getDataFilePaths("", "json", "name");
export const GET = getDataFileRoute("", "json", "name");
