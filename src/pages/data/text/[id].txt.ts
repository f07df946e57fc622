/** `/data/text/{id}.txt` in `astro dev`: src/lib/dataFileRoutes.ts. */
import { getDataFilePaths, getDataFileRoute } from "../../../lib/dataFileRoutes.ts";

export const getStaticPaths = getDataFilePaths("text/", "txt", "id");
export const GET = getDataFileRoute("text/", "txt", "id");
