/**
 * Schema of the districts dataset: Beijing's 16 districts as the site names and addresses them,
 * published from the gazetteer so that pages read districts from the datasets like everything else.
 */
import { z } from "zod";
import { col } from "./schemas.ts";

export const districtSchema = z
  .object({
    code: col(z.string().regex(/^\d{6}$/), "区划代码", "Statistical division code (NBS), 6 digits"),
    name: col(z.string().min(1), "区名", "Official name, e.g. 海淀区"),
    short_name: col(z.string().min(1), "简称", "The name without 区, e.g. 海淀"),
    slug: col(z.string().regex(/^[a-z]+$/), "拼音", "Pinyin slug used in addresses, e.g. haidian"),
  })
  .strict();

export type DistrictRecord = z.infer<typeof districtSchema>;
