/**
 * /rss.xml: the newest published reports (FEED_ITEMS), newest first (src/lib/feedItems.ts); RSS 2.0, zh-cn, no build
 * timestamp.
 */
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { readReportText } from "../lib/buildFiles.ts";
import { getRows } from "../lib/datasetRows.ts";
import { FEED_CHANNEL_DATA, getAbsoluteUrl, getFeedChannel, getFeedItems } from "../lib/feedItems.ts";
import { getSiteBase } from "../lib/sitePath.ts";

export const GET: APIRoute = async (context) => {
  const address = { site: context.site ?? context.url.origin, base: getSiteBase() };
  const documents = await getRows("documents");
  return rss({
    ...getFeedChannel(),
    site: getAbsoluteUrl("/", address),
    items: getFeedItems(documents, { ...address, getText: (doc) => readReportText(doc.text_path) }),
    customData: FEED_CHANNEL_DATA,
  });
};
