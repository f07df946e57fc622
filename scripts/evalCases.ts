/**
 * Scoring of case extraction on the development set: the case labels of ../shared/corpus/labels and the bulletins of
 * ../shared/corpus/data/bulletins with their index.csv. Used by `npm run eval` (scripts/eval.ts) and by the case
 * extraction's corpus and property tests.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import type { ParsedDoc } from "../src/pipeline/records.ts";
import type { CaseRow } from "../src/pipeline/extract/cases.ts";

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

const addDay = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

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
        published: generated ? addDay(file.slice(0, 10)) : (r.published_at ?? "").slice(0, 10) || null,
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

export const keyOf = (e: { date: string | null; district: string; field: string; value: number; scope: string }): string =>
  JSON.stringify([e.date, e.district, e.field, e.value, e.scope]);

/** The values of extracted rows, keyed the way `expected` is, for the measures scored. */
export function predictedKeys(rows: CaseRow[], doc: DevDoc): Set<string> {
  const scored = new Set(doc.expected.map((e) => e.scope));
  const out = new Set<string>();
  for (const row of rows) {
    if (!doc.measures.includes(row.measure)) continue;
    // The 2020 totals are of all cases: local and imported sub-totals are not scored against them.
    const scope = scored.has("any") ? (row.scope === "imported" ? null : "any") : scored.has("all") ? (row.scope === "all" ? "all" : null) : row.scope === "all" ? "local" : row.scope;
    if (scope === null) continue;
    for (const field of ["confirmed", "asymptomatic", "infections"] as const) {
      const v = row[field];
      if (v !== null) out.add(keyOf({ date: row.date, district: row.district ?? row.district_raw ?? "", field, value: v, scope }));
    }
  }
  return out;
}

/** The doc as the pipeline would see it with a sidecar giving the publication date. */
export function withPublished(doc: ParsedDoc, published: string | null): ParsedDoc {
  return published !== null && doc.published_date === null ? { ...doc, published_date: published } : doc;
}
