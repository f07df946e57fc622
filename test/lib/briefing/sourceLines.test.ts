import { describe, expect, it } from "vitest";
import { describeSourceLines, getLineRuns } from "../../../src/lib/briefing/sourceLines.ts";

describe("describeSourceLines(lines)", () => {
  it("groups lines by file as ranges", () => {
    expect(getLineRuns([5, 1, 2, 3, 3])).toEqual([[1, 3], [5, 5]]);
    const at = (path: string, line: number) => ({ path, line });
    expect(describeSourceLines([at("data/raw/cases/b.csv", 7), at("data/raw/cases/a.csv", 2), at("data/raw/cases/a.csv", 1), at("data/raw/cases/b.csv", 9)])).toBe("a.csv 第1–2行；b.csv 第7行、第9行");
    expect(describeSourceLines([])).toBe("");
  });
});
