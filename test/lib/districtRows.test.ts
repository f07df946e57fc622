import { describe, expect, it } from "vitest";
import { selectDistrictRows, type SiteRows } from "../../src/lib/districtRows.ts";
import type { DocumentRow } from "../../src/pipeline/validate/schemas.ts";
import type { DirectiveRecord } from "../../src/pipeline/validate/directiveSchema.ts";

const doc = (id: string, date: string, districts: string[]) => ({ id, published_date: date, event_date: null, districts }) as unknown as DocumentRow;
const directive = (id: string, district: string | null, date: string | null) => ({ id, district, date }) as unknown as DirectiveRecord;

const rows: SiteRows = {
  documents: [doc("a", "2022-01-01", ["海淀区"]), doc("b", "2022-05-01", ["海淀区", "朝阳区"]), doc("c", "2022-06-01", ["朝阳区"])],
  directives: [directive("a-d001", "海淀区", "2022-01-01"), directive("b-d002", "海淀区", "2022-05-01"), directive("b-d001", "海淀区", "2022-05-01"), directive("x-d001", "海淀区", null), directive("c-d001", null, "2022-06-01")],
  riskAreas: [],
  caseTables: [],
  caseReports: [],
};

describe("selectDistrictRows(rows, name)", () => {
  it("selects the district's reports and directives, newest first", () => {
    const selected = selectDistrictRows(rows, "海淀区");
    expect(selected.documents.map((d) => d.id)).toEqual(["b", "a"]);
    expect(selected.directives.map((d) => d.id)).toEqual(["b-d001", "b-d002", "a-d001", "x-d001"]);
    expect(selected.isEmpty).toBe(false);
  });

  it("says a district without rows is empty", () => {
    expect(selectDistrictRows(rows, "延庆区")).toEqual({ documents: [], directives: [], riskAreas: [], caseRows: 0, isEmpty: true });
  });
});
