import { emptyScore, matchOneToOne, rates } from "../../../scripts/score.ts";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlaceWords } from "../../../src/pipeline/extract/placeWords.ts";
import { extractPlaces, placeId, type PlaceContext } from "../../../src/pipeline/extract/places.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { PLACE_ID, placeSchema } from "../../../src/pipeline/validate/placeSchema.ts";
import { extractRiskAreas } from "../../../src/pipeline/extract/riskAreas.ts";
import { analyzeFile, getReference } from "../../support/pipeline.ts";

const corpus = resolve(process.cwd(), "../shared/corpus");
const hasCorpus = existsSync(corpus);
if (!hasCorpus) console.log(`places tests: ${corpus} is absent, corpus tests skipped`);

async function context(): Promise<PlaceContext> {
  const ref = await getReference();
  const words = parsePlaceWords(readFileSync(resolve(process.cwd(), "data/reference/place-words.csv"), "utf8"), "data/reference/place-words.csv");
  if (words.value === null || words.issues.length > 0) throw new Error(words.issues.map((i) => i.message).join("; "));
  return { gazetteer: ref.gazetteer, categories: [], placeWords: words.value };
}

describe("parsePlaceWords(csvText, path)", () => {
  it("rejects an unknown status with schema-invalid at its line", () => {
    const r = parsePlaceWords("word,role,value,reason\n封控区,status,封控区,x\n红区,status,红色,y\n", "p.csv");
    expect(r.value?.statuses).toEqual([{ word: "封控区", status: "封控区" }]);
    expect(r.issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ["schema-invalid", 3, 'place status word names an unknown status: expected one of 封控区, 管控区, 防范区, 高风险, 中风险, 低风险, found "红色"'],
    ]);
  });

  it("reports the line a row starts on after a reason with a quoted line break", () => {
    const r = parsePlaceWords('word,role,value,reason\n各,stop,whole,"every X,\nno name"\n其他,stop,some,y\n', "p.csv");
    expect(r.value?.wholeStops).toEqual(new Set(["各"]));
    expect(r.issues.map(formatIssue)).toEqual(['p.csv:4: place stop word has an unknown value: expected "" or "whole", found "some"']);
  });

  it("reads list roles longest first and street kinds by their value", () => {
    const r = parsePlaceWords("word,role,value,reason\n路,road,,r\n大街,road,,r\n镇,kind-street,镇,r\n社区,kind,社区,r\n", "p.csv");
    expect([r.value?.roads, [...(r.value?.streetKinds ?? [])]]).toEqual([["大街", "路"], ["镇"]]);
  });

  it("gives a null value for a bad header", () => {
    const r = parsePlaceWords("word,role,reason\n", "p.csv");
    expect([r.value, r.issues.map((i) => [i.code, i.line])]).toEqual([null, [["schema-invalid", 1]]]);
  });
});

describe("placeId(docId, order)", () => {
  it.each([
    ["018", 3, "018-pl003"],
    ["r1a2b3c4d5e6f", 1234, "r1a2b3c4d5e6f-pl1234"],
  ])("gives %s, %i → %s", (doc, n, id) => {
    expect(placeId(doc, n)).toBe(id);
    expect(PLACE_ID.test(id)).toBe(true);
  });
  it("is not a person mention's id (-p001)", () => expect(PLACE_ID.test("018-p001")).toBe(false));
});

describe.skipIf(!hasCorpus)("extractPlaces on the corpus", () => {
  it("finds the seeds' places with district and street", async () => {
    const ctx = await context();
    const seed0 = await analyzeFile(`${corpus}/seeds/000_76bc26fd7b02b4ab.txt`);
    // The name leaves out the street written before it: 海淀街道友谊社区 is 友谊社区 in 海淀街道.
    const rows0 = extractPlaces(seed0, ctx).rows.map((r) => [r.name, r.district, r.street]);
    expect(rows0).toContainEqual(["北京理工大学", "海淀区", "紫竹院街道"]);
    expect(rows0).toContainEqual(["友谊社区", "海淀区", "海淀街道"]);
    expect(rows0).toContainEqual(["蓝靛厂晴波园小区", "海淀区", null]);
    expect(rows0).toContainEqual(["熙典华庭社区", "海淀区", "中关村街道"]);
    // `封(管)控措施` names no status of these two communities.
    expect(extractPlaces(seed0, ctx).rows.filter((r) => r.status !== null)).toEqual([]);
    const seed4 = await analyzeFile(`${corpus}/seeds/004_d2a4c35ad713cded.txt`);
    expect(extractPlaces(seed4, ctx).rows.find((r) => r.name === "古北口镇")?.district).toBe("密云区");
  });

  it("reaches its precision and recall floor against labels (match: name and district)", async () => {
    const ctx = await context();
    const files = readdirSync(`${corpus}/reports`).filter((f) => /^\d{3}\./.test(f)).sort();
    const score = emptyScore();
    const misses: string[] = [];
    for (const f of files) {
      const doc = await analyzeFile(`${corpus}/reports/${f}`);
      const labels = (JSON.parse(readFileSync(`${corpus}/labels/${f.slice(0, 3)}.json`, "utf8")) as { places?: Array<{ name: string; district: string | null }> }).places ?? [];
      const rows = extractPlaces(doc, ctx).rows;
      const pairs = matchOneToOne(labels, rows, (l, r) => (r.name === l.name || `${r.street ?? ""}${r.name}` === l.name) && r.district === l.district, score);
      for (const l of labels) if (!pairs.some(([e]) => e === l)) misses.push(`${f} missed ${l.name} ${l.district}`);
      for (const r of rows) if (!pairs.some(([, p]) => p === r)) misses.push(`${f} extra ${r.name} ${r.district}`);
    }
    const { precision, recall, f1 } = rates(score);
    console.log(`places: P=${precision.toFixed(3)} R=${recall.toFixed(3)} F1=${f1.toFixed(3)}\n${misses.slice(0, 40).join("\n")}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.89);
  });

  it("gives every row a span whose text is its name (property over the corpus)", async () => {
    const ctx = await context();
    const files = readdirSync(`${corpus}/reports`).filter((f) => /^\d{3}\./.test(f)).sort();
    for (const f of files) {
      const doc = await analyzeFile(`${corpus}/reports/${f}`);
      for (const r of extractPlaces(doc, ctx).rows) {
        expect(r.doc_id).toBe(doc.id);
        expect(doc.text.slice(...r.span)).toBe(r.name);
      }
    }
  });

  it("warns at line:column about 034's other city's and garbled items instead of dropping them silently", async () => {
    const ctx = await context();
    const doc = await analyzeFile(`${corpus}/reports/034.txt`, "data/raw/reports/034.txt");
    expect(extractPlaces(doc, ctx).issues.map((i) => formatIssue(i).split("\n")[0])).toEqual([
      'data/raw/reports/034.txt:7:65: listed place is another city\'s: expected a Beijing place, found "高碑店市乡方家园林居住区"',
      'data/raw/reports/034.txt:7:223: listed place name looks garbled: expected a name the gazetteer has (perhaps "武圣东里"), found "武胜东里"',
      'data/raw/reports/034.txt:7:232: listed place name looks garbled: expected a name the gazetteer has (perhaps "双龙南里"), found "两龙南里"',
    ]);
  });

  it("gives every row of the corpus a padded -pl id that the schema accepts", async () => {
    const ctx = await context();
    const files = readdirSync(`${corpus}/reports`).filter((f) => /^\d{3}\./.test(f)).sort();
    let count = 0;
    for (const f of files) {
      const rows = extractPlaces(await analyzeFile(`${corpus}/reports/${f}`), ctx).rows;
      rows.forEach((r, i) => expect(r.id).toBe(placeId(r.doc_id, i + 1)));
      for (const r of rows) expect(placeSchema.safeParse(r).error).toBeUndefined();
      count += rows.length;
    }
    expect(count).toBeGreaterThan(100);
  });

  it("reads 018's designations as added regimes", async () => {
    const ctx = await context();
    const doc = await analyzeFile(`${corpus}/reports/018.txt`);
    const rows = extractRiskAreas(doc, ctx).rows.map((r) => [r.street, r.area, r.regime, r.change]);
    expect(rows).toContainEqual(["建外街道", "金茂公寓", "封控区", "added"]);
    expect(rows).toContainEqual(["朝外街道", "东草园小区", "管控区", "added"]);
  });
});
