import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { measuresChart } from "../../src/charts/measuresChart.ts";
import { composeSvg, escapeXml, findSafeHref, renderLegend, renderPlot } from "../../src/charts/svg.ts";
import { MEASURE_ROWS } from "./fixtures.ts";
import { expectSafeSvg } from "./safeSvg.ts";

describe("escapeXml(text, inAttribute)", () => {
  it("escapes markup in text and quotes in attributes", () => {
    expect(escapeXml(`<script>alert(1)</script> & "x"`)).toBe(`&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"`);
    expect(escapeXml(`a"b`, true)).toBe("a&quot;b");
  });
});

describe("findSafeHref(href)", () => {
  it.each([
    ["/reports/026/#026-d006", "/reports/026/#026-d006"],
    ["#x", "#x"],
    ["https://www.bjchy.gov.cn/a?b=1&c=2", "https://www.bjchy.gov.cn/a?b=1&c=2"],
    ["javascript:alert(1)", null],
    [" JavaScript:alert(1)", null],
    ["data:text/html,<script>", null],
    ["//evil.example/x", null],
    ["vbscript:x", null],
    ["/\\evil.example", null],
    ["/\t/evil.example", null],
    ["\\\\evil.example", null],
    ["/reports/\\x", null],
    ["/a b", null],
    ["https://evil.example\\@x", null],
  ])("%s → %s", (href, expected) => expect(findSafeHref(href)).toBe(expected));
});

describe("renderPlot(options)", () => {
  const evil = [{ x: 1, y: 2, label: `<img src=x onerror=alert(1)>`, href: "javascript:alert(1)" }, { x: 2, y: 3, label: `"quoted" & <b>`, href: "/a?b=1&c=2" }];
  const part = renderPlot({
    width: 200,
    height: 100,
    marks: [Plot.text(evil, { x: "x", y: "y", text: "label" }), Plot.dot(evil, { x: "x", y: "y", href: "href", title: "label" })],
  });

  it("escapes text from data, refuses javascript: links and escapes & in kept ones", () => {
    expect(part.markup).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(part.markup).toContain("&quot;quoted&quot; &amp; &lt;b&gt;"); // in the link's aria-label
    expect(part.markup).toContain('href="/a?b=1&amp;c=2"');
    expect(part.markup).not.toContain("javascript:");
    expect(part.markup).not.toMatch(/<img|<b>/);
    expect(part.markup.match(/<a /g)).toHaveLength(1);
  });

  it("drops Plot's stylesheet and random class, gives labelled groups a role, rounds coordinates", () => {
    expect(part.markup).not.toMatch(/<style|class=|plot-[0-9a-f]{6}/);
    expect(part.markup).toMatch(/<g aria-label="dot"[^>]* role="group"/);
  });

  it("rounds coordinates to one decimal", () => {
    const thirds = renderPlot({ width: 201, height: 97, marks: [Plot.dot([1 / 3, 2 / 3, 1], { x: (d: number) => d, y: (d: number) => d * 7 })] });
    expect(thirds.markup).toMatch(/cx="\d+\.\d"/);
    expect(thirds.markup).not.toMatch(/(?:\sd|transform|cx|cy)="[^"]*\d\.\d\d/);
  });

  it("is the same string on every render", () => {
    const again = renderPlot({ width: 200, height: 100, marks: [Plot.text(evil, { x: "x", y: "y", text: "label" }), Plot.dot(evil, { x: "x", y: "y", href: "href", title: "label" })] });
    expect(again).toEqual(part);
  });
});

describe("composeSvg(options)", () => {
  it("makes an accessible root with the title, described by the page's alt paragraph", () => {
    const svg = composeSvg({ id: "t", title: `标题<script>`, alt: `说明 & "引号"`, parts: [renderLegend([{ label: "确诊病例", color: "#0072B2" }], 300)] });
    expect(svg).toMatchInlineSnapshot(`"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 18" width="300" height="18" role="img" aria-label="标题&lt;script&gt;" aria-describedby="chart-t-alt" font-family="&quot;Noto Sans CJK SC&quot;, &quot;Noto Sans SC&quot;, &quot;Source Han Sans SC&quot;, &quot;PingFang SC&quot;, &quot;Hiragino Sans GB&quot;, &quot;Microsoft YaHei&quot;, sans-serif" font-size="10" fill="#222222" color="#222222" style="display:block;height:auto;overflow:visible;background:white"><title>标题&lt;script&gt;</title><g aria-hidden="true" font-size="12"><rect x="0" y="2" width="12" height="12" fill="#0072B2"></rect><text x="18" y="12">确诊病例</text></g></svg>"`);
    expectSafeSvg(svg);
  });
});

describe("charts with hostile labels", () => {
  it("show report text as text and never as markup or links", () => {
    const chart = measuresChart(
      MEASURE_ROWS.map((row) => ({ ...row, district: row.district === null ? null : "<script>alert(1)</script>" })),
      {
        districts: [],
        categories: [{ key: "tracing", label_zh: "<img src=x onerror=alert(1)>" }],
        linkFor: (id) => (id.startsWith("030") ? "javascript:alert(1)" : `/reports/${id}/`),
      },
    );
    expectSafeSvg(chart.svg);
    expect(chart.svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(chart.svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(chart.svg).not.toMatch(/<script|<img|javascript:/);
    expect(chart.alt).toContain("<script>alert(1)</script>"); // plain text: the page escapes it, as Astro does
  });
});
