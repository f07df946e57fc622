/**
 * A correction (data/reference/corrections.csv) shows where its value does: the report page of 029, whose
 * publication date was the forum repost's, the /about/ list of corrections, and the embed of a chart it touches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureSite } from "./support/builtSite.ts";
import { HAVE_CHROMIUM, launchBrowser, SKIP_MESSAGE, type Browser } from "./support/chromium.ts";
import { serveFolder, type StaticServer } from "../../src/build/staticServer.ts";

const NOTICE = String.raw`(() => [...document.querySelectorAll(".correction-notice")].map((el) => ({
  text: el.innerText,
  links: [...el.querySelectorAll("a")].map((a) => a.getAttribute("href")),
  visible: el.getBoundingClientRect().height > 0 && getComputedStyle(el).display !== "none",
})))()`;

interface Notice {
  text: string;
  links: string[];
  visible: boolean;
}

if (!HAVE_CHROMIUM) console.warn(SKIP_MESSAGE);

let server: StaticServer;
let browser: Browser;

describe.skipIf(!HAVE_CHROMIUM)("a correction on the pages it touches", () => {
  beforeAll(async () => {
    console.info(await ensureSite());
    server = await serveFolder(DIST);
    browser = await launchBrowser(server.origin);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function noticesOf(path: string, media: "screen" | "print" = "screen"): Promise<Notice[]> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.emulateMedia({ media });
    await page.goto(`${server.origin}${path}`);
    const notices = (await page.evaluate(NOTICE)) as Notice[];
    await page.close();
    return notices;
  }

  it("the report page of 029 shows the corrected date, the reason and the source as links, on screen and in print", async () => {
    for (const media of ["screen", "print"] as const) {
      const notices = await noticesOf("/reports/029/", media);
      expect(notices).toHaveLength(1);
      const [notice] = notices as [Notice];
      expect(notice.visible).toBe(true);
      expect(notice.text).toContain("更正 / Correction：报告发布日期由“2025年4月12日”更正为“2022年11月27日”（2026年11月26日）。");
      expect(notice.text).toContain("理由：2025年4月12日是论坛（bbs.jhmqm.com）转帖的时间，不是发表日期。");
      expect(notice.links).toEqual(["https://cj.sina.com.cn/articles/view/2868676035/aafc85c3020013sn5"]);
    }
  });

  it("a report no correction touches shows no notice", async () => {
    expect(await noticesOf("/reports/002/")).toEqual([]);
  });

  it("/about/ lists the correction", async () => {
    const notices = await noticesOf("/about/");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("报告发布日期由“2025年4月12日”更正为“2022年11月27日”");
  });

  it("the embed of the measures chart, which shows 029's directive, shows the notice", async () => {
    const notices = await noticesOf("/embed/measures/");
    expect(notices.map((n) => n.text.includes("更正为“2022年11月27日”"))).toEqual([true]);
  });

  it("the briefings that draw on 029 (its corrected day and that week) show the notice; the day before does not", async () => {
    for (const path of ["/briefings/2022-11-27/", "/briefings/week/2022-W47/"]) {
      expect((await noticesOf(path)).map((n) => n.text.includes("更正为“2022年11月27日”")), path).toEqual([true]);
    }
    expect(await noticesOf("/briefings/2022-11-26/")).toEqual([]);
  });

  it("a district's measures chart, which does not draw 029's city-wide directive, shows no notice", async () => {
    expect(await noticesOf("/embed/measures/chaoyang/")).toEqual([]);
    expect(await noticesOf("/districts/chaoyang/")).toEqual([]);
  });
});
