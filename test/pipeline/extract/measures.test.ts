import { describe, expect, it } from "vitest";
import type { DirectiveRow } from "../../../src/pipeline/extract/directives.ts";
import { aggregateMeasures } from "../../../src/pipeline/extract/measures.ts";
import { measureSchema } from "../../../src/pipeline/validate/measureSchema.ts";
import { getSpeechContext } from "./speechFixtures.ts";

const ctx = await getSpeechContext();
const directive = (id: string, date: string | null, district: string | null, categories: string[]): DirectiveRow => ({
  id, doc_id: "t1", speaker: "会议", speaker_role: null, district, date, text: "要…", categories, span: [0, 2],
});

describe("aggregateMeasures(directives, ctx)", () => {
  it("counts per date, district (city first, then administrative order) and category (CSV order)", () => {
    const { rows, issues } = aggregateMeasures(
      [
        directive("t1-d002", "2022-04-13", "密云区", ["vaccination", "nucleic_acid_testing"]),
        directive("t1-d001", "2022-04-13", "密云区", ["vaccination"]),
        directive("t1-d003", "2022-04-13", null, ["tracing"]),
        directive("t1-d004", "2022-04-13", "东城区", ["tracing"]),
        directive("t1-d005", "2022-04-12", "密云区", ["tracing"]),
        directive("t1-d006", null, "密云区", ["tracing"]),
        directive("t1-d007", "2022-04-13", "密云区", []),
      ],
      ctx,
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.id, r.directives, r.directive_ids.join(" ")])).toEqual([
      ["2022-04-12-miyun-tracing", 1, "t1-d005"],
      ["2022-04-13-beijing-tracing", 1, "t1-d003"],
      ["2022-04-13-dongcheng-tracing", 1, "t1-d004"],
      ["2022-04-13-miyun-nucleic_acid_testing", 1, "t1-d002"],
      ["2022-04-13-miyun-vaccination", 2, "t1-d001 t1-d002"],
    ]);
    for (const r of rows) expect(measureSchema.safeParse(r).success).toBe(true);
  });

  it("gives the same rows whatever the input order", () => {
    const input = [directive("a-d001", "2022-01-01", null, ["tracing", "campus"]), directive("b-d001", "2022-01-01", "海淀区", ["campus"])];
    expect(aggregateMeasures([...input].reverse(), ctx).rows).toEqual(aggregateMeasures(input, ctx).rows);
  });
});
