/**
 * Schemas of risk areas: announcements read from report texts, rows of the risk-area CSV files, and the merged
 * dataset with one row per area and level or regime.
 */
import { z } from "zod";
import { cleanSpan, col, documentId, isoDate } from "./schemas.ts";

/** 高/中/低风险: the national risk level */
export const riskLevel = z.enum(["高风险", "中风险", "低风险"]);
/** 封控区/管控区/防范区: Beijing's own control regime */
export const riskRegime = z.enum(["封控区", "管控区", "防范区"]);
const change = z.enum(["added", "lifted"]).nullable();
/** YYYY-MM-DD, or YYYY-MM-DD HH:MM as the API snapshots give it (CSV input only) */
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/, "expected YYYY-MM-DD or YYYY-MM-DD HH:MM");
/** HH:MM, Beijing time */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");
/**
 * `ra-{district slug | zone | city}-{12 hex}`: zone for an area the source places in a zone run by no district
 * (经济开发区), city when no source names a district; the hex is the start of the sha256 of the normalised key and
 * the listing's first day.
 */
const RISK_AREA_ID = /^ra-[a-z]+-[0-9a-f]{12}(-\d+)?$/;

/** One announcement in a report that an area was designated, listed or lifted. */
const riskAreaTextSchema = z
  .object({
    doc_id: col(documentId, "文档编号", "Id of the report"),
    district: col(z.string().min(1).nullable(), "区", "Beijing district, official name, or null"),
    street: col(z.string().min(1).nullable(), "街道/乡镇", "Street or town, or null"),
    area: col(z.string().min(1), "区域", "The area as listed, with its buildings (光华里1号楼、乙1号楼)"),
    level: col(riskLevel.nullable(), "风险等级", "高风险/中风险/低风险, or null for a regime"),
    regime: col(riskRegime.nullable(), "管控类型", "封控区/管控区/防范区, or null for a level"),
    date: col(isoDate.nullable(), "日期", "The report's event date, else its publication date"),
    change: col(change, "变化", "added (划定, 升为, 新增), lifted (解除, 解封, 降为) or null when the text only lists it"),
    span: col(cleanSpan, "位置", "[start, end) of the area in the clean text"),
  })
  .strict();
export type RiskAreaTextRow = z.infer<typeof riskAreaTextSchema>;

/** One valid row of a risk-area CSV (data/raw/risk-areas/). */
const riskAreaCsvSchema = z
  .object({
    district: col(z.string().min(1).nullable(), "区", "Official district name, or null when the source's is not a district (经济开发区)"),
    district_raw: col(z.string(), "原区名", "The source's district name where it is not a district"),
    street: col(z.string().min(1).nullable(), "街道/乡镇", "street_or_town as listed, or null"),
    area: col(z.string().min(1), "区域", "The area verbatim"),
    level: col(riskLevel, "风险等级", "高风险/中风险/低风险"),
    first_seen: col(dateTime, "首次出现", "First observation of the listing"),
    last_seen: col(dateTime, "最后出现", "Last observation of the listing"),
    snapshots: col(z.number().int().positive(), "快照数", "Snapshots or pages that list it"),
    time_basis: col(z.string(), "时间依据", "What first_seen/last_seen are read from"),
    method: col(z.string(), "方法", "api_snapshots or notice_text_parse"),
    source: col(z.string(), "来源", "owner/repo:path@commit of the first snapshot"),
    source_last: col(z.string(), "最后来源", "path of the last snapshot"),
    source_path: col(z.string().min(1), "输入文件", "Repo-relative path of the CSV file"),
    source_line: col(z.number().int().positive(), "行号", "1-based line of the row in the CSV file"),
  })
  .strict();
export type RiskAreaCsvRow = z.infer<typeof riskAreaCsvSchema>;

/** Where a merged risk area was read. */
const riskAreaSourceSchema = z.union([
  z.object({ doc_id: documentId, span: cleanSpan, change, date: isoDate.nullable() }).strict(),
  z.object({ path: z.string().min(1), line: z.number().int().positive() }).strict(),
]);

/** The merged dataset: one row per area, level or regime, and listing (a lift or a gap of over a day ends one). */
export const riskAreaSchema = z
  .object({
    id: col(z.string().regex(RISK_AREA_ID, "expected ra-{slug}-{12 hex}"), "编号", "Stable id: ra-, the district's slug (zone: a zone run by no district; city: no district), and the first 12 hex digits of the sha256 of the normalised district, street, area, level or regime and first day"),
    district: col(z.string().min(1).nullable(), "区", "Beijing district, official name, or null"),
    district_raw: col(z.string().min(1).nullable(), "原区名", "The CSV source's district name where it is no district (经济开发区), else null"),
    street: col(z.string().min(1).nullable(), "街道/乡镇", "Street or town, or null"),
    area: col(z.string().min(1), "区域", "The area as first listed"),
    level: col(riskLevel.nullable(), "风险等级", "高风险/中风险/低风险, or null for a regime"),
    regime: col(riskRegime.nullable(), "管控类型", "封控区/管控区/防范区, or null for a level"),
    from: col(isoDate.nullable(), "起始日期", "First day of the listing (a text's designation or listing, a CSV first_seen); null when only a lifting is dated"),
    from_time: col(clockTime.nullable(), "起始时间", "Time of day of `from` when a CSV snapshot gives it (HH:MM, Beijing time), else null"),
    to: col(isoDate.nullable(), "结束日期", "Day the listing ended: lifted (text) or last listed (CSV); null while no source ends it"),
    to_time: col(clockTime.nullable(), "结束时间", "Time of day of `to` when a CSV snapshot gives it (HH:MM), else null"),
    sources: col(z.array(riskAreaSourceSchema).min(1), "来源", "Each report (doc_id, span, change, date) and CSV row (path, line) that lists it"),
  })
  .strict();
export type RiskAreaRow = z.infer<typeof riskAreaSchema>;
/** True when `status` is a level (高/中/低风险) rather than a regime. */
export function isRiskLevel(status: string): status is z.infer<typeof riskLevel> {
  return (riskLevel.options as readonly string[]).includes(status);
}
