/**
 * Hostile input: duplicate reports and duplicate ids — the same bytes twice, two names that give the
 * same id, and the same report in Traditional and in Simplified script.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/pipeline/issues.ts";
import { run } from "../support/pipeline.ts";
import { expectGoodUnchanged, fatesOf, GOOD, GOOD_PATHS, OTHER, reportPath } from "./fixtures.ts";

/** OTHER in Traditional script, as a Taiwanese or Hong Kong copy of the page has it. */
const OTHER_TRADITIONAL = [
  "海澱區召開疫情防控工作會議",
  "時間:2022-05-10",
  "5月9日上午,海澱區委書記張革主持召開疫情防控工作會議。張革強調,要加強重點場所巡查,落實掃碼測溫。",
].join("\n");

describe("hostile duplicates", () => {
  it("publishes the first in path order of two identical files, rejects the copy naming the first", async () => {
    const result = await run([...GOOD, { name: "copy-b.txt", text: OTHER }, { name: "copy-a.txt", text: OTHER }]);
    const fates = fatesOf(result, [...GOOD_PATHS, reportPath("copy-a.txt"), reportPath("copy-b.txt")]);
    expect([fates[reportPath("copy-a.txt")], fates[reportPath("copy-b.txt")]]).toEqual(["published", "rejected"]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/copy-b.txt: file has the same content as data/raw/reports/copy-a.txt: expected each report once, found a copy
        hint: remove one of the two files (only the first, data/raw/reports/copy-a.txt, is read)",
      ]
    `);
    await expectGoodUnchanged(result);
  });

  it("rejects a copy of a good report, and the good report is still published unchanged", async () => {
    // zz-copy.txt sorts after good-meeting.txt: the good one is the first and stays.
    const result = await run([...GOOD, { name: "zz-copy.txt", text: GOOD[0]!.text }]);
    expect(fatesOf(result, [...GOOD_PATHS, reportPath("zz-copy.txt")])[reportPath("zz-copy.txt")]).toBe("rejected");
    expect(result.issues.map((i) => i.code)).toEqual(["file-duplicate"]);
    await expectGoodUnchanged(result);
  });

  it.each([
    ["two extensions", "dup.txt", "dup.md"],
    ["upper and lower case", "DUP.txt", "dup.txt"],
    ["two folders", "2022/dup.txt", "dup.txt"],
  ])("rejects the second of two files whose names give one id (%s)", async (_, first, second) => {
    const result = await run([...GOOD, { name: first, text: OTHER }, { name: second, text: `${OTHER}\n` }]);
    const fates = fatesOf(result, [...GOOD_PATHS, reportPath(first), reportPath(second)]);
    const published = [first, second].filter((n) => fates[reportPath(n)] === "published");
    expect(published).toHaveLength(1);
    expect(result.issues).toMatchObject([{ code: "id-duplicate", severity: "error", line: null, column: null }]);
    expect(result.issues[0]?.message).toMatch(/^document id "dup" is already used by data\/raw\/reports\/.+: expected one report per file name, found two$/);
    expect(result.documents.filter((d) => d.row.id === "dup")).toHaveLength(1);
    await expectGoodUnchanged(result);
  });

  it("cleans the Traditional and the Simplified copy of a report to the same text", async () => {
    // Each run alone: together, the second is rejected as a copy (next test).
    const simplified = (await run([{ name: "simplified.txt", text: OTHER }])).documents[0]?.doc;
    const traditional = (await run([{ name: "traditional.txt", bytes: iconv.encode(OTHER_TRADITIONAL, "big5") }])).documents[0]?.doc;
    expect(simplified).toBeDefined();
    expect(traditional?.text).toBe(simplified?.text);
    expect(traditional?.title).toBe("海淀区召开疫情防控工作会议");
  });

  // Byte hashes differ (Big5 against UTF-8), so runPipeline also compares the clean texts: the later path is the copy.
  it("rejects the Traditional copy of a Simplified report as a duplicate after cleaning", async () => {
    const result = await run([...GOOD, { name: "simplified.txt", text: OTHER }, { name: "traditional.txt", bytes: iconv.encode(OTHER_TRADITIONAL, "big5") }]);
    const fates = fatesOf(result, [...GOOD_PATHS, reportPath("simplified.txt"), reportPath("traditional.txt")]);
    expect([fates[reportPath("simplified.txt")], fates[reportPath("traditional.txt")]]).toEqual(["published", "rejected"]);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([["file-duplicate", reportPath("traditional.txt")]]);
    await expectGoodUnchanged(result);
  });
});
