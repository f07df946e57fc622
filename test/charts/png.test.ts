import { describe, expect, it } from "vitest";
import { casesChart } from "../../src/charts/casesChart.ts";
import { getChartSvgFile } from "../../src/charts/chartFiles.ts";
import { prepareSvgForPng, renderChartPng, renderChartPngAsync } from "../../src/charts/png.ts";
import { CASE_ROWS, DISTRICTS } from "./fixtures.ts";
import { countDarkPixels, readPng } from "./pngPixels.ts";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A bare SVG with one line of text in the title band. */
function titleSvg(text: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" width="200" height="40" font-family="&quot;Noto Sans CJK SC&quot;, sans-serif" fill="var(--ink)"><text x="4" y="28" font-size="24">${text}</text></svg>`;
}

describe("prepareSvgForPng(svg)", () => {
  it("names the bundled font and resolves the palette's custom properties", () => {
    expect(prepareSvgForPng(`<svg font-family="&quot;Noto Sans CJK SC&quot;, sans-serif" fill="var(--ink)" stroke="var(--nope, #123456)" color="var(--nope)" style="font-family: var(--font-cjk); fill: var(--muted)"></svg>`)).toBe(
      `<svg font-family="Noto Sans S Chinese" fill="#222222" stroke="#123456" color="currentColor" style="font-family:Noto Sans S Chinese; fill: #555555"></svg>`,
    );
  });
});

describe("renderChartPng(svg, options)", () => {
  it("renders a chart at 2× its width as a PNG with the title drawn in real glyphs", () => {
    const chart = casesChart(CASE_ROWS, { districts: DISTRICTS, district: "chaoyang" });
    const bytes = renderChartPng(getChartSvgFile(chart));
    expect([...bytes.subarray(0, 8)]).toEqual(SIGNATURE);
    const png = readPng(bytes);
    // 640 units + 2 × 12 margin, at 2×
    expect(png.width).toBe(1328);
    // the title band (y 24–60 px at 2×): 10 glyphs of 32 px in bold ink
    const title = countDarkPixels(png, { x0: 0, y0: 24, x1: 400, y1: 62 });
    expect(title).toBeGreaterThan(2000);
    // …and nothing dark to the right of the title
    expect(countDarkPixels(png, { x0: 800, y0: 0, x1: 1328, y1: 60 })).toBe(0);
  });

  it("draws different characters differently (missing glyphs would all be the same box)", () => {
    const a = readPng(renderChartPng(titleSvg("北京市")));
    const b = readPng(renderChartPng(titleSvg("市京北")));
    expect(a.width).toBe(400);
    expect(a.height).toBe(80);
    expect(countDarkPixels(a, { x0: 0, y0: 0, x1: 400, y1: 80 })).toBeGreaterThan(1000);
    expect(Buffer.from(a.rgba).equals(Buffer.from(b.rgba))).toBe(false);
    // 北 drawn first is the same glyph as 北 drawn last: compare the first and last 48-px cells of each
    const cell = (png: typeof a, x0: number) => {
      const rows: number[] = [];
      for (let y = 0; y < 80; y++) for (let x = x0; x < x0 + 48; x++) rows.push(png.rgba[(y * png.width + x) * 4] as number);
      return rows;
    };
    expect(cell(a, 8)).toEqual(cell(b, 8 + 96));
    expect(cell(a, 8)).not.toEqual(cell(a, 8 + 48));
  });

  it("scales to options.width and is the same bytes every time", () => {
    const svg = titleSvg("海淀区");
    const png = readPng(renderChartPng(svg, { width: 100 }));
    expect([png.width, png.height]).toEqual([200, 40]);
    expect(Buffer.from(renderChartPng(svg)).equals(Buffer.from(renderChartPng(svg)))).toBe(true);
  });

  it("gives the same bytes off the main thread (renderChartPngAsync, what the site build uses)", async () => {
    const svg = titleSvg("朝阳区");
    const [a, b] = await Promise.all([renderChartPngAsync(svg), renderChartPngAsync(svg, { width: 100 })]);
    expect(Buffer.from(a).equals(Buffer.from(renderChartPng(svg)))).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(renderChartPng(svg, { width: 100 })))).toBe(true);
  });
});
