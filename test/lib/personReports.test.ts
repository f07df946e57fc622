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
});
