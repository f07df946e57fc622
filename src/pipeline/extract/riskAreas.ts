/**
 * Risk areas (风险区域) announced in a report: areas designated (划定为封控区, 调整为高风险), listed, or lifted
 * (解封, 解除封控, 降为低风险).
 */
import type { Issue } from "../issues.ts";
import type { ParsedDoc } from "../records.ts";
import { isRiskLevel, type RiskAreaTextRow } from "../validate/riskAreaSchema.ts";
import { findPlaceMentions, type PlaceMentions } from "./placeMentions.ts";
import type { PlaceContext } from "./places.ts";

/**
 * One row per area and status the text announces, in text order: every place mention that has a status, with
 * the area as listed (`光华里1号楼、乙1号楼…`), its level (高/中/低风险) or regime (封控区/管控区/防范区), the
 * report's event date (else publication date) and the change (added, lifted, or null when only listed). An area
 * named twice with one status is one row, keeping the first change found. `found` is `findPlaceMentions(doc, …)` when
 * the caller has it already (extractDocument shares it with extractPlaces); absent it is found here. Never throws;
 * issues: none (items left out are reported once, by extractPlaces).
 */
export function extractRiskAreas(
  doc: ParsedDoc,
  ctx: PlaceContext,
  found: PlaceMentions = findPlaceMentions(doc, ctx.gazetteer, ctx.placeWords),
): { rows: RiskAreaTextRow[]; issues: Issue[] } {
  const date = doc.event_date ?? doc.published_date;
  const rows: RiskAreaTextRow[] = [];
  const byKey = new Map<string, RiskAreaTextRow>();
  for (const m of found.mentions) {
    if (m.status === null) continue;
    const area = doc.text.slice(m.areaSpan[0], m.areaSpan[1]);
    const key = [m.district ?? "", m.street ?? "", area, m.status].join("\u0000");
    const seen = byKey.get(key);
    if (seen) {
      seen.change ??= m.change;
      continue;
    }
    const status = m.status;
    const row: RiskAreaTextRow = {
      doc_id: doc.id,
      district: m.district,
      street: m.street,
      area,
      level: isRiskLevel(status) ? status : null,
      regime: isRiskLevel(status) ? null : status,
      date,
      change: m.change,
      span: m.areaSpan,
    };
    byKey.set(key, row);
    rows.push(row);
  }
  return { rows, issues: [] };
}
