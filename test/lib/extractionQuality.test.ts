import { describe, expect, it } from "vitest";
import { parseQualityTable } from "../../src/lib/extractionQuality.ts";

describe("parseQualityTable(markdown)", () => {
  it("reads the table of the Extraction quality section", () => {
    const markdown = [
      "## Data", "| dataset | precision | recall | F1 |", "|---|---|---|---|", "| wrong | 0.1 | 0.1 | 0.1 |",
      "## Extraction quality", "", "On the development set:", "",
      "| dataset | precision | recall | F1 |", "|---|---|---|---|",
      "| directives (sentence contains the label's key) | 0.967 | 1.000 | 0.983 |",
      "| people (by name) | 1.000 | n/a | 0.991 |",
      "| places | 0.912 | 0.893 | 0.903 |", "", "| dataset | precision | recall | F1 |", "| later | 1 | 1 | 1 |",
      "## Development",
    ].join("\n");
    expect(parseQualityTable(markdown)).toEqual([
      { dataset: "directives (sentence contains the label's key)", precision: 0.967, recall: 1, f1: 0.983 },
      { dataset: "places", precision: 0.912, recall: 0.893, f1: 0.903 },
    ]);
  });

  it("is empty without the section", () => expect(parseQualityTable("# 通报\n| dataset | precision | recall | F1 |")).toEqual([]));
});
