import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseChromeRules } from "../../../src/pipeline/clean/chromeRules.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";

const csvPath = "data/reference/page-chrome.csv";
const csv = readFileSync(path.resolve(process.cwd(), csvPath), "utf8");
const parsed = parseChromeRules(csv, csvPath);

describe("data/reference/page-chrome.csv", () => {
  it("parses without issues", () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.value?.rules.length).toBeGreaterThan(40);
  });

  it.each(parsed.value!.rules.map((rule) => [rule.line, rule.example, rule] as const))(
    "row %i: the example %j matches its own pattern",
    (_line, example, rule) => {
      expect(rule.pattern.test(example)).toBe(true);
      expect(rule.reason).not.toBe("");
    },
  );
});

describe("parseChromeRules(csvText, path)", () => {
  const header = "kind,action,key,pattern,example,reason\n";
  it("reports bad rows with their line and keeps the good ones", () => {
    const out = parseChromeRules(
      header +
        "widget,drop-line,,^文章图片$,文章图片,placeholder\n" +
        "widget,hide,,^x$,x,unknown action\n" +
        "widget,drop-line,,文章图片,文章图片,not anchored\n" +
        "widget,drop-line,,^(x$,x,bad regex\n" +
        "metadata,lift,source,^来源:(?<source>\\S+)$,出处:x,example does not match\n" +
        "metadata,lift,,^来源:(?<source>\\S+)$,来源:x,key column missing\n" +
        "metadata,lift,source,^来源:(?<from>\\S+)$,来源:x,unknown group\n",
      "page-chrome.csv",
    );
    expect(out.value?.rules.map((rule) => rule.line)).toEqual([2]);
    expect(out.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "page-chrome.csv:3: unknown chrome action: expected one of drop-line, drop-rest, drop-tail, lift, found "hide"",
        "page-chrome.csv:4: pattern is not anchored to a whole line: expected ^…$, found "文章图片"",
        "page-chrome.csv:5: pattern is not a regular expression (Invalid regular expression: /^(x$/du: Unterminated group): expected a JavaScript pattern, found "^(x$"",
        "page-chrome.csv:6: the example does not match its pattern: expected a line the pattern matches, found "出处:x"",
        "page-chrome.csv:7: the key column does not list the pattern's groups: expected "source", found """,
        "page-chrome.csv:8: named group is neither a metadata key nor keep: expected source, time, edited, editor, reporter, author, dateline or keep, found "from"",
      ]
    `);
  });

  it("returns null when the header is not the rule columns", () => {
    const out = parseChromeRules("a,b\n1,2\n", "x.csv");
    expect(out.value).toBeNull();
    expect(out.issues.map(formatIssue)).toEqual([
      'x.csv:1: the header is not the rule columns: expected "kind,action,key,pattern,example,reason", found "a,b"',
    ]);
  });
});
