/**
 * /districts/{slug}/rss.xml: the newest reports naming one district (FEED_ITEMS), newest first
 * (src/lib/feedItems.ts). Every one of the 16 districts gets a feed; one without reports gets a valid feed with no
 * items, so a subscription never breaks.
 */
import rss from "@astrojs/rss";
import type { APIRoute, GetStaticPaths } from "astro";
import { readReportText } from "../../../lib/buildFiles.ts";
import { getRows } from "../../../lib/datasetRows.ts";
import { FEED_CHANNEL_DATA, getAbsoluteUrl, getFeedChannel, getFeedItems } from "../../../lib/feedItems.ts";
import { getSiteBase } from "../../../lib/sitePath.ts";
import type { DistrictRecord } from "../../../pipeline/validate/districtSchema.ts";

export const getStaticPaths = (async () => {
  const districts = await getRows("districts");
  return districts.map((district) => ({ params: { slug: district.slug }, props: { district } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const { district } = context.props as { district: DistrictRecord };
  const address = { site: context.site ?? context.url.origin, base: getSiteBase() };
  const documents = await getRows("documents");
  return rss({
    ...getFeedChannel(district.name),
    site: getAbsoluteUrl(`/districts/${district.slug}/`, address),
    items: getFeedItems(documents, { ...address, district: district.name, getText: (doc) => readReportText(doc.text_path) }),
    customData: FEED_CHANNEL_DATA,
  });
};
