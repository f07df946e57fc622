/**
 * The rows of a content collection as the pipeline emitted them (the entry's `data`), for pages that read datasets.
 * Astro only: `astro:content` exists inside an Astro build, so this module is not unit-tested.
 */
import { getCollection, type CollectionKey, type DataEntryMap } from "astro:content";
import { oncePerBuild } from "./buildRun.ts";

/**
 * Every row of collection `name`, in the order the collection returns them (pages sort with src/lib helpers). A
 * build reads each collection once: thousands of pages ask for the same 20,000 risk-area rows. Each call gets its
 * own array (a page may sort it), holding the same row objects, which pages never change.
 */
export async function getRows<C extends CollectionKey>(name: C): Promise<Array<DataEntryMap[C][string]["data"]>> {
  type Row = DataEntryMap[C][string]["data"];
  const read = getReadRows();
  let rows = read.get(name) as Promise<Row[]> | undefined;
  if (rows === undefined) read.set(name, (rows = readRows(name)));
  return [...(await rows)];
}

/** The rows read so far in this build, by collection (src/lib/buildRun.ts). */
const getReadRows = oncePerBuild(() => new Map<CollectionKey, Promise<unknown[]>>());

async function readRows<C extends CollectionKey>(name: C): Promise<Array<DataEntryMap[C][string]["data"]>> {
  const entries = await getCollection(name);
  return entries.map((entry) => entry.data as DataEntryMap[C][string]["data"]);
}
