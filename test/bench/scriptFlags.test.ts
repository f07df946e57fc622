import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getScriptNodeFlags, type PackageJson } from "../../src/bench/scriptFlags.ts";

describe("getScriptNodeFlags(pkg, name)", () => {
  it("gives the flags before the script, in order", () => {
    const pkg = { scripts: { site: "node --heap-growing-percent=50 --experimental-strip-types  scripts/build-site.ts --x" } };
    expect(getScriptNodeFlags(pkg, "site")).toEqual(["--heap-growing-percent=50", "--experimental-strip-types"]);
  });

  it("reads this project's npm run site, which the bench's site build runs with", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as PackageJson;
    expect(getScriptNodeFlags(pkg, "site")).toContain("--heap-growing-percent=50");
  });

  it("names a script that is missing or not a node command", () => {
    expect(() => getScriptNodeFlags({ scripts: { build: "npm run data && npm run site" } }, "build")).toThrow(
      'package.json script build is not a node command: expected "node --flags script.ts", found "npm run data && npm run site"',
    );
    expect(() => getScriptNodeFlags({}, "site")).toThrow("found null");
  });
});
