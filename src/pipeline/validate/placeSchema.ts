/**
 * Schema of the places dataset: one row per named place per report.
 */
import { z } from "zod";
import { cleanSpan, col, documentId, isoDate } from "./schemas.ts";
import { riskLevel, riskRegime } from "./riskAreaSchema.ts";

/** 封控区/管控区/防范区 (regimes) or 高/中/低风险 (levels): the control status a text gives a place. */
export const placeStatus = z.enum([...riskRegime.options, ...riskLevel.options]);
export type PlaceStatus = z.infer<typeof placeStatus>;

/** `{doc_id}-pl{nnn}`: the document id and the place's 1-based order in it, three digits at least (`018-pl003`). */
export const PLACE_ID = /^[a-z0-9][a-z0-9_-]{0,63}-pl\d{3,}$/;

export const placeSchema = z
  .object({
    id: col(z.string().regex(PLACE_ID, "expected {doc_id}-pl{nnn}"), "编号", "Stable id: the document id and the place's 1-based order in it, zero-padded, e.g. 018-pl003"),
    doc_id: col(documentId, "文档编号", "Id of the report the place is named in"),
    name: col(z.string().min(1), "名称", "The place's name as written in the clean text, without the district or street written before it"),
    kind: col(z.string().min(1), "类型", "Kind of place from the word that ends its name (社区, 小区, 村, 街道, 镇, 乡, 高校, 检查站, 号院 …), or 其他 for an item of a list of areas"),
    district: col(z.string().min(1).nullable(), "区", "Beijing district, official name, from the gazetteer or the text; null when neither tells"),
    street: col(z.string().min(1).nullable(), "街道/乡镇", "Street or town (街道/镇/乡) the place is in, from the gazetteer or the text; null when neither tells"),
    status: col(placeStatus.nullable(), "管控状态", "Control status the text gives this place (封控区/管控区/防范区 or 高/中/低风险), null when it gives none"),
    date: col(isoDate.nullable(), "日期", "The report's event date, else its publication date; null when it has neither"),
    span: col(cleanSpan, "位置", "[start, end) of the name in the report's clean text, UTF-16 code units"),
  })
  .strict();

export type PlaceRow = z.infer<typeof placeSchema>;
