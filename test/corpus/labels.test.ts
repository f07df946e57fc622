/**
 * Every report of the team's corpus is either published with a title, a date and its districts, or
 * rejected with an issue that says why; the published values agree with what a careful reader found
 * (../shared/corpus/labels/). The reports are the copies shipped in data/raw/reports/, with their
 * sidecars; a field an editor supplied is not compared (the labels say what the text gives).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/build/inputs.ts";
import { runPipeline, type RunResult } from "../../src/pipeline/run.ts";
import { getReference } from "../support/pipeline.ts";

const labelsDir = resolve(process.cwd(), "../shared/corpus/labels");
const present = existsSync(labelsDir);
if (!present) console.warn(`skipping the corpus label comparison: ${labelsDir} is absent (the team's shared corpus)`);

interface LabelDocument {
  title: string | null;
  published_date: string | null;
  event_date: string | null;
  districts: string[];
  beijing: boolean;
}

function labelOf(id: string): LabelDocument {
  return (JSON.parse(readFileSync(resolve(labelsDir, `${id}.json`), "utf8")) as { document: LabelDocument }).document;
}

/** How each corpus report fared: the table of the issue note. */
interface Outcome {
  id: string;
  status: "published" | "rejected";
  why: string;
  mismatches: string[];
}

async function outcomes(): Promise<Outcome[]> {
  const root = process.cwd();
  const input = await readInputs(root, resolve(root, "data/raw/reports"));
  const corpus = { ...input, reports: input.reports.filter((r) => /\/\d{3}\.(txt|html|md)$/.test(r.path)) };
  const result: RunResult = runPipeline({ ...corpus, caseCsv: [], riskAreaCsv: [] }, await getReference(), { today: "2026-11-26" });
  const published = new Map(result.documents.map((d) => [d.row.id, d.row]));
  return corpus.reports.map((file) => {
    const id = file.path.replace(/^.*\/(\d{3})\.\w+$/, "$1");
    const label = labelOf(id);
    const row = published.get(id);
    if (!row) {
      const entry = result.report.files.find((f) => f.path === file.path)!;
      const codes = [...new Set(entry.issues.filter((i) => i.severity === "error").map((i) => i.code))];
      return { id, status: "rejected", why: codes.join(", "), mismatches: [] };
    }
    const mismatches: string[] = [];
    const compare = (field: keyof LabelDocument & keyof typeof row, expected: unknown) => {
      if (row.supplied.includes(field as (typeof row.supplied)[number])) return;
      const found = row[field];
      if (JSON.stringify(found) !== JSON.stringify(expected)) mismatches.push(`${field}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`);
    };
    compare("title", label.title);
    compare("published_date", label.published_date);
    if (row.supplied.includes("published_date") && label.event_date === null && row.event_date !== null) {
      // The text dates its events relative to a publication date it lacks (昨天, 7月8日): resolved against
      // the supplied one, the event date must not come after it.
      if (row.event_date > row.published_date!) mismatches.push(`event_date ${row.event_date} is after the supplied published_date`);
    } else compare("event_date", label.event_date);
    // Labels list districts in the order of mention in a few reports; we emit administrative-code order.
    const order = (await_: string[]) => [...await_].sort((a, b) => DISTRICT_ORDER.indexOf(a) - DISTRICT_ORDER.indexOf(b));
    compare("districts", order(label.beijing ? label.districts : []));
    const supplied = row.supplied.length > 0 ? ` (supplied: ${row.supplied.join(", ")})` : "";
    return { id, status: "published", why: `${row.published_date ?? row.event_date}${supplied}`, mismatches };
  });
}

const DISTRICT_ORDER = ["东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区", "门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区"];

describe.skipIf(!present)("the corpus against its labels", () => {
  const results = present ? outcomes() : Promise.resolve([]);

  it("publishes or rejects every report, and says why", async () => {
    const table = await results;
    console.log(["id | status | date or reasons | mismatches", ...table.map((o) => `${o.id} | ${o.status} | ${o.why} | ${o.mismatches.join("; ") || "—"}`)].join("\n"));
    expect(table).toHaveLength(35);
    for (const o of table) if (o.status === "rejected") expect(o.why, o.id).toMatch(/title-missing|date-missing|date-invalid|file-/);
    // What this build publishes: review the table above when this changes.
    expect(table.filter((o) => o.status === "published").map((o) => o.id)).toEqual([
      "002", "003", "004", "008", "009", "010", "012", "013", "014", "015", "017", "018", "020", "022", "024", "026", "029", "030", "031", "032", "033", "034",
    ]);
  });

  it("agrees with the labels on every published title, date and district list", async () => {
    const mismatched = (await results).filter((o) => o.mismatches.length > 0).map((o) => `${o.id}: ${o.mismatches.join("; ")}`);
    // 030: the label lists 延庆区, which the text never names (a label slip, kept as a known miss).
    expect(mismatched).toEqual(['030: districts: expected ["东城区","西城区","朝阳区","丰台区","石景山区","海淀区","门头沟区","房山区","通州区","顺义区","昌平区","大兴区","怀柔区","平谷区","密云区","延庆区"], found ["东城区","西城区","朝阳区","丰台区","石景山区","海淀区","门头沟区","房山区","通州区","顺义区","昌平区","大兴区","怀柔区","平谷区","密云区"]']);
  });
});
