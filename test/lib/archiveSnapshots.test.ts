import { describe, expect, it } from "vitest";
import { findCorrectionsAfter, formatSize, getRowKey, isMovedIntoSnapshot } from "../../src/lib/archiveSnapshots.ts";
import { getLiveUrl } from "../../src/lib/archiveLink.ts";
import type { CorrectionRow } from "../../src/pipeline/validate/correctionSchema.ts";

describe("findCorrectionsAfter(corrections, date, hasRow)", () => {
  const c = (id: string, date: string, row_id: string): CorrectionRow => ({
    id, what: `documents/${row_id}/title`, dataset: "documents", row_id, field: "title", old_value: "旧", new_value: "新", reason: "错字", source: "原文", date,
    line: Number(id.slice(1)) + 1, doc_ids: [row_id], charts: [], districts: [],
  });
  it("keeps corrections made after the day that touch a row of the snapshot, by date", () => {
    const rows = new Set(["004", "030"]);
    const found = findCorrectionsAfter([c("c003", "2022-06-01", "004"), c("c001", "2022-04-13", "004"), c("c002", "2022-05-01", "030"), c("c004", "2022-06-01", "999")], "2022-04-13", (dataset, id) => dataset === "documents" && rows.has(id));
    expect(found.map((x) => x.id)).toEqual(["c002", "c003"]);
  });

  it("also keeps a later correction that moves a report the snapshot lacks into its window", () => {
    const date = (id: string, made: string, row_id: string, old_value: string, new_value: string | null): CorrectionRow => ({
      ...c(id, made, row_id), what: `documents/${row_id}/published_date`, field: "published_date", old_value, new_value,
    });
    const found = findCorrectionsAfter(
      [
        date("c001", "2026-11-26", "029", "2025-04-12", "2022-11-27"), // later → within: listed
        date("c002", "2026-11-26", "031", "", "2022-11-30"), // unknown → the day itself: listed
        date("c003", "2026-11-26", "032", "2025-04-12", "2022-12-01"), // still after the day: not listed
        date("c004", "2026-11-26", "033", "", null), // unknown → unknown: not listed
        date("c005", "2022-11-29", "034", "2025-04-12", "2022-11-27"), // made before the snapshot: it has it applied
        c("c006", "2026-11-26", "035"), // a title of a report the snapshot lacks: not listed
      ],
      "2022-11-30",
      () => false,
    );
    expect(found.map((x) => x.id)).toEqual(["c001", "c002"]);
  });
});

describe("isMovedIntoSnapshot(correction, date)", () => {
  const fix = (field: string, old_value: string, new_value: string | null, dataset = "documents") => ({ dataset, field, old_value, new_value });
  it.each([
    [fix("published_date", "2025-04-12", "2022-11-27"), true],
    [fix("published_date", "", "2022-11-27"), true],
    [fix("published_date", "2022-12-01", "2022-11-30"), true],
    [fix("published_date", "2022-11-01", "2022-11-27"), false], // already in: the snapshot holds it
    [fix("published_date", "2025-04-12", "2022-12-01"), false],
    [fix("published_date", "2022-11-01", null), false],
    [fix("event_date", "2025-04-12", "2022-11-27"), false], // the as-of build goes by publication date only
    [fix("date", "2025-04-12", "2022-11-27", "directives"), false],
  ])("%j as of 2022-11-30 → %s", (c, moved) => expect(isMovedIntoSnapshot(c, "2022-11-30")).toBe(moved));
});

describe("getRowKey(row)", () => {
  it.each([
    [{ id: "004-d001", name: "x" }, "004-d001"],
    [{ name: "张三" }, "张三"],
    [{ source_path: "data/raw/cases/c.csv", source_line: 3 }, "data/raw/cases/c.csv:3"],
  ])("%j → %s", (row, key) => expect(getRowKey(row)).toBe(key));
});

describe("formatSize(bytes)", () => {
  it.each([[980, "980 B"], [12_595, "12.3 KB"], [10_800_000, "10.3 MB"]])("%i → %s", (bytes, text) => expect(formatSize(bytes)).toBe(text));
});

describe("getLiveUrl(pathname, base, site)", () => {
  it("puts the live site's root in place of the snapshot's base", () => {
    expect(getLiveUrl("/archive/2022-04-13/site/reports/004/", "/archive/2022-04-13/site/", "https://tongbao.example.org")).toBe("https://tongbao.example.org/reports/004/");
    expect(getLiveUrl("/archive/2022-04-13/site/", "/archive/2022-04-13/site", "https://tongbao.example.org/")).toBe("https://tongbao.example.org/");
    expect(getLiveUrl("/elsewhere/", "/archive/2022-04-13/site/", "https://tongbao.example.org")).toBe("https://tongbao.example.org/");
  });
});
