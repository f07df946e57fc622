import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sitePath } from "../../src/lib/sitePath.ts";

/** Lines of the .astro templates under src/ matching `pattern`, as `path:line: text`. */
function grepTemplates(pattern: RegExp): string {
  const files = execFileSync("find", ["src", "-name", "*.astro"], { encoding: "utf8" }).trim().split("\n");
  return files.flatMap((file) => readFileSync(file, "utf8").split("\n").flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line}`] : []))).join("\n");
}

describe("sitePath", () => {
  it("puts a snapshot's base before a site-root path", () => {
    expect(sitePath("/reports/030/", "/archive/2022-04-13/site/")).toBe("/archive/2022-04-13/site/reports/030/");
    expect(sitePath("/", "/archive/2022-04-13/site/")).toBe("/archive/2022-04-13/site/");
  });
  it("leaves the live site's paths, fragments and outside addresses as they are", () => {
    expect(sitePath("/reports/030/", "/")).toBe("/reports/030/");
    expect(sitePath("#note-1", "/archive/2022-04-13/site/")).toBe("#note-1");
    expect(sitePath("https://example.org/a", "/archive/x/")).toBe("https://example.org/a");
    expect(sitePath("//example.org/a", "/archive/x/")).toBe("//example.org/a");
  });
  it("is used by every internal link of the templates, so a snapshot never links into today's site", () => {
    // A literal `href="/…"` or href={`/…`} in a template would escape the base of an archived build.
    const out = grepTemplates(/href=("\/|\{`\/)/);
    expect(out).toBe("");
  });
});
