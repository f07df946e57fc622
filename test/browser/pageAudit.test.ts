/**
 * The in-page checks on a page made for them: a complete chart, an incomplete one, a page too wide
 * for a phone, an ISO date. They must pass the first and name every fault of the others.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, watchPage, type Browser } from "./support/chromium.ts";
import { auditPage, auditPrint } from "./support/pageAudit.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>图</title>
<style>
  #good text { font-family: "Noto Sans CJK SC", sans-serif; }
  #bad svg { font-family: system-ui, sans-serif; }
  @media print { nav.site { display: none; } figure.good { break-inside: avoid; } }
</style></head><body>
<nav class="site"><a href="/">首页</a></nav><nav class="pager" aria-label="分页"><a href="/">1</a></nav>
<figure id="good" class="good"><figcaption>每日新增病例</figcaption>
  <svg role="img" aria-label="海淀区4月13日新增12例" width="300" height="100"><text x="10" y="20">海淀</text></svg>
  <p>4月13日海淀区新增12例，为一周内最多。</p>
  <p>数据来源：北京市卫生健康委员会；数据截至2022年4月13日</p>
  <details><summary>数据表</summary><table><tr><th>日期</th><th>新增</th></tr><tr><td>2022年4月13日</td><td>12</td></tr></table></details>
</figure>
<figure id="bad"><svg width="300" height="100"><text x="10" y="20">Haidian</text></svg></figure>
<div style="width: 600px">宽</div>
<p>更新于 2022-04-13</p><code>2022-04-14</code>
</body></html>`;

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let folder: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

describe.skipIf(!HAVE_CHROMIUM)("auditPage(page) and auditPrint(page)", () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "tongbao-audit-"));
    await writeFile(join(folder, "index.html"), PAGE);
    server = await serveFolder(folder);
    browser = await launchBrowser(server.origin);
    page = await browser.context.newPage();
    watchPage(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.origin}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("passes a complete chart and names every fault of an incomplete one", async () => {
    const audit = await auditPage(page);
    expect(audit.charts).toEqual([
      { id: "good", title: "每日新增病例", alternatives: ["aria-label", "p"], problems: [] },
      {
        id: "bad",
        title: "",
        alternatives: [],
        problems: [
          "no title (figcaption or heading)",
          "no text alternative (aria-label, <desc>, or a visible paragraph)",
          "<svg> has no role (img, or aria-hidden with a text alternative)",
          "no <details> with the data",
          "no source in the caption (来源)",
          "no date of the data (YYYY年M月D日)",
          'chart text has no CJK font: system-ui, sans-serif',
        ],
      },
    ]);
  });

  it("finds what makes a phone scroll sideways, and ISO dates outside code", async () => {
    const audit = await auditPage(page);
    expect(audit.overflow).toEqual(["div (right edge 608 px)"]);
    expect(audit.isoDates).toEqual(["p: 2022-04-13"]);
  });

  it("finds navigation shown in print and charts that may split", async () => {
    await page.emulateMedia({ media: "print" });
    const audit = await auditPrint(page);
    await page.emulateMedia({ media: "screen" });
    expect(audit).toEqual({ navShown: ["分页"], chartsSplittable: ["bad"] });
  });
});
