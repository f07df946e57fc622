import { describe, expect, it } from "vitest";
import { setLinkTarget, type LinkTarget } from "../../src/charts/svg.ts";

describe("setLinkTarget(svg, target)", () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg"><a aria-label="a &lt;a href&gt;" href="/x"><circle r="1"></circle></a><text>&lt;a href="y"&gt;</text><a href="/z" target="w"></a></svg>`;

  it("adds the target to every link, replacing any target, and leaves escaped text alone", () => {
    expect(setLinkTarget(svg, "_top")).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg"><a aria-label="a &lt;a href&gt;" href="/x" target="_top"><circle r="1"></circle></a><text>&lt;a href="y"&gt;</text><a href="/z" target="_top"></a></svg>`,
    );
  });

  it("adds rel=noopener for _blank", () => {
    expect(setLinkTarget(`<a href="/x"></a>`, "_blank")).toBe(`<a href="/x" target="_blank" rel="noopener"></a>`);
  });

  it("refuses a named window", () => {
    expect(() => setLinkTarget(svg, "evil" as LinkTarget)).toThrow('setLinkTarget: expected _self, _top, _parent or _blank, found "evil"');
  });
});
