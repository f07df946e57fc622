import { describe, expect, it } from "vitest";
import type { Chart } from "../../src/charts/chart.ts";
import { getEmbedHeight, getEmbedListener, getEmbedSnippet } from "../../src/lib/embedSnippet.ts";

const chart: Chart = {
  id: "cases-haidian",
  title: `海淀区"每日"<新增>&`,
  caption: "数据来源：…；数据截至2022年5月11日",
  svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 300" width="640" height="300"></svg>`,
  alt: "…",
  table: { columns: [], rows: [] },
};

describe("getEmbedHeight(chart)", () => {
  it("is the chart's height at 640 px plus its text, rounded up to 10 px", () => {
    expect(getEmbedHeight(chart)).toBe(530);
    expect(getEmbedHeight({ ...chart, svg: `<svg viewBox="0 0 1280 301">` })).toBe(390);
    expect(getEmbedHeight({ ...chart, svg: "<svg></svg>" })).toBe(480);
  });
});

describe("getEmbedSnippet(chart, embedUrl)", () => {
  it("writes an iframe with title, full width, default height, lazy loading and no border, escaping the title", () => {
    expect(getEmbedSnippet(chart, "https://tongbao.example.org/embed/cases/haidian/")).toBe(
      `<iframe src="https://tongbao.example.org/embed/cases/haidian/" title="海淀区&quot;每日&quot;&lt;新增&gt;&amp;" width="100%" height="530" loading="lazy" style="border:0;width:100%;" data-tongbao-chart="cases-haidian"></iframe>`,
    );
  });

  it.each(["/embed/cases/", "javascript:alert(1)", 'https://x.org/"><script>'])("refuses %s", (url) => {
    expect(() => getEmbedSnippet(chart, url)).toThrow(`getEmbedSnippet: expected an absolute http(s) URL, found ${JSON.stringify(url)}`);
  });
});

describe("getEmbedListener(siteOrigin)", () => {
  it("accepts height messages from the site's origin for the iframe that sent them", () => {
    expect(getEmbedListener("https://tongbao.example.org")).toBe(
      [
        "<script>",
        'window.addEventListener("message", function (event) {',
        '  if (event.origin !== "https://tongbao.example.org" || !event.data || event.data.type !== "tongbao:height") return;',
        "  var height = event.data.height;",
        '  if (typeof height !== "number" || !(height > 0)) return;',
        "  height = Math.min(Math.ceil(height), 10000);",
        '  document.querySelectorAll("iframe[data-tongbao-chart]").forEach(function (frame) {',
        '    if (frame.contentWindow === event.source) frame.style.height = height + "px";',
        "  });",
        "});",
        "</script>",
      ].join("\n"),
    );
  });

  /** Runs the listener with a stub window and document holding one framed embed; returns its height after `messages`. */
  function heightAfter(messages: Array<{ origin: string; data: unknown; fromFrame?: boolean }>): string {
    const frame = { contentWindow: {}, style: { height: "300px" } };
    let handler: ((event: unknown) => void) | undefined;
    const window = { addEventListener: (_type: string, h: (event: unknown) => void) => void (handler = h) };
    const document = { querySelectorAll: () => [frame] };
    const body = getEmbedListener("https://tongbao.example.org").replace(/^<script>\n|\n<\/script>$/g, "");
    new Function("window", "document", body)(window, document);
    for (const m of messages) handler!({ origin: m.origin, data: m.data, source: m.fromFrame === false ? {} : frame.contentWindow });
    return frame.style.height;
  }
  const SITE = "https://tongbao.example.org";
  const height = (value: unknown) => ({ origin: SITE, data: { type: "tongbao:height", id: "cases", height: value } });

  it.each([
    [812.2, "813px"],
    [10_000, "10000px"],
    [250_000, "10000px"],
    [Infinity, "10000px"],
  ])("sets the frame to height %s → %s (rounded up, at most 10000 px)", (value, expected) => {
    expect(heightAfter([height(value)])).toBe(expected);
  });

  it.each([["812"], ["tall"], [null], [undefined], [Number.NaN], [0], [-5], [{ valueOf: (): number => 900 }]])("ignores the height %j", (value) => {
    expect(heightAfter([height(value)])).toBe("300px");
  });

  it("ignores other origins, other message types and other frames", () => {
    expect(heightAfter([{ ...height(900), origin: "https://evil.example" }])).toBe("300px");
    expect(heightAfter([{ origin: SITE, data: { type: "other", height: 900 } }])).toBe("300px");
    expect(heightAfter([{ ...height(900), fromFrame: false }])).toBe("300px");
  });

  it("refuses anything but an origin", () => {
    expect(() => getEmbedListener('https://x.org/"+alert(1)+"')).toThrow("getEmbedListener: expected an http(s) origin");
  });
});
