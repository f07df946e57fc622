import { describe, expect, it } from "vitest";
import {
  mergeSupplied,
  normalizeFrontMatter,
  normalizeSuppliedDate,
  parseSidecar,
} from "../../../src/pipeline/parse/supplied.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";

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

describe("parseSidecar(text, path)", () => {
  it("reads the fields an editor gives", () => {
    const { fields, issues } = parseSidecar(
      "title: 密云区疫情防控\npublished_date: 2022-04-13\nreporters: [祁梦竹, 范俊生]\ndistricts: 密云区、怀柔区\nurl: https://example.org/a\n",
      "data/raw/reports/x.meta.yaml",
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
    const { fields, issues } = parseSidecar("title: x\npublished_date: 2022-13-01\n", "data/raw/reports/x.meta.yaml");
    expect(fields).toEqual({ title: "x" });
    expect(issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/x.meta.yaml:2:17: published_date is not a date: expected YYYY-MM-DD or 2022年1月3日, found "2022-13-01"",
      ]
    `);
  });

  it("warns about unknown fields and rejects broken YAML", () => {
    const unknown = parseSidecar("titel: x\n", "s.meta.yaml");
    expect(unknown.issues.map((i) => [i.code, i.severity, i.line])).toEqual([["sidecar-field-unknown", "warning", 1]]);
    const broken = parseSidecar("title: [x\n", "s.meta.yaml");
    expect(broken.issues[0]?.code).toBe("sidecar-invalid");
    expect(broken.issues[0]?.severity).toBe("error");
  });

  it("treats an empty sidecar as no fields", () => {
    expect(parseSidecar("# nothing yet\n", "s.meta.yaml")).toEqual({ fields: {}, issues: [] });
  });
});

describe("normalizeFrontMatter(frontMatter, path)", () => {
  it("maps the keys export tools use and ignores the rest", () => {
    const { fields, issues } = normalizeFrontMatter(
      { title: "0新增！", author: "新浪财经", date: "Fri, 05 Nov 2021 23:53:31 GMT", categories: ["金融"] },
      "data/raw/reports/017.md",
    );
    expect(issues).toEqual([]);
    expect(fields).toEqual({ title: "0新增！", source: "新浪财经", published_date: "2021-11-06" });
  });

  it("lets the sidecar win", () => {
    expect(mergeSupplied({ title: "a" }, { title: "b", source: "c" })).toEqual({ title: "a", source: "c" });
  });
});
