import { describe, expect, it } from "vitest";
import { groupMeasuresByCategory } from "../../src/lib/measureGroups.ts";
import type { MeasureRecord } from "../../src/pipeline/validate/measureSchema.ts";

const m = (date: string, district: string | null, category: string): MeasureRecord => ({
  id: `${date}-x-${category}`, date, district, category, directives: 1, directive_ids: ["026-d001"],
});

describe("groupMeasuresByCategory(rows, categories)", () => {
  it("groups rows under each category, newest first, the city first", () => {
    const groups = groupMeasuresByCategory(
      [m("2020-05-18", "海淀区", "tracing"), m("2022-05-22", "海淀区", "tracing"), m("2022-05-22", null, "tracing"), m("2022-01-01", null, "new_thing")],
      [{ key: "tracing", label_zh: "流调溯源", label_en: "Epidemiological tracing" }, { key: "campus", label_zh: "校园管理", label_en: "Campus management" }],
    );
    expect(groups.map((g) => [g.key, g.label, g.rows.map((r) => `${r.date} ${r.district ?? "全市"}`)])).toEqual([
      ["tracing", "流调溯源", ["2022-05-22 全市", "2022-05-22 海淀区", "2020-05-18 海淀区"]],
      ["campus", "校园管理", []],
      ["new_thing", "new_thing", ["2022-01-01 全市"]],
    ]);
  });
});
