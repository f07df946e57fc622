/**
 * Scoring of case extraction on the development set: the case labels of ../shared/corpus/labels and the bulletins of
 * ../shared/corpus/data/bulletins with their index.csv, scored with the one-to-one matcher of scripts/score.ts. Used
 * by `npm run eval` (scripts/eval.ts) and by the case extraction's corpus and property tests, so both score alike.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { documentIdFor } from "../src/pipeline/documentId.ts";
import type { CaseRow } from "../src/pipeline/extract/cases.ts";
import { addDays } from "../src/pipeline/parse/date.ts";
import type { ParsedDoc } from "../src/pipeline/records.ts";
import { analyzeReport, type Reference } from "../src/pipeline/run.ts";
import { matchOneToOne, type Score } from "./score.ts";

export const CORPUS = resolve(process.cwd(), "../shared/corpus");
export const hasCorpus = existsSync(resolve(CORPUS, "labels"));

/** One value a reader expects: a count by date, district and field (the matching rule), per document. */
export interface Expected {
  doc: string;
  date: string | null;
  district: string;
  field: "confirmed" | "asymptomatic" | "infections";
  value: number;
  /** which rows of the extraction it is compared with */
  measure: "new" | "cumulative";
  /** any: every scope but imported (the labels do not split); all: the text does not split (2020 totals) */
  scope: "local" | "imported" | "any" | "all";
}

export interface DevDoc {
  file: string;
  /** repo path to record */
  path: string;
  /** the publication date an editor would supply in a sidecar (bulletins carry none) */
  published: string | null;
  expected: Expected[];
  /** measures compared for this document */
  measures: Array<"new" | "cumulative">;
}

/** Every document of the development set with its expected counts. */
export function listDevDocs(corpus: string = CORPUS): DevDoc[] {
  const docs: DevDoc[] = [];
  for (const name of readdirSync(resolve(corpus, "labels")).sort()) {
    const label = JSON.parse(readFileSync(resolve(corpus, "labels", name), "utf8")) as {
      id: string; file: string; cases?: Array<Record<string, unknown>>;
    };
    const expected: Expected[] = [];
    for (const c of label.cases ?? []) {
      for (const field of ["confirmed", "asymptomatic", "infections"] as const) {
        const v = c[field];
        if (typeof v === "number") expected.push({ doc: label.id, date: (c.date as string | null) ?? null, district: String(c.district), field, value: v, measure: "new", scope: "any" });
      }
    }
    docs.push({ file: resolve(corpus, label.file), path: `data/raw/reports/${label.file.split("/").pop()}`, published: null, expected, measures: ["new"] });
  }
  const dir = resolve(corpus, "data/bulletins");
  const index = Papa.parse<Record<string, string>>(readFileSync(resolve(dir, "index.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
  const intraday = Papa.parse<Record<string, string>>(readFileSync(resolve(corpus, "data/cases-beijing-districts-intraday-2020.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
  const districts = Papa.parse<Record<string, string>>(readFileSync(resolve(corpus, "data/cases-beijing-districts.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
  const byFile = new Map<string, DevDoc>();
  for (const r of index) {
    const file = r.file ?? "";
    const id = file.replace(/\.txt$/, "");
    let doc = byFile.get(file);
    if (!doc) {
      const generated = r.text_origin === "generated";
      doc = {
        file: resolve(dir, file),
        path: `data/raw/reports/${file}`,
        published: generated ? addDays(file.slice(0, 10), 1) : (r.published_at ?? "").slice(0, 10) || null,
        expected: [],
        measures: generated ? ["new"] : ["cumulative"],
      };
      byFile.set(file, doc);
    }
    if (r.text_origin === "generated") {
      const base = { doc: id, date: r.reference_date ?? null, district: r.district || "北京市", measure: "new" as const, scope: (r.scope === "imported" ? "imported" : "local") as Expected["scope"] };
      const num = (s: string | undefined): number | null => (s === undefined || s === "" ? null : Number(s));
      const confirmed = num(r.confirmed);
      const asymptomatic = num(r.asymptomatic);
      const positive = num(r.positive);
      if (confirmed !== null) doc.expected.push({ ...base, field: "confirmed", value: confirmed });
      if (asymptomatic !== null) doc.expected.push({ ...base, field: "asymptomatic", value: asymptomatic });
      if (positive !== null && confirmed === null && asymptomatic === null) doc.expected.push({ ...base, field: "infections", value: positive });
    } else if (r.bulletin_total) {
      const date = r.reference_date ?? null;
      doc.expected.push({ doc: id, date, district: "北京市", field: "confirmed", value: Number(r.bulletin_total), measure: "cumulative", scope: "all" });
      const match = /intraday@([0-9T:-]+)/.exec(r.structured_match ?? "");
      // districts@D: CH's district values of D equal the bulletin of D − 1 (data/README.md); CH lists districts
      // without cases as 0 where the text names none, so only the districts with cases are expected.
      const shifted = /districts@([0-9-]+)/.exec(r.structured_match ?? "");
      if (match) {
        for (const row of intraday) {
          if (row.as_of === match[1]) doc.expected.push({ doc: id, date, district: row.district ?? "", field: "confirmed", value: Number(row.cumulative_confirmed), measure: "cumulative", scope: "all" });
        }
      } else if (shifted && r.district_counts === "cumulative") {
        for (const row of districts) {
          if (row.date === shifted[1] && Number(row.cumulative_confirmed) > 0) doc.expected.push({ doc: id, date, district: row.district ?? "", field: "confirmed", value: Number(row.cumulative_confirmed), measure: "cumulative", scope: "all" });
        }
      }
    }
  }
  // 2022-05-07.txt has no counts in the index (its window is 15:00 to 15:00): nothing to score it on.
  for (const doc of byFile.values()) if (doc.expected.length > 0) docs.push(doc);
  return docs;
}

/** One value extracted, keyed the way `Expected` is. */
export interface Predicted {
  date: string | null;
  district: string;
  field: "confirmed" | "asymptomatic" | "infections";
  value: number;
  scope: Expected["scope"] | "local" | "imported" | "all";
  /** the row it comes from */
  row: CaseRow;
}

/**
 * Every value of the extracted rows, with the scope it is compared under: against report labels (which do not split
 * local from unsplit counts) a local or unsplit row is `any`; against bulletins' local/imported values an unsplit row
 * is `local`; against the 2020 totals (all cases) each row keeps its scope.
 */
export function predictedValues(rows: readonly CaseRow[], doc: DevDoc): Predicted[] {
  const scored = new Set(doc.expected.map((e) => e.scope));
  const out: Predicted[] = [];
  for (const row of rows) {
    const scope = scored.has("any") ? (row.scope === "imported" ? "imported" : "any") : scored.has("all") ? row.scope : row.scope === "all" ? "local" : row.scope;
    for (const field of ["confirmed", "asymptomatic", "infections"] as const) {
      const value = row[field];
      if (value !== null) out.push({ date: row.date, district: row.district ?? row.district_raw ?? "", field, value, scope, row });
    }
  }
  return out;
}

/**
 * Whether the labels of `doc` score a value: its measure and its scope are among those the labels give. Report
 * labels list new local counts only (LABELS.md: `新增本土确诊病例12例`), so an imported count there is no mistake
 * but nothing a label can confirm; the 2020 bulletins are scored on cumulative totals of all cases only.
 */
export function isScored(p: Predicted, doc: DevDoc): boolean {
  return doc.measures.includes(p.row.measure) && doc.expected.some((e) => e.scope === p.scope);
}

/** The case matching rule: same date (an undated label matches an undated value only), district, field, value and scope. */
export function isCaseMatch(e: Expected, p: Predicted): boolean {
  return e.date === p.date && e.district === p.district && e.field === p.field && e.value === p.value && e.scope === p.scope;
}

/** How a value prints in a list of misses: `2022-09-13 朝阳区 confirmed=14 (any)`. */
export function describeValue(v: Expected | Predicted): string {
  return `${v.date ?? "undated"} ${v.district} ${v.field}=${v.value} (${v.scope})`;
}

/**
 * Score the extracted case rows of one document against its expected values, one to one (scripts/score.ts): every
 * scored value (isScored) counts in precision. Adds to `score` and returns the expected values not found, the scored
 * values that matched none, and the values no label can score (listed by the caller, never silently dropped).
 */
export function scoreCases(rows: readonly CaseRow[], doc: DevDoc, score: Score): { misses: Expected[]; extras: Predicted[]; unscored: Predicted[] } {
  const all = predictedValues(rows, doc);
  const predicted = all.filter((p) => isScored(p, doc));
  const pairs = matchOneToOne(doc.expected, predicted, isCaseMatch, score);
  const foundE = new Set(pairs.map(([e]) => e));
  const usedP = new Set(pairs.map(([, p]) => p));
  return {
    misses: doc.expected.filter((e) => !foundE.has(e)),
    extras: predicted.filter((p) => !usedP.has(p)),
    unscored: all.filter((p) => !isScored(p, doc)),
  };
}

/**
 * The ParsedDoc of a development document as the pipeline would see it: a bulletin gets the publication date an
 * editor would supply in a sidecar (`published_date: …`). Throws when the file does not decode: the corpus is broken.
 */
export function analyzeDevDoc(dev: DevDoc, reference: Reference): ParsedDoc {
  const bytes = new Uint8Array(readFileSync(dev.file));
  const sidecar = dev.published === null ? undefined : { path: dev.path.replace(/\.[^.]+$/, ".meta.yaml"), text: `published_date: ${dev.published}\n` };
  const result = analyzeReport({ path: dev.path, bytes, sidecar }, documentIdFor(dev.path), reference, { today: "2026-11-26" });
  if (result.doc === null) throw new Error(`${dev.file} does not decode or clean`);
  return result.doc;
}
