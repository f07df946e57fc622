import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { parseRiskAreaCsv, RISK_AREA_CSV_HEADER } from "../../../src/pipeline/extract/riskAreaCsv.ts";
import { mergeRiskAreas, normalizeAreaName } from "../../../src/pipeline/extract/riskAreaMerge.ts";
import { parsePlaceWords } from "../../../src/pipeline/extract/placeWords.ts";
import { daysBetween } from "../../../src/pipeline/parse/date.ts";
import { getReference } from "../../support/pipeline.ts";

const H = RISK_AREA_CSV_HEADER.join(",");
const row = (d: string, area: string, level: string, first: string, last: string) => `${d},,建外街道,${area},${level},${first},${last},2,page_publish_date,notice_text_parse,src,last`;

describe("parseRiskAreaCsv(csvText, path, gazetteer)", () => {
  it("keeps valid rows with their line and reports each bad row at path:line", async () => {
    const { gazetteer } = await getReference();
    const text = [H, row("朝阳区", "光华里", "中风险", "2022-05-01", "2022-05-03"), row("向阳区", "x", "中风险", "2022-05-01", "2022-05-03"),
      row("朝阳区", "y", "红色", "2022-05-01", "2022-05-03"), row("朝阳区", "z", "高风险", "2022-05-04", "2022-05-03"), row("朝阳区", "", "高风险", "2022-05-01", "2022-05-03"),
      row("朝阳区", "光华里", "中风险", "2022-05-01", "2022-05-03")].join("\n") + "\n";
    const r = parseRiskAreaCsv(text, "data/raw/risk-areas/t.csv", gazetteer);
    expect(r.rows.map((x) => [x.area, x.source_line])).toEqual([["光华里", 2]]);
    expect(r.issues.map(formatIssue).map((s) => s.split("\n")[0])).toMatchInlineSnapshot(`
      [
        "data/raw/risk-areas/t.csv:3: risk-area district is not a Beijing district: expected one of the 16 (or an empty district with district_raw), found "向阳区"",
        "data/raw/risk-areas/t.csv:4: risk-area level is unknown: expected 高风险, 中风险, 低风险, found "红色"",
        "data/raw/risk-areas/t.csv:5: risk-area last_seen is before first_seen: expected a date at or after "2022-05-04", found "2022-05-03"",
        "data/raw/risk-areas/t.csv:6: risk-area row has no area: expected the listed area, found """,
        "data/raw/risk-areas/t.csv:7: risk-area row repeats an earlier row: expected each area, level and first_seen once, found "朝阳区建外街道光华里 中风险 2022-05-01" again",
      ]
    `);
  });
});

describe("mergeRiskAreas(textRows, csvRows, gazetteer)", () => {
  it("merges a designation and its lifting into one row, and full-width brackets with half-width", async () => {
    const { gazetteer } = await getReference();
    expect(normalizeAreaName("汉庭酒店（包括底商）")).toBe("汉庭酒店(包括底商)");
    const t = (change: "added" | "lifted", date: string) => ({ doc_id: "d1", district: "大兴区", street: "旧宫镇", area: "美利新世界小区6号楼", level: null, regime: "封控区" as const, date, change, span: [0, 9] as [number, number] });
    const rows = mergeRiskAreas([t("added", "2022-01-20"), t("lifted", "2022-02-07")], [], gazetteer);
    expect(rows.map((r) => [r.area, r.regime, r.from, r.to, r.sources.length])).toEqual([["美利新世界小区6号楼", "封控区", "2022-01-20", "2022-02-07", 2]]);
    expect(rows[0]!.id).toMatch(/^ra-daxing-[0-9a-f]{12}$/);
  });

  const dir = resolve(process.cwd(), "data/raw/risk-areas");
  it.skipIf(!existsSync(dir))("parses and merges the real CSVs without issues into one row per listing", async () => {
    const { gazetteer } = await getReference();
    const words = parsePlaceWords(readFileSync(resolve(process.cwd(), "data/reference/place-words.csv"), "utf8"), "data/reference/place-words.csv").value!;
    const all = readdirSync(dir).filter((f) => f.endsWith(".csv")).sort().map((f) => parseRiskAreaCsv(readFileSync(`${dir}/${f}`, "utf8"), `data/raw/risk-areas/${f}`, gazetteer));
    const csvRows = all.flatMap((r) => r.rows);
    const merged = mergeRiskAreas([], csvRows, gazetteer, words);
    expect(all.flatMap((r) => r.issues)).toEqual([]);
    expect(csvRows.length).toBe(23192);
    expect(merged.length).toBe(22914);
    // 331 rows of the economic-technological development zone keep their zone and get zone ids.
    expect(merged.filter((r) => r.district_raw === "经济开发区" && r.id.startsWith("ra-zone-")).length).toBe(331);
    expect(new Set(merged.map((r) => r.id)).size).toBe(merged.length);
    // No listing spans a gap of more than a day between its CSV rows.
    const byLine = new Map(csvRows.map((r) => [`${r.source_path}:${r.source_line}`, r]));
    for (const row of merged) {
      const spans = row.sources.map((s) => ("path" in s ? byLine.get(`${s.path}:${s.line}`)! : null)).filter((r) => r !== null);
      for (let k = 1; k < spans.length; k++) {
        const lastEnd = spans.slice(0, k).map((r) => r.last_seen.slice(0, 10)).sort().at(-1)!;
        expect(daysBetween(lastEnd, spans[k]!.first_seen.slice(0, 10)), row.id).toBeLessThanOrEqual(1);
      }
    }
  });
});
