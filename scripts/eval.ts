/**
 * `npm run eval`: extraction quality on the development set. Runs the pipeline on
 * ../shared/corpus/reports and ../shared/corpus/data/bulletins and prints precision, recall and F1 per
 * dataset and per field against ../shared/corpus/labels and the bulletins' index.csv. The last line
 * is a JSON summary.
 *
 *   npm run eval [-- --corpus DIR]
 *
 * Matching rules (within the same document). People, places, risk areas and case counts are paired one to one
 * (scripts/score.ts: a maximum matching, so a duplicated row is one right and one wrong); every extracted item counts
 * once in precision, every expected one once in recall.
 * - document genre: the report's `genre` against the label's, one value per labelled report (precision over decided
 *   genres, recall over labelled reports);
 * - directive (the issue's rule): a label is found when some directive sentence contains the label's `key` and the
 *   speaker agrees (equal names); a row is right when it matches some label, and counts once — one sentence may carry
 *   several labelled keys (`一是…;二是…`), and no two directive rows share a span; field `categories`: the category
 *   keys of matched pairs, counted one by one;
 * - person: one item per name in the document, by name; field `role`: a role of the row contains the label's role,
 *   or the reverse;
 * - place: by name and district, the name compared as written or with its street before it
 *   (`海淀街道友谊社区` = street 海淀街道 + name 友谊社区); fields `kind`, `street`, `status`;
 * - risk area (text announcements): by area name (after light normalisation), district and level or
 *   regime; field `change`;
 * - case count: by date, district and value, and two key fields beyond the issue's words: `field` (confirmed,
 *   asymptomatic or infections: 5 confirmed is not 5 asymptomatic) and `scope` (a bulletin's local and imported
 *   counts of one day are different counts). An undated label matches an undated value only. Every extracted value of a scored measure and scope
 *   counts in precision, duplicates included: report labels score new local (or unsplit) counts, the generated
 *   bulletins new local and imported ones, the 2020 bulletins cumulative totals of all cases. Values outside those
 *   (imported counts in reports, new counts in the 2020 bulletins) are listed after the misses, not scored; see
 *   scripts/evalCases.ts for how the bulletins' expected values are read.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadReference } from "../src/build/reference.ts";
import { documentIdFor } from "../src/pipeline/documentId.ts";
import { extractDocument, type DocumentExtraction } from "../src/pipeline/extract/datasets.ts";
import { normalizeAreaName } from "../src/pipeline/extract/riskAreaMerge.ts";
import type { ParsedDoc } from "../src/pipeline/records.ts";
import { analyzeReport } from "../src/pipeline/run.ts";
import { analyzeDevDoc, describeValue, listDevDocs, scoreCases } from "./evalCases.ts";
import { emptyScore, matchAny, matchOneToOne, rates, scoreField, type Score } from "./score.ts";

interface Label {
  /** meeting, inspection, case_bulletin, risk_area or notice */
  genre?: string;
  directives?: Array<{ speaker: string; key: string; categories: string[] }>;
  people?: Array<{ name: string; role: string }>;
  places?: Array<{ name: string; kind: string; district: string | null; street: string | null; status: string | null }>;
  risk_areas?: Array<{ district: string | null; street: string | null; area: string; level: string; change: string | null }>;
}

const REGIMES = ["封控区", "管控区", "防范区"];

async function main(): Promise<number> {
  const args = parseArgs({ options: { corpus: { type: "string", default: "../shared/corpus" } } }).values;
  const corpus = resolve(process.cwd(), args.corpus);
  if (!existsSync(resolve(corpus, "labels"))) {
    process.stderr.write(`eval: ${corpus}/labels is absent: expected the team's shared corpus there (or pass --corpus DIR)\n`);
    return 2;
  }

  // Load inputs.
  const reference = await loadReference(process.cwd(), resolve(process.cwd(), "data/reference"));
  if (reference.value === null) {
    process.stderr.write(`eval: reference data is invalid: ${reference.issues.map((i) => i.message).join("; ")}\n`);
    return 2;
  }
  const ctx = reference.value;
  const analyze = (file: string, path: string, sidecar?: string): ParsedDoc => {
    const bytes = new Uint8Array(readFileSync(file));
    const sidecarFile = sidecar === undefined ? undefined : { path: path.replace(/\.[^.]+$/, ".meta.yaml"), text: sidecar };
    const result = analyzeReport({ path, bytes, sidecar: sidecarFile }, documentIdFor(path), ctx, { today: "2026-11-26" });
    if (result.doc === null) throw new Error(`${file} does not decode or clean`);
    return result.doc;
  };

  // Process.
  const scores = new Map<string, Score>();
  const score = (name: string): Score => {
    let s = scores.get(name);
    if (!s) scores.set(name, (s = emptyScore()));
    return s;
  };
  const misses: string[] = [];
  /** extracted case values of a measure or scope no label of their document gives (imported counts in reports) */
  const unscoredCases: string[] = [];
  const reports = readdirSync(resolve(corpus, "reports")).filter((f) => /^\d{3}\.(txt|html|md)$/.test(f)).sort();
  for (const file of reports) {
    const id = file.slice(0, 3);
    const label = JSON.parse(readFileSync(resolve(corpus, "labels", `${id}.json`), "utf8")) as Label;
    const doc = analyze(resolve(corpus, "reports", file), `data/raw/reports/${file}`);
    const got: DocumentExtraction = extractDocument(doc, ctx);

    // Genre: one value per labelled report; an undecided (null) genre counts as a miss, not as a prediction.
    if (label.genre !== undefined) {
      scoreField(score("documents.genre"), doc.genre === null ? [] : [doc.genre], [label.genre]);
      if (doc.genre !== label.genre) misses.push(`documents.genre ${id} expected ${label.genre}, found ${doc.genre ?? "null"}`);
    }

    const directives = matchAny(label.directives ?? [], got.directives, (e, p) => p.text.includes(e.key) && p.speaker === e.speaker, score("directives"));
    for (const [e, p] of directives) scoreField(score("directives.categories"), p.categories, e.categories);
    for (const e of label.directives ?? []) if (!directives.some(([m]) => m === e)) misses.push(`directives ${id} missed ${e.speaker}: ${e.key}`);

    // People: one extracted item per name in the document, with every role seen there.
    const people = new Map<string, string[]>();
    for (const m of got.personMentions) people.set(m.name, [...(people.get(m.name) ?? []), m.role]);
    const personRows = [...people.entries()];
    const matchedPeople = matchOneToOne(label.people ?? [], personRows, (e, [name]) => name === e.name, score("people"));
    for (const [e, [, roles]] of matchedPeople) {
      const agrees = roles.some((r) => r.includes(e.role) || e.role.includes(r));
      scoreField(score("people.role"), agrees ? [e.role] : [roles[0]!], [e.role]);
    }
    for (const e of label.people ?? []) if (!matchedPeople.some(([m]) => m === e)) misses.push(`people ${id} missed ${e.name} (${e.role})`);

    const places = matchOneToOne(
      label.places ?? [],
      got.places,
      (e, p) => (p.name === e.name || `${p.street ?? ""}${p.name}` === e.name) && p.district === e.district,
      score("places"),
    );
    for (const [e, p] of places) {
      scoreField(score("places.kind"), [p.kind], [e.kind]);
      scoreField(score("places.street"), p.street === null ? [] : [p.street], e.street === null ? [] : [e.street]);
      scoreField(score("places.status"), p.status === null ? [] : [p.status], e.status === null ? [] : [e.status]);
    }
    for (const e of label.places ?? []) if (!places.some(([m]) => m === e)) misses.push(`places ${id} missed ${e.name} (${e.district})`);

    const areas = matchOneToOne(
      label.risk_areas ?? [],
      got.riskAreaMentions,
      (e, p) =>
        normalizeAreaName(p.area, ctx.placeWords) === normalizeAreaName(e.area, ctx.placeWords) &&
        p.district === e.district &&
        (REGIMES.includes(e.level) ? p.regime === e.level : p.level === e.level),
      score("risk_areas"),
    );
    for (const [e, p] of areas) scoreField(score("risk_areas.change"), p.change === null ? [] : [p.change], e.change === null ? [] : [e.change]);
    for (const e of label.risk_areas ?? []) if (!areas.some(([m]) => m === e)) misses.push(`risk_areas ${id} missed ${e.area} (${e.district}, ${e.level})`);
  }

  // Case counts: report labels and bulletins, with the expected values of scripts/evalCases.ts.
  for (const dev of listDevDocs(corpus)) {
    const doc = analyzeDevDoc(dev, ctx);
    const { misses: missed, unscored } = scoreCases(extractDocument(doc, ctx).cases, dev, score("cases"));
    for (const e of missed) misses.push(`cases ${dev.path.split("/").pop()} missed ${describeValue(e)}`);
    for (const p of unscored) unscoredCases.push(`${dev.path.split("/").pop()} ${p.row.measure} ${describeValue(p)}`);
  }

  // Save outputs.
  const names = [...scores.keys()];
  const lines = ["dataset / field            precision  recall     F1   matched/predicted  found/expected"];
  const summary: Record<string, { precision: number; recall: number; f1: number }> = {};
  for (const name of names) {
    const s = scores.get(name)!;
    const r = rates(s);
    summary[name] = { precision: round(r.precision), recall: round(r.recall), f1: round(r.f1) };
    lines.push(
      `${name.padEnd(26)} ${r.precision.toFixed(3).padStart(9)} ${r.recall.toFixed(3).padStart(7)} ${r.f1.toFixed(3).padStart(6)} ${`${s.truePositives}/${s.predicted}`.padStart(18)} ${`${s.found}/${s.expected}`.padStart(15)}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n\nmisses (${misses.length}):\n${misses.map((m) => `  ${m}`).join("\n")}\n\n`);
  process.stdout.write(`case values no label scores (${unscoredCases.length}; measure or scope outside the labels):\n${unscoredCases.map((m) => `  ${m}`).join("\n")}\n\n`);
  process.stdout.write(`${JSON.stringify({ reports: reports.length, ...summary })}\n`);
  return 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
