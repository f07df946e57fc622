import { describe, expect, it } from "vitest";
import {
  mergeSupplied,
  normalizeFrontMatter,
  normalizeSuppliedDate,
  parseSidecar,
} from "../../../src/pipeline/parse/supplied.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";

const CTX = { districts: ["东城区", "西城区", "密云区", "怀柔区"], firstDate: "2019-12-01", today: "2026-11-26" };

describe("normalizeSuppliedDate(value)", () => {
  it.each([
    ["2022-04-13", "2022-04-13"],
    ["2022/4/3", "2022-04-03"],
    ["2022年4月13日", "2022-04-13"],
    ["2020-02-29", "2020-02-29"],
    // Sina's feed gives GMT; in Beijing it was already the next day.
    ["Fri, 05 Nov 2021 23:53:31 GMT", "2021-11-06"],
    ["2021-11-05T15:00:00Z", "2021-11-05"],
  ])("reads %s as %s", (input, expected) => {
    expect(normalizeSuppliedDate(input)).toBe(expected);
  });

  it.each(["2022-13-01", "2022-02-29", "2022年2月30日", "yesterday", "2022-04-13 10:00", ""])(
    "returns null for %s",
    (input) => {
      expect(normalizeSuppliedDate(input)).toBeNull();
    },
  );
});

describe("parseSidecar(text, path, ctx)", () => {
  it("reads the fields an editor gives", () => {
    const { fields, issues } = parseSidecar(
      "title: 密云区疫情防控\npublished_date: 2022-04-13\nreporters: [祁梦竹, 范俊生]\ndistricts: 密云区、怀柔区\nurl: https://example.org/a\n",
      "data/raw/reports/x.meta.yaml",
      CTX,
    );
    expect(issues).toEqual([]);
    expect(fields).toEqual({
      title: "密云区疫情防控",
      published_date: "2022-04-13",
      reporters: ["祁梦竹", "范俊生"],
      districts: ["密云区", "怀柔区"],
      url: "https://example.org/a",
    });
  });

  it("reports a date that is not a date at its line and column", () => {
    const { fields, issues } = parseSidecar("title: x\npublished_date: 2022-13-01\n", "data/raw/reports/x.meta.yaml", CTX);
    expect(fields).toEqual({ title: "x" });
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/x.meta.yaml:2:17: published_date is not a date: expected YYYY-MM-DD or 2022年1月3日, found "2022-13-01"",
      ]
    `);
  });

  it("warns about unknown fields and rejects broken YAML", () => {
    const unknown = parseSidecar("titel: x\n", "s.meta.yaml", CTX);
    expect(unknown.issues.map((i) => [i.code, i.severity, i.line])).toEqual([["sidecar-field-unknown", "warning", 1]]);
    const broken = parseSidecar("title: [x\n", "s.meta.yaml", CTX);
    expect(broken.issues[0]?.code).toBe("sidecar-invalid");
    expect(broken.issues[0]?.severity).toBe("error");
  });

  it("rejects a district that is not Beijing's at its line, and warns about a date in the future", () => {
    const { fields, issues } = parseSidecar("districts: [密云区, 浦东新区]\nevent_date: 2027-01-01\n", "s.meta.yaml", CTX);
    expect(fields).toEqual({ districts: ["密云区"], event_date: "2027-01-01" });
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "s.meta.yaml:1:12: supplied district is not a Beijing district: expected one of Beijing's 16 districts (东城区, 西城区, …), found "浦东新区"
        hint: use the official name, e.g. 海淀区",
        "s.meta.yaml:2:13: event_date is out of range: expected a date from 2019-12-01 to 2026-11-26, found "2027-01-01"
        hint: check the date; if it is right, nothing to do",
      ]
    `);
  });

  it("rejects an address that is not a web address, so that it never becomes a script link", () => {
    const { fields, issues } = parseSidecar("url: javascript:alert(1)\n", "s.meta.yaml", CTX);
    expect(fields).toEqual({});
    expect(issues.map(formatIssue)).toEqual([
      's.meta.yaml:1:6: url is not a web address: expected an address starting with http:// or https://, found "javascript:alert(1)"',
    ]);
  });

  it("treats an empty sidecar as no fields", () => {
    expect(parseSidecar("# nothing yet\n", "s.meta.yaml", CTX)).toEqual({ fields: {}, issues: [] });
  });
});

describe("normalizeFrontMatter(frontMatter, path, ctx)", () => {
  it("maps the keys export tools use and ignores the rest", () => {
    const { fields, issues } = normalizeFrontMatter(
      { title: "0新增！", author: "新浪财经", date: "Fri, 05 Nov 2021 23:53:31 GMT", categories: ["金融"] },
      "data/raw/reports/017.md",
      CTX,
    );
    expect(issues).toEqual([]);
    expect(fields).toEqual({ title: "0新增！", source: "新浪财经", published_date: "2021-11-06" });
  });

  it("prefers our own field names to other tools' aliases, whatever their order", () => {
    const { fields } = normalizeFrontMatter(
      { author: "某人", source: "北京日报", date: "2022-01-01", published_date: "2022-04-13" },
      "data/raw/reports/x.md",
      CTX,
    );
    expect(fields).toEqual({ source: "北京日报", published_date: "2022-04-13" });
  });

  it("lets the sidecar win", () => {
    expect(mergeSupplied({ title: "a" }, { title: "b", source: "c" })).toEqual({ title: "a", source: "c" });
  });
});
