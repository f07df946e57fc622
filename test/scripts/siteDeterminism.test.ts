/**
 * Same inputs, same site: the project is copied twice (different folders, so an absolute path leaking into a page
 * shows up too), each copy runs `npm run data` and `npm run site`, and every file of the two dist/ folders — pages,
 * feeds, sitemap, chart images, the search index — must be byte-identical. Two full builds: the slowest test file.
 *
 * The builds run one after the other, not at the same time, and in time zones 25 hours apart (TZ=Pacific/Kiritimati,
 * UTC+14, then TZ=Pacific/Pago_Pago, UTC−11): their clocks read different seconds, and their local calendar days
 * always differ. So this catches a build time or timestamp written into any file, a date taken from the local clock
 * (`new Date().getDate()`, `toLocaleDateString()`), a local-time formatting of a data date, and absolute paths.
 * It cannot catch what both builds share: the Beijing day of the clock (build-data.ts takes `today` from it; two
 * builds straddling Beijing midnight would differ, which is why the site must not show it), the machine's locale,
 * Node and library versions, or an order that is unstable only on other machines.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteIn, listFiles, REPO } from "../browser/support/builtSite.ts";
import { copyProject, type ProjectCopy } from "../browser/support/projectCopy.ts";

let copies: ProjectCopy[] = [];
let files: [string[], string[]];

describe("two builds of the same inputs", () => {
  beforeAll(async () => {
    copies = await Promise.all([copyProject(REPO), copyProject(REPO)]);
    // One after the other, each in its time zone: buildSiteIn passes this process's environment to the builds.
    const zone = process.env.TZ;
    try {
      for (const [copy, tz] of [[copies[0]!, "Pacific/Kiritimati"], [copies[1]!, "Pacific/Pago_Pago"]] as const) {
        process.env.TZ = tz;
        await buildSiteIn(copy.root);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    files = [await listFiles(join(copies[0]!.root, "dist")), await listFiles(join(copies[1]!.root, "dist"))];
  }, 600_000);

  it("ran the builds in time zones whose local days always differ", () => {
    const day = (tz: string) => new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    expect(day("Pacific/Kiritimati")).not.toBe(day("Pacific/Pago_Pago"));
  });

  afterAll(async () => {
    await Promise.all(copies.map((copy) => copy.remove()));
    copies = [];
  });

  it("write the same files, search index and feeds included", () => {
    const [a, b] = files;
    expect(a.length).toBeGreaterThan(100);
    expect(a).toContain("rss.xml");
    expect(a).toContain("sitemap-0.xml");
    expect(a).toContain("search/idx/meta.json");
    expect(a).toContain("search/search.js");
    expect(a.filter((f) => !b.includes(f))).toEqual([]);
    expect(b.filter((f) => !a.includes(f))).toEqual([]);
  });

  it("write every file byte for byte the same", async () => {
    const [a, b] = files;
    const differing: string[] = [];
    for (const file of a.filter((f) => b.includes(f))) {
      const [x, y] = await Promise.all(copies.map((copy) => readFile(join(copy.root, "dist", file))));
      if (!x!.equals(y!)) differing.push(`${file} (${x!.length} and ${y!.length} bytes)`);
    }
    expect(differing).toEqual([]);
  });
});
