/**
 * The RSS feeds of reports (/rss.xml and /districts/{slug}/rss.xml): their items and channel text, computed from the
 * documents dataset. Pure: the clean text is handed in, the site address and base too, and nothing reads the clock,
 * so the same datasets give the same feed bytes (no lastBuildDate anywhere).
 */
import type { DocumentRow } from "../pipeline/validate/schemas.ts";
import { findGenreLabel } from "./genreLabels.ts";
import { sitePath } from "./sitePath.ts";
import { escapeHtml } from "./escapeHtml.ts";

/** The fields of a document a feed item is made of. */
export type FeedDocument = Pick<DocumentRow, "id" | "title" | "subtitle" | "published_date" | "districts" | "genre" | "body_start" | "text_path">;

/** One item as @astrojs/rss takes it (it XML-escapes every text value itself). */
export interface FeedItem {
  /** the report's title as plain text, e.g. `密云区:紧盯形势 狠抓落实` */
  title: string;
  /** absolute address of the report page, also its guid, e.g. `https://tongbao.example.org/reports/004/` */
  link: string;
  /** midnight Beijing time of the publication day; absent when the publication date is unknown (never guessed) */
  pubDate?: Date;
  /** a short summary, HTML-escaped plain text (readers render `<description>` as HTML) */
  description: string;
  /** the report's districts (official names, in the dataset's order), then its genre label when it has one */
  categories: string[];
}

/** Where the site is published: `site` is astro.config.mjs `site`, `base` Astro's base (`/` or `/archive/…/site/`). */
export interface FeedAddress {
  site: string | URL;
  base: string;
}

/**
 * Items in a feed: the newest reports. A feed is polled by readers, not an archive (the report lists and /data/ are):
 * with every report, a district's feed was 2.5–4.6 MB at 10,000 reports, fetched again on every poll.
 */
export const FEED_ITEMS = 100;

/** A summary stops after the sentence that reaches this many characters (or is cut here when one sentence is longer). */
export const SUMMARY_LENGTH = 120;

/**
 * The feed's items: the FEED_ITEMS newest of `documents` (all of them, or only those naming `district` when it is
 * given, e.g. `密云区`), newest first by publication date, reports with an unknown publication date last (so they
 * appear only while a feed has room), then by id. `getText(doc)` returns the
 * report's clean text (data/build/text/{id}.txt); its body after `body_start` gives the summary, else the subtitle,
 * else the title. Never throws on a document the dataset schema accepts.
 */
export function getFeedItems(
  documents: readonly FeedDocument[],
  options: FeedAddress & { getText: (doc: FeedDocument) => string; district?: string },
): FeedItem[] {
  const { district } = options;
  const chosen = district === undefined ? documents : documents.filter((doc) => doc.districts.includes(district));
  return sortForFeed(chosen).slice(0, FEED_ITEMS).map((doc) => {
    const summary = summarizeText(options.getText(doc).slice(doc.body_start)) || doc.subtitle || doc.title;
    const genre = findGenreLabel(doc.genre);
    const item: FeedItem = {
      title: doc.title,
      link: getAbsoluteUrl(`/reports/${doc.id}/`, options),
      description: escapeHtml(summary),
      categories: genre === null ? [...doc.districts] : [...doc.districts, genre],
    };
    const pubDate = getFeedDate(doc.published_date);
    if (pubDate !== undefined) item.pubDate = pubDate;
    return item;
  });
}

/** Newest publication date first, unknown publication dates last, ties by id: the feed's order. */
export function sortForFeed<T extends Pick<DocumentRow, "id" | "published_date">>(documents: readonly T[]): T[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...documents].sort((a, b) => {
    if (a.published_date !== b.published_date) {
      if (a.published_date === null) return 1;
      if (b.published_date === null) return -1;
      return compare(b.published_date, a.published_date);
    }
    return compare(a.id, b.id);
  });
}

/**
 * The first sentence(s) of `text`'s first non-blank paragraph (line): whole sentences (ending in 。！？!?) until the
 * summary reaches SUMMARY_LENGTH characters; a first sentence longer than that is cut and ends in `…`. Empty for
 * blank text. `昨天下午,蔡奇到海淀区检查。他强调……\n蔡奇首先来到…` → `昨天下午,蔡奇到海淀区检查。他强调……`.
 */
export function summarizeText(text: string, length: number = SUMMARY_LENGTH): string {
  const paragraph = text.split("\n").find((line) => line.trim() !== "") ?? "";
  const sentences = paragraph.match(/[^。！？!?]+[。！？!?]*[”」』）)]*/g) ?? [];
  let summary = "";
  for (const raw of sentences) {
    const sentence = raw.replace(/\s+/g, " ").trim();
    if (sentence === "") continue;
    if (summary !== "" && summary.length + sentence.length > length) break;
    summary += sentence;
    if (summary.length >= length) break;
  }
  const chars = [...summary];
  return chars.length > length ? `${chars.slice(0, length).join("")}…` : summary;
}


/** `2022-04-13` → midnight of that day in Beijing (`2022-04-12T16:00:00Z`); undefined for null or a malformed date. */
export function getFeedDate(day: string | null): Date | undefined {
  if (day === null || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00+08:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `/reports/004/` → `https://tongbao.example.org/reports/004/` (under the base when there is one). */
export function getAbsoluteUrl(path: string, address: FeedAddress): string {
  return new URL(sitePath(path, address.base.endsWith("/") ? address.base : `${address.base}/`), address.site).href;
}

/** `/rss.xml`, or `/districts/miyun/rss.xml` for a district's slug: the feed's path inside the site. */
export function getFeedPath(slug?: string): string {
  return slug === undefined ? "/rss.xml" : `/districts/${slug}/rss.xml`;
}

/** The channel's Chinese title and description: the whole site's, or one district's (`密云区`). */
export function getFeedChannel(district?: string): { title: string; description: string } {
  if (district === undefined) {
    return { title: "通报 · 北京各区疫情防控工作通报", description: `北京各区疫情防控工作通报中最新的${FEED_ITEMS}篇，按发布日期从新到旧排列。` };
  }
  return { title: `通报 · ${district}疫情防控工作通报`, description: `涉及${district}的疫情防控工作通报中最新的${FEED_ITEMS}篇，按发布日期从新到旧排列。` };
}

/** The channel's extra elements (`<language>`), as @astrojs/rss `customData` takes them. */
export const FEED_CHANNEL_DATA = "<language>zh-cn</language>";
