/**
 * The parse stage against every labelled report of ../shared/corpus, through the real decode and
 * clean stages: compares the document fields with labels/NNN.json and prints the mismatches.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadReference } from "../../../src/build/reference.ts";
import { cleanText } from "../../../src/pipeline/clean/clean.ts";
import { decodeSource } from "../../../src/pipeline/decode/source.ts";
import { extractReport } from "../../../src/pipeline/parse/report.ts";
import { normalizeFrontMatter } from "../../../src/pipeline/parse/supplied.ts";
import type { ParsedDoc } from "../../../src/pipeline/records.ts";

const corpus = path.resolve(process.cwd(), "../shared/corpus");
const present = existsSync(path.join(corpus, "labels"));
if (!present) console.log(`skipping the parse corpus test: ${corpus} is absent`);

const FIELDS = ["title", "pre_title", "subtitle", "source", "published_date", "event_date", "reporters", "editor"] as const;
// Of 35 reports × 8 fields = 280; the misses are listed in the report of the parse task.
const FLOOR = 275;

let referenceLoaded: ReturnType<typeof loadReference> | undefined;

async function parseFile(dir: string, file: string): Promise<ParsedDoc> {
  referenceLoaded ??= loadReference(process.cwd(), path.resolve(process.cwd(), "data/reference"));
  const reference = await referenceLoaded;
  if (reference.value === null) throw new Error(`reference data does not load: ${JSON.stringify(reference.issues[0])}`);
  const decoded = decodeSource({ path: `data/raw/reports/${file}`, bytes: new Uint8Array(readFileSync(path.join(dir, file))) });
  if (decoded.value === null) throw new Error(`${file} does not decode`);
  const clean = cleanText(decoded.value, { chrome: reference.value.chrome });
  if (clean.value === null) throw new Error(`${file} does not clean`);
  const supplied = normalizeFrontMatter(decoded.value.frontMatter, file, { districts: [], firstDate: "2019-12-01", today: "2026-11-26" }).fields;
  return extractReport(
    { decoded: decoded.value, clean: clean.value, id: file.slice(0, 3), sha256: "", supplied },
    { gazetteer: reference.value.gazetteer, outlets: reference.value.outlets, genres: reference.value.genres, today: "2026-01-01" },
  ).doc;
}

describe.skipIf(!present)("parse stage on the corpus", () => {
  it(`matches the labels' document fields (at least ${FLOOR} of 280)`, async () => {
    const dir = path.join(corpus, "reports");
    const misses: string[] = [];
    let matched = 0;
    let total = 0;
    for (const file of readdirSync(dir).filter((f) => /^\d{3}\.(txt|html|md)$/.test(f)).sort()) {
      const label = (JSON.parse(readFileSync(path.join(corpus, "labels", `${file.slice(0, 3)}.json`), "utf8")) as { document: Record<string, unknown> }).document;
      const doc = await parseFile(dir, file);
      for (const field of FIELDS) {
        total++;
        const got = JSON.stringify(doc[field]);
        const want = JSON.stringify(label[field]);
        if (got === want) matched++;
        else misses.push(`${file.slice(0, 3)}  ${field.padEnd(14)}  got ${got}  want ${want}`);
      }
    }
    if (misses.length > 0) console.log(`parse corpus: ${matched}/${total} fields match; mismatches:\n${misses.join("\n")}`);
    expect(total).toBe(280);
    expect(matched).toBeGreaterThanOrEqual(FLOOR);
  });

  it("reads the headline block of seed 000 (Traditional, with pinyin and a web headline)", async () => {
    const dir = path.join(corpus, "seeds");
    const file = readdirSync(dir).find((f) => f.startsWith("000_"))!;
    const doc = await parseFile(dir, file);
    expect([doc.title, doc.pre_title, doc.subtitle, doc.reporters]).toEqual([
      "全面严防死守 以最快速度管控风险点阻断病毒传播",
      "蔡奇到海淀区检查疫情处置工作时强调",
      "魏小东张延昆一同检查",
      ["祁梦竹", "范俊生"],
    ]);
  });

  it("reads seed 004 (page chrome, source, time, editor)", async () => {
    const dir = path.join(corpus, "seeds");
    const file = readdirSync(dir).find((f) => f.startsWith("004_"))!;
    const doc = await parseFile(dir, file);
    expect([doc.title, doc.source, doc.published_date, doc.editor]).toEqual([
      "密云区:紧盯形势 狠抓落实 提升能力 更快更严更紧更实打好疫情防控组合拳",
      "密云区文明办",
      "2022-04-13",
      "王健恩",
    ]);
  });
});
