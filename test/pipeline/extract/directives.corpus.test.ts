/**
 * Directives and people on the shared corpus (../shared/corpus): precision and recall against labels/NNN.json with
 * the issue's matching rule, the seeds' Done-when facts, and spans that hold their values for every row.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDirectives, type DirectiveRow } from "../../../src/pipeline/extract/directives.ts";
import { extractPeople, mergePeople, type PersonMention } from "../../../src/pipeline/extract/people.ts";
import { aggregateMeasures } from "../../../src/pipeline/extract/measures.ts";
import type { ParsedDoc } from "../../../src/pipeline/records.ts";
import { directiveSchema } from "../../../src/pipeline/validate/directiveSchema.ts";
import { personMentionSchema, personSchema } from "../../../src/pipeline/validate/personSchema.ts";
import { measureSchema } from "../../../src/pipeline/validate/measureSchema.ts";
import { analyzeFile } from "../../support/pipeline.ts";
import { directivesOf, getSpeechContext } from "./speechFixtures.ts";

const corpus = resolve(process.cwd(), "../shared/corpus");
const present = existsSync(resolve(corpus, "labels"));
if (!present) console.log(`directives corpus tests skipped: ${corpus} is absent`);

interface Label {
  directives: Array<{ speaker: string; key: string; categories: string[] }>;
  people: Array<{ name: string; role: string }>;
}

interface Case {
  file: string;
  doc: ParsedDoc;
  label: Label;
  directives: DirectiveRow[];
  people: PersonMention[];
}

let cases: Promise<Case[]> | undefined;
/** Every corpus report with its label and extracted rows, built once (listing happens in the tests, not while collecting). */
function getCases(): Promise<Case[]> {
  cases ??= (async () => {
    const ctx = await getSpeechContext();
    const files = readdirSync(resolve(corpus, "reports")).filter((f) => /^\d{3}\.(txt|html|md)$/.test(f)).sort();
    const out: Case[] = [];
    for (const file of files) {
      const doc = await analyzeFile(resolve(corpus, "reports", file));
      const label = JSON.parse(readFileSync(resolve(corpus, "labels", `${file.slice(0, 3)}.json`), "utf8")) as Label;
      out.push({ file, doc, label, directives: directivesOf(doc, ctx).rows, people: extractPeople(doc, ctx).rows });
    }
    return out;
  })();
  return cases;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

describe.skipIf(!present)("directives on the corpus", () => {
  it("reach precision and recall ≥ 0.9 (match: the sentence contains the label's key and the speaker agrees)", async () => {
    let tp = 0, fp = 0, found = 0, total = 0;
    let catTp = 0, catFp = 0, catFn = 0;
    const misses: string[] = [];
    for (const c of await getCases()) {
      // One row per span: a sentence is never counted twice.
      expect(new Set(c.directives.map((r) => `${r.span[0]}:${r.span[1]}`)).size).toBe(c.directives.length);
      for (const r of c.directives) {
        if (c.label.directives.some((d) => r.text.includes(d.key) && d.speaker === r.speaker)) tp++;
        else {
          fp++;
          misses.push(`${c.file} extra   ${r.speaker}: ${r.text.slice(0, 40)}`);
        }
      }
      for (const d of c.label.directives) {
        total++;
        const r = c.directives.find((r) => r.text.includes(d.key) && d.speaker === r.speaker);
        if (r === undefined) {
          misses.push(`${c.file} missed  ${d.speaker}: ${d.key}`);
          continue;
        }
        found++;
        catTp += r.categories.filter((k) => d.categories.includes(k)).length;
        catFp += r.categories.filter((k) => !d.categories.includes(k)).length;
        catFn += d.categories.filter((k) => !r.categories.includes(k)).length;
      }
    }
    const p = tp / (tp + fp), r = found / total;
    const cp = catTp / (catTp + catFp), cr = catTp / (catTp + catFn);
    console.log(
      `directives: precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${f1(p, r).toFixed(3)} (${tp}/${tp + fp} rows, ${found}/${total} labels)\n` +
        `categories of matched directives: precision ${cp.toFixed(3)} recall ${cr.toFixed(3)} F1 ${f1(cp, cr).toFixed(3)}\n` +
        misses.join("\n"),
    );
    expect(p).toBeGreaterThanOrEqual(0.9);
    expect(r).toBeGreaterThanOrEqual(0.9);
    expect(cp).toBeGreaterThanOrEqual(0.75);
    expect(cr).toBeGreaterThanOrEqual(0.9);
  });
});

describe.skipIf(!present)("people on the corpus", () => {
  it("reach precision and recall ≥ 0.9 by name, and role agreement ≥ 0.9", async () => {
    let tp = 0, fp = 0, fn = 0, roles = 0;
    const misses: string[] = [];
    for (const c of await getCases()) {
      const names = new Map<string, string[]>();
      for (const m of c.people) names.set(m.name, [...(names.get(m.name) ?? []), m.role]);
      const want = new Map(c.label.people.map((p) => [p.name, p.role]));
      for (const [name, seen] of names) {
        if (!want.has(name)) {
          fp++;
          misses.push(`${c.file} extra   ${name} (${seen.join(" / ")})`);
          continue;
        }
        tp++;
        if (seen.includes(want.get(name)!)) roles++;
        else misses.push(`${c.file} role    ${name}: ${seen.join(" / ")} instead of ${want.get(name)}`);
      }
      for (const [name, role] of want) if (!names.has(name)) {
        fn++;
        misses.push(`${c.file} missed  ${name} (${role})`);
      }
    }
    const p = tp / (tp + fp), r = tp / (tp + fn);
    console.log(`people: precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${f1(p, r).toFixed(3)}, role agreement ${(roles / tp).toFixed(3)}\n${misses.join("\n")}`);
    expect(p).toBeGreaterThanOrEqual(0.9);
    expect(r).toBeGreaterThanOrEqual(0.9);
    expect(roles / tp).toBeGreaterThanOrEqual(0.9);
  });
});

describe.skipIf(!present)("every row of every corpus document", () => {
  it("has a span whose text is the value's source, and matches its schema", async () => {
    const ctx = await getSpeechContext();
    const all: DirectiveRow[] = [];
    const mentions: PersonMention[] = [];
    for (const c of await getCases()) {
      for (const r of c.directives) {
        expect(c.doc.text.slice(r.span[0], r.span[1])).toBe(r.text);
        expect(r.doc_id).toBe(c.doc.id);
        expect(directiveSchema.safeParse(r).error).toBeUndefined();
      }
      for (const m of c.people) {
        expect(c.doc.text.slice(m.span[0], m.span[1])).toBe(m.name);
        // The role is written right before the name, or in the same paragraph within a list's reach: before the
        // first member (`区领导马新明、席成坡`) or after 等 (`张立新、缪剑虹、宋玫等区领导`).
        const [ps, pe] = c.doc.paragraphs.find(([s, e]) => s <= m.span[0] && m.span[1] <= e)!;
        const before = c.doc.text.lastIndexOf(m.role, m.span[0] - m.role.length);
        const after = c.doc.text.indexOf(m.role, m.span[1]);
        const near = (before >= ps && m.span[0] - before <= 60) || (after !== -1 && after + m.role.length <= pe && after - m.span[1] <= 30);
        expect(near, `${m.id}: ${m.role} near ${m.name}`).toBe(true);
        expect(personMentionSchema.safeParse(m).error).toBeUndefined();
      }
      all.push(...c.directives);
      mentions.push(...c.people);
    }
    for (const p of mergePeople(mentions).rows) expect(personSchema.safeParse(p).error).toBeUndefined();
    for (const m of aggregateMeasures(all, ctx).rows) expect(measureSchema.safeParse(m).error).toBeUndefined();
  });

  it("gives the same rows on a second run", async () => {
    const ctx = await getSpeechContext();
    for (const c of await getCases()) {
      expect(directivesOf(c.doc, ctx).rows).toEqual(c.directives);
      expect(extractPeople(c.doc, ctx).rows).toEqual(c.people);
    }
  });
});

describe("the seeds (data/raw/reports)", () => {
  const seed = (name: string) => resolve(process.cwd(), "data/raw/reports", name);

  it("004: 余卫国's directives cover the measures the issue names", async () => {
    const ctx = await getSpeechContext();
    const doc = await analyzeFile(seed("004_d2a4c35ad713cded.txt"));
    const rows = directivesOf(doc, ctx).rows;
    expect(new Set(rows.map((r) => r.speaker))).toEqual(new Set(["余卫国"]));
    expect(rows[0]!.speaker_role).toBe("密云区委书记");
    expect(rows[0]!.district).toBe("密云区");
    const categories = new Set(rows.flatMap((r) => r.categories));
    for (const k of ["nucleic_acid_testing", "city_checkpoints", "vaccination", "cold_chain", "quarantine", "publicity"]) expect(categories).toContain(k);
    // `余卫国来到古北口御道,检查…` is narration: the directive starts at 要求.
    expect(rows.some((r) => r.text.includes("来到"))).toBe(false);
    expect(rows.at(-1)!.text.startsWith("要求属地党委")).toBe(true);
  });

  it("000: 蔡奇's directives cover the measures the issue names, and the people have their roles", async () => {
    const ctx = await getSpeechContext();
    const doc = await analyzeFile(seed("000_76bc26fd7b02b4ab.txt"));
    const rows = directivesOf(doc, ctx).rows;
    expect(new Set(rows.map((r) => r.speaker))).toEqual(new Set(["蔡奇"]));
    const categories = new Set(rows.flatMap((r) => r.categories));
    for (const k of ["campus", "work_from_home", "public_transport", "entry_checks", "nucleic_acid_testing"]) expect(categories).toContain(k);
    expect(extractPeople(doc, ctx).rows.map((p) => [p.name, p.role])).toEqual([
      ["蔡奇", "市委书记、防控工作领导小组组长"],
      ["魏小东", "市政协主席"],
      ["张延昆", "市委副书记、市人大常委会副主任、防控工作领导小组副组长"],
      ["夏林茂", "市领导"],
      ["卢彦", "市领导"],
    ]);
  });
});
