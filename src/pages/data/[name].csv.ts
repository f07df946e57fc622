/** `/data/{name}.csv` in `astro dev`: src/lib/dataFileRoutes.ts. */
import { getDataFilePaths, getDataFileRoute } from "../../lib/dataFileRoutes.ts";

export const getStaticPaths = getDataFilePaths("", "csv", "name");
export const GET = getDataFileRoute("", "csv", "name");
