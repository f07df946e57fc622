import { afterEach, describe, expect, it } from "vitest";
import { getBuildRun, oncePerBuild } from "../../src/lib/buildRun.ts";

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
