/**
 * The charts' SVG alone, in Chromium with axe-core: no violations, the accessible name and description as meant.
 * Skips, saying so, where Chromium is not installed (`.ci/run` installs it, so CI always runs this).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { casesChart } from "../../src/charts/casesChart.ts";
import { measuresChart } from "../../src/charts/measuresChart.ts";
import { riskAreasChart } from "../../src/charts/riskAreasChart.ts";
import { escapeXml, getChartAltId } from "../../src/charts/svg.ts";
import { CASE_ROWS, CATEGORIES, DISTRICTS, MEASURE_ROWS, RISK_ROWS } from "./fixtures.ts";

const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!chromiumPath) console.log("charts.axe: Chromium is not installed, skipping the axe check of the chart SVGs (.ci/run installs it)");

describe.skipIf(!chromiumPath)("chart SVGs in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  });
  afterAll(async () => browser?.close());

  it("pass axe with no violations and expose the title and the alt", async () => {
    const charts = [
      casesChart(CASE_ROWS, { districts: DISTRICTS }),
      casesChart(CASE_ROWS, { districts: DISTRICTS, district: "pinggu" }),
      riskAreasChart(RISK_ROWS, { districts: DISTRICTS }),
      measuresChart(MEASURE_ROWS, { districts: DISTRICTS, categories: CATEGORIES }),
    ];
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>charts</title></head><body><main><h1>图表</h1>${charts
      .map((c) => `<figure>${c.svg}<p id="${getChartAltId(c.id)}">${escapeXml(c.alt)}</p><figcaption>${c.caption}</figcaption></figure>`)
      .join("")}</main></body></html>`;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await page.setContent(html);
    const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
    await page.addScriptTag({ content: readFileSync(axePath, "utf8") });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      return (await axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(result).toEqual([]);
    const names = await page.$$eval("svg", (svgs) => svgs.map((s) => [s.getAttribute("aria-label"), document.getElementById(s.getAttribute("aria-describedby") ?? "")?.textContent]));
    expect(names).toEqual(charts.map((c) => [c.title, c.alt]));
    expect(errors).toEqual([]);
    await page.close();
  });
});
