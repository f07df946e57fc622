import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { findDatelineOutlet, isBylineLine, isOutletName, normalizeOutlet } from "../../../src/pipeline/parse/bylines.ts";
import { stripSiteSuffix } from "../../../src/pipeline/parse/headlines.ts";
import { getOutletPatterns, parseOutlets, type Outlets } from "../../../src/pipeline/parse/outlets.ts";

const HEADER = "kind,suffix,example,reason";
const SMALL = [
  HEADER,
  "news,网,中新网,news sites",
  'publisher,委,北京市卫生健康委,"a committee, as publisher"',
  "channel,频道,新闻频道,site sections",
  "account,公众号,北京日报微信公众号,WeChat",
  "social,微博,北京日报微博,Weibo",
  "account-prefix,微信,北京日报微信公众号,before an account",
  "",
].join("\n");
const outletsOf = (csv: string): Outlets => parseOutlets(csv, "o.csv").value!;

describe("parseOutlets(csvText, path)", () => {
  it("reads rows in file order with the line each starts on", () => {
    const csv = `${HEADER}\nnews,网,中新网,"two\nlines of reason"\npublisher,委,北京市卫生健康委,committees\n`;
    expect(parseOutlets(csv, "o.csv")).toEqual({
      value: {
        suffixes: [
          { kind: "news", suffix: "网", example: "中新网", reason: "two\nlines of reason", line: 2 },
          { kind: "publisher", suffix: "委", example: "北京市卫生健康委", reason: "committees", line: 4 },
        ],
      },
      issues: [],
    });
  });

  it.each([
    ["paper,报,北京日报,x", 'o.csv:3: outlet kind is unknown: expected one of news, site, channel, publisher, account, social, account-prefix, found "paper"'],
    ["news, 报,北京日报,x", 'o.csv:3: outlet suffix is empty or padded: expected the suffix without surrounding spaces, found " 报"'],
    ["publisher,网,央视网,x", 'o.csv:3: outlet suffix is listed twice: expected each suffix once, found "网" again (line 2 has it as news)'],
    ["news,报,北京日报社,x", 'o.csv:3: outlet example does not fit its suffix: expected a name ending with "报", found "北京日报社"'],
    ["account-prefix,官方,北京日报微博,x", 'o.csv:3: outlet example does not fit its suffix: expected a name containing "官方", found "北京日报微博"'],
    ["news,报,北京日报, ", 'o.csv:3: outlet row has no reason: expected why the row exists, found " "'],
    ["news,报,北京日报", 'o.csv:3: outlet row has the wrong number of columns: expected 4 (kind,suffix,example,reason), found 3 in "news,报,北京日报"'],
  ])("rejects the bad row %s with a schema-invalid issue", (row, message) => {
    const { value, issues } = parseOutlets(`${HEADER}\nnews,网,中新网,news sites\n${row}\n`, "o.csv");
    expect(issues.map(formatIssue)).toEqual([message]);
    expect(issues[0]?.code).toBe("schema-invalid");
    expect(value?.suffixes.map((s) => s.suffix)).toEqual(["网"]);
  });

  it("gives no value when the header is not the expected one", () => {
    const { value, issues } = parseOutlets("kind,suffix\nnews,网\n", "o.csv");
    expect(value).toBeNull();
    expect(issues.map(formatIssue)).toEqual(['o.csv:1: outlets header is not the expected one: expected "kind,suffix,example,reason", found "kind,suffix"']);
  });

  it("never throws on arbitrary text", () => {
    for (const text of ["", "\n\n", '"unterminated', "a,b\r\nc", `${HEADER}\n,,,`]) {
      expect(() => parseOutlets(text, "x.csv")).not.toThrow();
    }
  });
});

describe("getOutletPatterns(outlets)", () => {
  const outlets = outletsOf(SMALL);

  it("reads each kind where it counts", () => {
    // news and publisher suffixes end an outlet's name; a channel does not.
    expect(["中新网", "北京市卫生健康委", "新闻频道"].map((n) => isOutletName(n, outlets))).toEqual([true, true, false]);
    // news and channel suffixes end a page title's site name; a publisher's does not.
    expect(stripSiteSuffix("北京新增本土感染者516例-中新网", outlets)).toBe("北京新增本土感染者516例");
    expect(stripSiteSuffix("北京新增本土感染者516例-新闻频道", outlets)).toBe("北京新增本土感染者516例");
    expect(stripSiteSuffix("北京新增本土感染者516例-卫生健康委", outlets)).toBe("北京新增本土感染者516例-卫生健康委");
    // Only news suffixes open a dateline.
    expect(findDatelineOutlet("中新网北京11月27日电", outlets)).toBe("中新网");
    // account and social suffixes (with their prefixes) are cut from a name; only account ones make a byline line.
    expect(normalizeOutlet("北京日报微信公众号", outlets)).toBe("北京日报");
    expect(normalizeOutlet("北京日报微博", outlets)).toBe("北京日报");
    expect(isBylineLine("北京日报微信公众号 | 记者 张力", outlets)).toBe(true);
    expect(isBylineLine("北京日报微博 | 记者 张力", outlets)).toBe(false);
  });

  it("lets an editor's new row take effect without code", () => {
    // 北京周刊 is four Han characters: a person's name unless 刊 ends outlet names.
    expect(isOutletName("北京周刊", outlets)).toBe(false);
    expect(isOutletName("北京周刊", outletsOf(`${SMALL}news,刊,北京周刊,weeklies\n`))).toBe(true);
  });

  it("matches nothing for a kind without rows, and suffixes literally", () => {
    const none = outletsOf(`${HEADER}\npublisher,.,a.,a dot\n`);
    expect(findDatelineOutlet("中新网北京11月27日电", none)).toBeNull();
    expect(normalizeOutlet("北京日报微信公众号", none)).toBe("北京日报微信公众号");
    expect(isOutletName("北京周刊", none)).toBe(false);
    expect(isOutletName("北京周.", none)).toBe(true);
    expect(getOutletPatterns(none).outletEnd.test("北京周刊")).toBe(false);
  });

  it("builds the patterns once per object", () => {
    expect(getOutletPatterns(outlets)).toBe(getOutletPatterns(outlets));
    expect(getOutletPatterns(outletsOf(SMALL))).not.toBe(getOutletPatterns(outlets));
  });
});

describe("data/reference/outlets.csv", () => {
  const csvPath = "data/reference/outlets.csv";
  const parsed = parseOutlets(readFileSync(path.resolve(process.cwd(), csvPath), "utf8"), csvPath);

  it("parses without issues and has rows of every kind", () => {
    expect(parsed.issues).toEqual([]);
    expect(new Set(parsed.value!.suffixes.map((s) => s.kind))).toEqual(new Set(["news", "site", "channel", "publisher", "account", "social", "account-prefix"]));
  });

  it("gives the alternatives the parse stage had in code before the lists moved to the CSV, longest first", () => {
    const p = getOutletPatterns(parsed.value!);
    expect(p.siteSuffix.source).toBe("\\s*(?:_\\s*[^_]{1,20}|[-–—|｜]\\s*[^-–—|｜\\s]{1,12}(?:客户端|APP|app|新闻|频道|网|报|社|台))\\s*$");
    expect(p.outletEnd.source).toBe("(?:News|客户端|APP|app|新闻|财经|中心|媒体|网|报|社|台|办|委|局|号|会|部|厅|院|站)$");
    expect(p.datelineOutlet.source).toBe("^(.+?(?:客户端|网|报|社|台))(?:[\\u4e00-\\u9fff]{2,3})?\\d{1,2}月\\d{1,2}日电");
    expect(p.accountSuffix.source).toBe("\\s*(?:官方)?(?:微信)?(?:公众号|大众号|抖音号|微博|官微)$");
    expect(p.accountByline.source).toBe("^([\\u4e00-\\u9fffA-Za-z]{2,20}?)(?:官方)?(?:微信)?(?:公众号|大众号)(?:\\s|[|｜]|$)");
  });
});
