import { emptyScore, matchOneToOne, rates } from "../../../scripts/score.ts";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlaceWords } from "../../../src/pipeline/extract/placeWords.ts";
import type { PlaceContext } from "../../../src/pipeline/extract/places.ts";
import { parseRiskAreaCsv, RISK_AREA_CSV_HEADER } from "../../../src/pipeline/extract/riskAreaCsv.ts";
import { mergeRiskAreas, normalizeAreaName } from "../../../src/pipeline/extract/riskAreaMerge.ts";
import { extractRiskAreas } from "../../../src/pipeline/extract/riskAreas.ts";
import { riskAreaSchema, type RiskAreaTextRow } from "../../../src/pipeline/validate/riskAreaSchema.ts";
import { analyzeFile, getReference } from "../../support/pipeline.ts";

const corpus = resolve(process.cwd(), "../shared/corpus");
const hasCorpus = existsSync(corpus);
if (!hasCorpus) console.log(`risk-area tests: ${corpus} is absent, corpus tests skipped`);

async function context(): Promise<PlaceContext> {
  const ref = await getReference();
  const words = parsePlaceWords(readFileSync(resolve(process.cwd(), "data/reference/place-words.csv"), "utf8"), "data/reference/place-words.csv");
  if (words.value === null || words.issues.length > 0) throw new Error(words.issues.map((i) => i.message).join("; "));
  return { gazetteer: ref.gazetteer, categories: [], placeWords: words.value };
}

const textRow = (change: RiskAreaTextRow["change"], date: string, docId: string): RiskAreaTextRow => ({
  doc_id: docId, district: "通州区", street: "通运街道", area: "月季园小区3号楼", level: null, regime: "封控区", date, change, span: [3, 11],
});

describe("mergeRiskAreas(textRows, csvRows, gazetteer, words): lifecycle", () => {
  it("merges an area added on one date and lifted on another into one row with from and to", async () => {
    const { gazetteer } = await getReference();
    const rows = mergeRiskAreas([textRow("added", "2022-02-24", "020"), textRow("lifted", "2022-03-08", "021")], [], gazetteer);
    expect(rows).toEqual([
      {
        id: expect.stringMatching(/^ra-tongzhou-[0-9a-f]{12}$/),
        district: "通州区", district_raw: null, street: "通运街道", area: "月季园小区3号楼", level: null, regime: "封控区",
        from: "2022-02-24", from_time: null, to: "2022-03-08", to_time: null,
        sources: [
          { doc_id: "020", span: [3, 11], change: "added", date: "2022-02-24" },
          { doc_id: "021", span: [3, 11], change: "lifted", date: "2022-03-08" },
        ],
      },
    ]);
    expect(rows.every((r) => riskAreaSchema.safeParse(r).success)).toBe(true);
  });

  it("keeps an area not lifted open (to = null)", async () => {
    const { gazetteer } = await getReference();
    expect(mergeRiskAreas([textRow("added", "2022-02-24", "020")], [], gazetteer).map((r) => [r.from, r.to])).toEqual([["2022-02-24", null]]);
  });

  it("starts a new row when an area is listed again after its lifting, whatever the input order", async () => {
    const { gazetteer } = await getReference();
    const rows = mergeRiskAreas([textRow("added", "2022-03-20", "025"), textRow("lifted", "2022-03-08", "021"), textRow("added", "2022-02-24", "020")], [], gazetteer);
    expect(rows.map((r) => [r.from, r.to, r.sources.map((s) => ("doc_id" in s ? s.doc_id : s.path))])).toEqual([
      ["2022-02-24", "2022-03-08", ["020", "021"]],
      ["2022-03-20", null, ["025"]],
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
  });

  const csvLine = (district: string, raw: string, area: string, first: string, last: string) =>
    `${district},${raw},建外街道,${area},中风险,${first},${last},2,api_end_update_time,api_snapshots,src,last`;

  it("joins CSV listings a day apart, and starts a new row after a gap of more than a day, with the time apart", async () => {
    const { gazetteer } = await getReference();
    const csv = [
      RISK_AREA_CSV_HEADER.join(","),
      csvLine("朝阳区", "", "汉庭酒店(包括底商)", "2020-12-20", "2020-12-25"),
      csvLine("朝阳区", "", "汉庭酒店（包括底商）", "2020-12-27 09:00", "2021-01-12 18:00"),
      csvLine("朝阳区", "", "汉庭酒店(包括底商)", "2020-12-26", "2020-12-26"),
      csvLine("朝阳区", "", "汉庭酒店(包括底商)", "2021-02-01 10:00", "2021-02-03 08:00"),
    ].join("\n");
    const parsed = parseRiskAreaCsv(csv, "data/raw/risk-areas/t.csv", gazetteer);
    const rows = mergeRiskAreas([], parsed.rows, gazetteer);
    expect(rows.map((r) => [r.area, r.from, r.from_time, r.to, r.to_time, r.sources.map((s) => ("line" in s ? s.line : 0))])).toEqual([
      ["汉庭酒店(包括底商)", "2020-12-20", null, "2021-01-12", "18:00", [2, 4, 3]],
      ["汉庭酒店(包括底商)", "2021-02-01", "10:00", "2021-02-03", "08:00", [5]],
    ]);
  });

  it("keeps a zone's district_raw in the key and the row (经济开发区 is no district)", async () => {
    const { gazetteer } = await getReference();
    const csv = [RISK_AREA_CSV_HEADER.join(","), csvLine("", "经济开发区", "三羊北里1号楼", "2022-12-04 11:00", "2022-12-05 08:00"), csvLine("", "", "三羊北里1号楼", "2022-12-04 11:00", "2022-12-05 08:00")].join("\n");
    const parsed = parseRiskAreaCsv(csv, "data/raw/risk-areas/t.csv", gazetteer);
    expect(parsed.issues.map((i) => [i.code, i.line])).toEqual([["risk-area-district-unknown", 3]]);
    const rows = mergeRiskAreas([], parsed.rows, gazetteer);
    expect(rows.map((r) => [r.id.replace(/[0-9a-f]{12}$/, "…"), r.district, r.district_raw])).toEqual([["ra-zone-…", null, "经济开发区"]]);
  });

  it("matches names with and without an area ending or a street's office word when given the place words", async () => {
    const ctx = await context();
    const a: RiskAreaTextRow = { ...textRow(null, "2022-04-26", "033"), district: "朝阳区", street: "三间房乡", area: "艺水芳园", regime: "封控区" };
    const b: RiskAreaTextRow = { ...a, doc_id: "034", area: "艺水芳园社区", date: "2022-04-27" };
    expect(mergeRiskAreas([a, b], [], ctx.gazetteer).length).toBe(2);
    const rows = mergeRiskAreas([a, b], [], ctx.gazetteer, ctx.placeWords);
    expect(rows.map((r) => [r.area, r.from, r.sources.length])).toEqual([["艺水芳园", "2022-04-26", 2]]);
    expect(normalizeAreaName("朝外街道办事处（东草园）", ctx.placeWords)).toBe("朝外街道(东草园)");
    expect(normalizeAreaName("武圣东里社区", ctx.placeWords)).toBe("武圣东里");
    expect(normalizeAreaName("社区", ctx.placeWords)).toBe("社区");
  });

  it("keeps text and CSV sources of one listing in one row, and never merges another level", async () => {
    const { gazetteer, placeWords } = await context();
    const csv = [
      RISK_AREA_CSV_HEADER.join(","),
      "朝阳区,,潘家园街道办事处,松榆西里（社区）,高风险,2022-04-29,2022-05-10,4,page_publish_date,notice_text_parse,src,last",
      "朝阳区,,潘家园街道,松榆西里(社区),中风险,2022-04-20,2022-04-28,2,page_publish_date,notice_text_parse,src,last",
    ].join("\n");
    const parsed = parseRiskAreaCsv(csv, "data/raw/risk-areas/t.csv", gazetteer);
    expect(parsed.issues).toEqual([]);
    const text: RiskAreaTextRow = {
      doc_id: "034", district: "朝阳区", street: "潘家园街道", area: "松榆西里(社区)", level: "高风险", regime: null, date: "2022-04-29", change: "added", span: [10, 18],
    };
    const rows = mergeRiskAreas([text], parsed.rows, gazetteer, placeWords);
    expect(rows.map((r) => [r.street, r.area, r.level, r.from, r.to, r.sources])).toEqual([
      ["潘家园街道", "松榆西里(社区)", "中风险", "2022-04-20", "2022-04-28", [{ path: "data/raw/risk-areas/t.csv", line: 3 }]],
      ["潘家园街道", "松榆西里(社区)", "高风险", "2022-04-29", "2022-05-10", [
        { doc_id: "034", span: [10, 18], change: "added", date: "2022-04-29" },
        { path: "data/raw/risk-areas/t.csv", line: 2 },
      ]],
    ]);
  });
});

describe.skipIf(!hasCorpus)("extractRiskAreas(doc, ctx) on the corpus", () => {
  it("reads 022's liftings with the status each area leaves", async () => {
    const ctx = await context();
    const doc = await analyzeFile(`${corpus}/reports/022.txt`);
    // The title (`关于旧宫镇美利新世界小区解除封控管控的通告`) lifts the whole estate first; the labels leave it out.
    expect(extractRiskAreas(doc, ctx).rows.map((r) => [r.street, r.area, r.regime, r.change])).toEqual([
      ["旧宫镇", "美利新世界小区", "封控区", "lifted"],
      ["旧宫镇", "美利新世界小区6号楼", "封控区", "lifted"],
      ["旧宫镇", "美利新世界小区1-5号楼、7-14号楼", "管控区", "lifted"],
      ["旧宫镇", "美利新世界小区其他区域", "防范区", "lifted"],
    ]);
  });

  it("reads the level an area is raised to, not the one it leaves (由中风险调整为高风险)", async () => {
    const ctx = await context();
    const doc = await analyzeFile(`${corpus}/reports/034.txt`);
    const rows = extractRiskAreas(doc, ctx).rows.map((r) => [r.area, r.level, r.change]);
    expect(rows).toContainEqual(["松榆西里", "高风险", "added"]);
    expect(rows).toContainEqual(["兴礼村", "中风险", "added"]);
    // spun copies garble names next to the gazetteer's (武胜东里 for 武圣东里): left out
    expect(rows.map((r) => r[0])).not.toContain("武胜东里");
  });

  it("reaches its precision and recall floor against labels (match: area, district, level, change)", async () => {
    const ctx = await context();
    const files = readdirSync(`${corpus}/reports`).filter((f) => /^\d{3}\./.test(f)).sort();
    const score = emptyScore();
    const misses: string[] = [];
    for (const f of files) {
      const doc = await analyzeFile(`${corpus}/reports/${f}`);
      type Label = { area: string; district: string | null; level: string; change: string | null };
      const labels = (JSON.parse(readFileSync(`${corpus}/labels/${f.slice(0, 3)}.json`, "utf8")) as { risk_areas?: Label[] }).risk_areas ?? [];
      const rows = extractRiskAreas(doc, ctx).rows;
      const pairs = matchOneToOne(labels, rows, (l, r) => (r.area === l.area || `${r.street ?? ""}${r.area}` === l.area) && r.district === l.district && (r.level ?? r.regime) === l.level && r.change === l.change, score);
      for (const l of labels) if (!pairs.some(([e]) => e === l)) misses.push(`${f} missed ${l.area} ${l.district} ${l.level} ${l.change}`);
      for (const r of rows) if (!pairs.some(([, p]) => p === r)) misses.push(`${f} extra ${r.area} ${r.district} ${r.level ?? r.regime} ${r.change}`);
    }
    const { precision, recall, f1 } = rates(score);
    console.log(`risk areas: P=${precision.toFixed(3)} R=${recall.toFixed(3)} F1=${f1.toFixed(3)}\n${misses.slice(0, 40).join("\n")}`);
    expect(precision).toBeGreaterThanOrEqual(0.88);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it("gives every row its document id and a span whose text is the area (property over the corpus)", async () => {
    const ctx = await context();
    const files = readdirSync(`${corpus}/reports`).filter((f) => /^\d{3}\./.test(f)).sort();
    for (const f of files) {
      const doc = await analyzeFile(`${corpus}/reports/${f}`);
      for (const r of extractRiskAreas(doc, ctx).rows) {
        expect(r.doc_id).toBe(doc.id);
        expect(doc.text.slice(...r.span)).toBe(r.area);
        expect(r.level === null).not.toBe(r.regime === null);
      }
    }
  });
});
