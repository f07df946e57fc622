import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getBuildRun, oncePerBuild } from "../../src/lib/buildRun.ts";
import { listFiles } from "../browser/support/builtSite.ts";

const saved = process.env.TONGBAO_BUILD_RUN;

afterEach(() => {
  if (saved === undefined) delete process.env.TONGBAO_BUILD_RUN;
  else process.env.TONGBAO_BUILD_RUN = saved;
});

describe("getBuildRun(env)", () => {
  it("is the number src/build/site.ts gives the build, or empty for a bare astro build", () => {
    expect(getBuildRun({ TONGBAO_BUILD_RUN: "2" })).toBe("2");
    expect(getBuildRun({})).toBe("");
  });
});

describe("oncePerBuild(make, dev)", () => {
  it("makes the value once per build and again in the next build of the same process", () => {
    let made = 0;
    const get = oncePerBuild(() => ({ n: (made += 1) }), false);
    process.env.TONGBAO_BUILD_RUN = "1";
    const first = get();
    expect(get()).toBe(first);
    expect(made).toBe(1);
    process.env.TONGBAO_BUILD_RUN = "2";
    expect(get()).toEqual({ n: 2 });
    expect(get()).not.toBe(first);
    expect(made).toBe(2);
  });

  it("makes it anew on every call under astro dev, whose datasets may change", () => {
    let made = 0;
    const get = oncePerBuild(() => (made += 1), true);
    expect([get(), get(), get()]).toEqual([1, 2, 3]);
  });
});

describe("the site's code and the environment", () => {
  it("names the env object only as a lookup of one key, so that Astro puts no variable of the shell into the built code", async () => {
    // Astro's env plugin tests a module's text with this pattern (node_modules/astro/dist/env/vite-plugin-import-meta-env.js).
    const bare = /\bimport\.meta\.env\b(?!\.)/;
    const found: string[] = [];
    const src = join(process.cwd(), "src");
    for (const file of await listFiles(src)) {
      if (!/\.(ts|js|mjs|astro)$/.test(file)) continue;
      if (bare.test(await readFile(join(src, file), "utf8"))) found.push(file);
    }
    expect(found).toEqual([]);
  });
});
