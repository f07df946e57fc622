import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getHeadersForPath, isHeaderPathMatch, parseHeadersFile } from "../../src/build/headersFile.ts";

describe("parseHeadersFile(text, path)", () => {
  it("reads paths and their indented headers, skipping comments and blank lines", () => {
    const text = "# comment\n/*\n  X-A: 1\n\n/embed/*\n  # inside\n  Content-Security-Policy: default-src 'self'; frame-ancestors *\r\n";
    expect(parseHeadersFile(text)).toEqual([
      { pattern: "/*", headers: [["X-A", "1"]], line: 2 },
      { pattern: "/embed/*", headers: [["Content-Security-Policy", "default-src 'self'; frame-ancestors *"]], line: 5 },
    ]);
  });

  it.each([
    ["  X-A: 1\n", `public/_headers:1: header before any path: expected a path line first, found "X-A: 1"`],
    ["/a\n  X-A 1\n", `public/_headers:2: header line is not Name: value: expected Name: value, found "X-A 1"`],
    ["/a\n  ! X-Frame-Options\n", `public/_headers:2: detach lines are Cloudflare-only: expected Name: value, found "! X-Frame-Options"`],
    ["https://x.org/*\n  X-A: 1\n", `public/_headers:1: path is not a site path: expected /…, found "https://x.org/*"`],
  ])("refuses %j", (text, message) => expect(() => parseHeadersFile(text)).toThrow(message));
});

describe("isHeaderPathMatch(pattern, pathname)", () => {
  it.each([
    ["/*", "/", true],
    ["/*", "/reports/004/", true],
    ["/", "/", true],
    ["/", "/cases/", false],
    ["/embed/*", "/embed/", true],
    ["/embed/*", "/embed/cases/haidian/", true],
    ["/embed/*", "/embed", false],
    ["/embed/*", "/embedded/", false],
    ["/:section/", "/cases/", true],
    ["/:section/", "/cases/x/", false],
    ["/:section/", "//", false],
    ["/404.html", "/404xhtml", false],
  ])("%s against %s → %s", (pattern, pathname, expected) => expect(isHeaderPathMatch(pattern, pathname)).toBe(expected));
});

describe("getHeadersForPath(rules, pathname)", () => {
  it("merges every matching rule, joining a repeated header with a comma as the hosts do", () => {
    const rules = parseHeadersFile("/*\n  X-A: 1\n/b/*\n  x-a: 2\n  X-B: 3\n");
    expect(getHeadersForPath(rules, "/b/c/")).toEqual([["X-A", "1, 2"], ["X-B", "3"]]);
    expect(getHeadersForPath(rules, "/c/")).toEqual([["X-A", "1"]]);
  });

  it("gives public/_headers one policy per section: framed nowhere but /embed/", () => {
    const rules = parseHeadersFile(readFileSync("public/_headers", "utf8"));
    const csp = (path: string) => getHeadersForPath(rules, path).filter(([name]) => name === "Content-Security-Policy").map(([, value]) => value);
    const xfo = (path: string) => getHeadersForPath(rules, path).find(([name]) => name === "X-Frame-Options")?.[1];
    for (const path of ["/", "/index.html", "/404.html", "/reports/004/", "/districts/haidian/", "/charts/cases.svg", "/archive/2022-04-13/site/embed/cases/"]) {
      expect(csp(path)).toEqual(["default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"]);
      expect(xfo(path)).toBe("DENY");
    }
    expect(csp("/embed/cases/haidian/")).toEqual(["default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'self'"]);
    expect(xfo("/embed/cases/")).toBeUndefined();
    expect(csp("/search/")).toEqual(["default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"]);
    expect(getHeadersForPath(rules, "/embed/cases/").find(([name]) => name === "X-Content-Type-Options")?.[1]).toBe("nosniff");
  });
});
