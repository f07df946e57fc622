/**
 * The rows of a content collection as the pipeline emitted them (the entry's `data`), for pages that read datasets.
 * Astro only: `astro:content` exists inside an Astro build, so this module is not unit-tested.
 */
import { getCollection, type CollectionKey, type DataEntryMap } from "astro:content";

/** Every row of collection `name`, in the order the collection returns them (pages sort with src/lib helpers). */
export async function getRows<C extends CollectionKey>(name: C): Promise<Array<DataEntryMap[C][string]["data"]>> {
  const entries = await getCollection(name);
  return entries.map((entry) => entry.data as DataEntryMap[C][string]["data"]);
}
