/**
 * Every endpoint of src/pages makes a file (a chart's SVG, a feed, a download), and its route file names the file's
 * extension (`[chart].svg.ts`, not `[file].ts` with the extension in a parameter): with trailingSlash "always"
 * (astro.config.mjs), Astro serves a route only under `…/` in `astro dev` unless the route itself ends in an
 * extension, and the pages' links to charts and downloads then fail in development.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../browser/support/builtSite.ts";

describe("endpoint routes", () => {
  it("name the extension of the file they make", async () => {
    const endpoints = (await listFiles(join(process.cwd(), "src/pages"))).filter((path) => path.endsWith(".ts"));
    expect(endpoints.length).toBeGreaterThan(0);
    expect(endpoints.filter((path) => !/\.[a-z]+\.ts$/.test(path))).toEqual([]);
  });
});
