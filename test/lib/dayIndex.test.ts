import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexByDays } from "../../src/lib/dayIndex.ts";
import { addDays } from "../../src/lib/isoDays.ts";

type Row = { name: string; span: [string, string] | null };

const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays("2021-12-20", n));
const row = fc.record({ name: fc.string({ maxLength: 3 }), span: fc.option(fc.tuple(day, day), { nil: null }) });

/** What the index replaces: every row looked at for every window. */
const scan = (rows: Row[], from: string, to: string) => rows.filter((r) => r.span !== null && r.span[0] <= r.span[1] && r.span[0] <= to && r.span[1] >= from);

describe("indexByDays", () => {
  it("finds the rows a scan of every row finds, in the order given", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), day, day, (rows, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const index = indexByDays(rows, (r) => r.span);
        expect(index.find(from, to)).toEqual(scan(rows, from, to));
      }),
      { numRuns: 500 },
    );
  });

  it("finds a row once however many weeks it spans, and only on its days", () => {
    const rows: Row[] = [
      { name: "long", span: ["2022-01-01", "2022-06-30"] },
      { name: "one day", span: ["2022-04-13", "2022-04-13"] },
      { name: "undated", span: null },
      { name: "backwards", span: ["2022-04-14", "2022-04-12"] },
    ];
    const index = indexByDays(rows, (r) => r.span);
    expect(index.find("2022-01-01", "2022-12-31").map((r) => r.name)).toEqual(["long", "one day"]);
    expect(index.find("2022-04-14", "2022-04-20").map((r) => r.name)).toEqual(["long"]);
    expect(index.find("2022-07-01", "2022-07-31")).toEqual([]);
    expect(index.find("2022-04-13", "2022-04-12")).toEqual([]);
  });
});
