import { describe, expect, it } from "vitest";
import { casesChart } from "../../src/charts/casesChart.ts";
import { getChartSvgFile } from "../../src/charts/chartFiles.ts";
import { existsSync, statSync } from "node:fs";
import { measuresChart } from "../../src/charts/measuresChart.ts";
import { prepareSvgForPng, renderChartPng, renderChartPngAsync } from "../../src/charts/png.ts";
import { getCommonCharacters, getFullFontFiles, getPngFontFiles } from "../../src/charts/pngFont.ts";
import { riskAreasChart } from "../../src/charts/riskAreasChart.ts";
import { CASE_ROWS, CATEGORIES, DISTRICTS, MEASURE_ROWS, RISK_ROWS } from "./fixtures.ts";
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

describe("getPngFontFiles(text) (the font the site's images are drawn with)", () => {
  it("holds ASCII and GB 2312, both levels, and not what is outside them", () => {
    const chars = getCommonCharacters();
    for (const char of "AZaz09 ,.-:%()北京市朝阳区石景山门头沟亦庄镇乡街道社区村楼号院确诊无症状感染者例—“”，。、（）·") expect(chars.has(char)).toBe(true);
    // 蔚 and 鑫 are GB 2312 level 2; 堃 and 赟 only in GBK; 𠮷 is outside the Basic Multilingual Plane.
    expect(chars.has("蔚") && chars.has("鑫")).toBe(true);
    expect([..."堃赟𠮷"].some((char) => chars.has(char))).toBe(false);
    expect(chars.size).toBeGreaterThan(7000);
  });

  it("gives the cut fonts for text they hold (made once, a fraction of the whole), the whole font for other text", async () => {
    const cut = await getPngFontFiles("<text>北京市 2022-04-13</text>\n");
    expect(cut).toHaveLength(2);
    expect(cut).not.toEqual(getFullFontFiles());
    for (const [i, path] of cut.entries()) {
      expect(existsSync(path)).toBe(true);
      expect(statSync(path).size).toBeLessThan(statSync(getFullFontFiles()[i]!).size / 3);
    }
    expect(await getPngFontFiles("<text>北京市</text>")).toEqual(cut);
    expect(await getPngFontFiles("<text>王堃</text>")).toEqual(getFullFontFiles());
    expect(await getPngFontFiles("<text>王&#x5803;</text>")).toEqual(getFullFontFiles());
  });

  it("draws every kind of chart, and a title with a character outside the cut, to the bytes of the whole font", async () => {
    const svgs = [
      getChartSvgFile(casesChart(CASE_ROWS, { districts: DISTRICTS })),
      getChartSvgFile(casesChart(CASE_ROWS, { districts: DISTRICTS, district: "chaoyang" })),
      getChartSvgFile(riskAreasChart(RISK_ROWS, { districts: DISTRICTS })),
      getChartSvgFile(measuresChart(MEASURE_ROWS, { districts: DISTRICTS, categories: CATEGORIES })),
      titleSvg("赟堃 社区"),
      titleSvg("王&#x5803;"),
    ];
    for (const svg of svgs) {
      expect(Buffer.from(await renderChartPngAsync(svg)).equals(Buffer.from(renderChartPng(svg)))).toBe(true);
    }
  });
});
