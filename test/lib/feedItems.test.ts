import { getRssString } from "@astrojs/rss";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/lib/escapeHtml.ts";
import {
  FEED_CHANNEL_DATA,
  FEED_ITEMS,
  getAbsoluteUrl,
  getFeedChannel,
  getFeedDate,
  getFeedItems,
  getFeedPath,
  sortForFeed,
  summarizeText,
  type FeedDocument,
} from "../../src/lib/feedItems.ts";

function doc(id: string, published_date: string | null, extra: Partial<FeedDocument> = {}): FeedDocument {
  return { id, title: `通报${id}`, subtitle: null, published_date, districts: ["密云区"], genre: "meeting", body_start: 0, text_path: `text/${id}.txt`, ...extra };
}

const SITE = { site: "https://tongbao.example.org", base: "/" };
const texts: Record<string, string> = {
  a: "密云区召开会议。会议要求做好核酸检测。",
  b: "标题行\n古北口镇加强管控。",
};
const getText = (d: FeedDocument) => texts[d.id] ?? "";

describe("getFeedItems(documents, options)", () => {
  it("lists newest publication date first, unknown dates last, ties by id", () => {
    const items = getFeedItems([doc("c", null), doc("b", "2022-04-13"), doc("z", "2022-05-01"), doc("a", "2022-04-13")], { ...SITE, getText });
    expect(items.map((i) => i.link)).toEqual([
      "https://tongbao.example.org/reports/z/",
      "https://tongbao.example.org/reports/a/",
      "https://tongbao.example.org/reports/b/",
      "https://tongbao.example.org/reports/c/",
    ]);
  });

  it(`keeps the ${FEED_ITEMS} newest reports, reading the text of those only`, () => {
    const many = Array.from({ length: FEED_ITEMS + 20 }, (_, i) => doc(`r${String(i).padStart(3, "0")}`, `2022-0${1 + (i % 9)}-1${i % 10}`));
    const read: string[] = [];
    const items = getFeedItems([doc("undated", null), ...many], { ...SITE, getText: (d) => (read.push(d.id), "") });
    expect(items).toHaveLength(FEED_ITEMS);
    const newest = sortForFeed(many).slice(0, FEED_ITEMS).map((d) => `https://tongbao.example.org/reports/${d.id}/`);
    expect(items.map((i) => i.link)).toEqual(newest);
    expect(read.sort()).toEqual(sortForFeed(many).slice(0, FEED_ITEMS).map((d) => d.id).sort());
  });

  it("builds a whole item: title, absolute link, Beijing-midnight pubDate, summary, districts then genre label", () => {
    const [item] = getFeedItems([doc("a", "2022-04-13", { districts: ["怀柔区", "密云区"] })], { ...SITE, getText });
    expect(item).toEqual({
      title: "通报a",
      link: "https://tongbao.example.org/reports/a/",
      pubDate: new Date("2022-04-12T16:00:00Z"),
      description: "密云区召开会议。会议要求做好核酸检测。",
      categories: ["怀柔区", "密云区", "会议"],
    });
  });

  it("gives a report with an unknown publication date no pubDate at all (never its event date or today)", () => {
    const [item] = getFeedItems([doc("c", null)], { ...SITE, getText });
    expect(item).not.toHaveProperty("pubDate");
    expect(item?.categories).toEqual(["密云区", "会议"]);
  });

  it("leaves out the genre of a report whose genre is undecided", () => {
    expect(getFeedItems([doc("a", "2022-04-13", { genre: null })], { ...SITE, getText })[0]?.categories).toEqual(["密云区"]);
  });

  it("summarises the body after body_start, else the subtitle, else the title", () => {
    const items = getFeedItems(
      [doc("b", "2022-04-03", { body_start: 4 }), doc("s", "2022-04-02", { subtitle: "副题在此" }), doc("t", "2022-04-01")],
      { ...SITE, getText },
    );
    expect(items.map((i) => i.description)).toEqual(["古北口镇加强管控。", "副题在此", "通报t"]);
  });

  it("keeps only the reports naming a district when one is given; none gives no items", () => {
    const docs = [doc("a", "2022-04-13"), doc("h", "2022-04-12", { districts: ["海淀区"] })];
    expect(getFeedItems(docs, { ...SITE, getText, district: "海淀区" }).map((i) => i.title)).toEqual(["通报h"]);
    expect(getFeedItems(docs, { ...SITE, getText, district: "延庆区" })).toEqual([]);
  });

  it("links under the base of an archived snapshot", () => {
    const [item] = getFeedItems([doc("a", "2022-04-13")], { site: "https://tongbao.example.org", base: "/archive/2022-04-13/site/", getText });
    expect(item?.link).toBe("https://tongbao.example.org/archive/2022-04-13/site/reports/a/");
  });

  it("escapes markup in titles and summaries: the feed holds no <script> element, and readers show the text", async () => {
    const hostile = doc("x", "2022-04-13", { title: "<script>alert(1)</script>标题 & 'q'" });
    const items = getFeedItems([hostile], { ...SITE, getText: () => "<script>alert(2)</script>正文。" });
    expect(items[0]?.title).toBe("<script>alert(1)</script>标题 & 'q'");
    expect(items[0]?.description).toBe("&lt;script&gt;alert(2)&lt;/script&gt;正文。");
    const xml = await getRssString({ ...getFeedChannel(), site: getAbsoluteUrl("/", SITE), items, customData: FEED_CHANNEL_DATA });
    expect(xml).not.toMatch(/<script/i);
    expect(xml).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt;标题 &amp; &apos;q&apos;</title>");
    // Escaped twice: once as HTML (readers render <description> as HTML), once as XML.
    expect(xml).toContain("<description>&amp;lt;script&amp;gt;alert(2)&amp;lt;/script&amp;gt;正文。</description>");
    expect(xml).not.toMatch(/lastBuildDate/);
  });

  it("gives the same bytes for the same documents in any input order", async () => {
    const docs = [doc("a", "2022-04-13"), doc("b", "2022-04-13"), doc("c", null)];
    const feed = async (list: FeedDocument[]) =>
      getRssString({ ...getFeedChannel("密云区"), site: getAbsoluteUrl("/districts/miyun/", SITE), items: getFeedItems(list, { ...SITE, getText }), customData: FEED_CHANNEL_DATA });
    expect(await feed([...docs].reverse())).toBe(await feed(docs));
  });
});

describe("sortForFeed(documents)", () => {
  it("puts unknown publication dates last, in id order", () => {
    expect(sortForFeed([doc("b", null), doc("a", null), doc("c", "2020-01-01")]).map((d) => d.id)).toEqual(["c", "a", "b"]);
  });
});

describe("summarizeText(text, length)", () => {
  it.each([
    ["", ""],
    ["  \n ", ""],
    ["第一句。第二句！第三句？", "第一句。第二句！第三句？"],
    ["他说：“要严防死守。”随后离开。", "他说：“要严防死守。”随后离开。"],
    ["甲乙丙。丁戊己。", "甲乙丙。"],
    ["一二三四五六七八九十。", "一二三四五…"],
    ["第一段\n第二段。", "第一段"],
  ])("%j → %j (length 5 except where the text is short)", (text, summary) => {
    expect(summarizeText(text, text.startsWith("甲") || text.startsWith("一二") ? 5 : 120)).toBe(summary);
  });

  it("stops at 120 characters by default, ending a cut sentence with …", () => {
    const summary = summarizeText(`${"防".repeat(200)}。`);
    expect(summary).toBe(`${"防".repeat(120)}…`);
  });
});

describe("small feed helpers", () => {
  it.each([
    ["2022-04-13", "2022-04-12T16:00:00.000Z"],
    [null, undefined],
    ["2022-4-13", undefined],
    ["2022-13-45", undefined],
  ])("getFeedDate(%j) → %j", (day, iso) => {
    expect(getFeedDate(day)?.toISOString()).toBe(iso);
  });

  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("names the feeds and their channels", () => {
    expect(getFeedPath()).toBe("/rss.xml");
    expect(getFeedPath("miyun")).toBe("/districts/miyun/rss.xml");
    expect(getFeedChannel("密云区")).toEqual({ title: "通报 · 密云区疫情防控工作通报", description: "涉及密云区的疫情防控工作通报中最新的100篇，按发布日期从新到旧排列。" });
    expect(getAbsoluteUrl("/", { site: "https://a.example/", base: "/archive/x/site" })).toBe("https://a.example/archive/x/site/");
  });
});
