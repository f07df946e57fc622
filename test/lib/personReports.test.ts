import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexOtherReports, OTHER_REPORTS_SHOWN } from "../../src/lib/personReports.ts";

const person = (name: string, doc_ids: string[]) => ({ name, roles: ["市委书记"], organisations: ["市委"], doc_ids, sources: [{ doc_id: doc_ids[0]!, span: [0, 2] as [number, number] }] });

describe("indexOtherReports(people, dateOf)", () => {
  const dates = new Map<string, string | null>([
    ["000_76bc26fd7b02b4ab", "2022-05-23"],
    ["025", "2022-01-20"],
    ["026", "2021-01-22"],
  ]);
  const find = indexOtherReports([person("蔡奇", ["026", "000_76bc26fd7b02b4ab", "025", "unpublished"])], dates);

  it("lists the other published reports naming the person, in date order", () => {
    expect(find("蔡奇", "026")).toEqual({ shown: ["025", "000_76bc26fd7b02b4ab"], total: 2 });
  });

  it("is empty for an unknown name", () => expect(find("张三", "026")).toEqual({ shown: [], total: 0 }));

  it(`shows the ${OTHER_REPORTS_SHOWN} reports nearest in date when there are more, and counts them all`, () => {
    // A leader named in twelve reports, one a month in 2022, and in one of unknown date.
    const ids = Array.from({ length: 12 }, (_, i) => `r${String(i + 1).padStart(2, "0")}`);
    const dateOf = new Map<string, string | null>([...ids.map((id, i): [string, string] => [id, `2022-${String(i + 1).padStart(2, "0")}-15`]), ["undated", null]]);
    const near = indexOtherReports([person("殷勇", [...ids, "undated"])], dateOf);
    // From June's report: May and July, April and August at equal distance, then March (earlier wins a tie by date).
    expect(near("殷勇", "r06")).toEqual({ shown: ["r03", "r04", "r05", "r07", "r08"], total: 12 });
    // From the first report: the next five months; the undated report is never nearer than a dated one.
    expect(near("殷勇", "r01")).toEqual({ shown: ["r02", "r03", "r04", "r05", "r06"], total: 12 });
    // From the undated report: every other is as far; the first five in date order.
    expect(near("殷勇", "undated")).toEqual({ shown: ["r01", "r02", "r03", "r04", "r05"], total: 12 });
  });

  it("picks what ranking every other report by distance, then date order, picks (any dates, ties, unknown days)", () => {
    // The straightforward ranking, as the index did before it looked only around the page's day.
    const day = (date: string | null) => (date === null ? Number.MAX_SAFE_INTEGER / 2 : Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    const byDate = (dateOf: Map<string, string | null>) => (a: string, b: string) => {
      const [da, db] = [dateOf.get(a) ?? null, dateOf.get(b) ?? null];
      if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    };
    const oracle = (ids: string[], dateOf: Map<string, string | null>, docId: string) => {
      const others = ids.filter((id) => dateOf.has(id) && id !== docId).sort(byDate(dateOf));
      const own = dateOf.get(docId) ?? null;
      if (others.length <= OTHER_REPORTS_SHOWN || own === null) return { shown: others.slice(0, OTHER_REPORTS_SHOWN), total: others.length };
      const distance = (id: string) => Math.abs(day(dateOf.get(id) ?? null) - day(own));
      return { shown: [...others].sort((a, b) => distance(a) - distance(b) || byDate(dateOf)(a, b)).slice(0, OTHER_REPORTS_SHOWN).sort(byDate(dateOf)), total: others.length };
    };
    const date = fc.option(fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10)), { freq: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^r[0-9]{2}$/), { maxLength: 25 }), fc.array(date, { minLength: 25, maxLength: 25 }), fc.nat(30), (ids, dates, pick) => {
        const dateOf = new Map<string, string | null>(ids.slice(0, -1).map((id, i) => [id, dates[i]!]));
        const find = indexOtherReports([person("某某", ids.length > 0 ? ids : ["r00"])], dateOf);
        const docId = ids[pick % Math.max(ids.length, 1)] ?? "r00";
        expect(find("某某", docId)).toEqual(oracle(ids, dateOf, docId));
      }),
      { numRuns: 1000 },
    );
  });
});
