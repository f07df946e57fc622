/**
 * The rows of a dataset of data/build/ as the pipeline emitted them, for pages that read datasets
 * (src/build/datasetFiles.ts reads and checks them).
 */
import { readSiteDataset, type SiteDatasetName, type SiteDatasetRow } from "../build/datasetFiles.ts";
import { getBuildDir } from "./buildFiles.ts";
import { oncePerBuild } from "./buildRun.ts";

/**
 * Every row of dataset `name`, in file order (pages sort with src/lib helpers). A build reads each dataset once:
 * thousands of pages ask for the same 20,000 risk-area rows. Each call gets its own array (a page may sort it),
 * holding the same row objects, which pages never change. Rejects, naming the file and row, when the datasets are
 * missing or not the ones this code writes.
 */
export async function getRows<N extends SiteDatasetName>(name: N): Promise<Array<SiteDatasetRow<N>>> {
  const read = getReadRows();
  let rows = read.get(name) as Array<SiteDatasetRow<N>> | undefined;
  if (rows === undefined) read.set(name, (rows = readSiteDataset(getBuildDir(), name)));
  return [...rows];
}

/** The rows read so far in this build, by dataset (src/lib/buildRun.ts). */
const getReadRows = oncePerBuild(() => new Map<SiteDatasetName, unknown[]>());
