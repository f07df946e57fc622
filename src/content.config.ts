/**
 * Content collections over the emitted datasets. Pages read only these: never the raw reports.
 * The schemas are the pipeline's own, so the site cannot drift from what was validated.
 */
import { defineCollection } from "astro:content";
import { file } from "astro/loaders";
import { documentSchema } from "./pipeline/validate/schemas.ts";

const documents = defineCollection({
  loader: file("data/build/documents.json"),
  schema: documentSchema,
});

export const collections = { documents };
