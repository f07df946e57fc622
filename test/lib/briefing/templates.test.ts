import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fillTemplate, parseBriefingTemplates, TEMPLATE_PLACEHOLDERS } from "../../../src/lib/briefing/templates.ts";
import { readBriefingTemplates } from "../../../src/lib/briefing/templateFile.ts";

const PATH = "data/reference/briefing-templates.csv";
const real = readFileSync(PATH, "utf8");

describe("parseBriefingTemplates(csvText, path)", () => {
  it("reads the project's file: one row per sentence kind", () => {
    const templates = readBriefingTemplates();
    expect([...templates.keys()].sort()).toEqual(Object.keys(TEMPLATE_PLACEHOLDERS).sort());
    expect(fillTemplate(templates, "cases-with-data", { month: 4, day: 13, scope: "全市", confirmed: 12, asymptomatic: 3 })).toBe(
      "4月13日0时至24时，全市新增本土确诊病例12例、本土无症状感染者3例。",
    );
    expect(fillTemplate(templates, "reports-none", { scope: "海淀区" })).toBe("本日未收录海淀区通报。");
    // Every risk-area kind has its display name in the file (data, not code).
    expect(["高风险", "中风险", "封控区"].map((k) => templates.get(`kind-name:${k}`))).toEqual(["高风险区", "中风险区", "封控区"]);
  });

  it("names the file and line of an unknown placeholder", () => {
    const bad = real.replace("本日暂无{scope}病例数据。", "本日暂无{district}病例数据。");
    expect(() => parseBriefingTemplates(bad, PATH)).toThrowErrorMatchingInlineSnapshot(`[Error: data/reference/briefing-templates.csv:7: unknown placeholder in template "cases-missing": expected one of {month}, {day}, {scope}, found "{district}"]`);
  });

  it("names a missing template", () => {
    const bad = real.split("\n").filter((line) => !line.startsWith("change-same,")).join("\n");
    expect(() => parseBriefingTemplates(bad, PATH)).toThrowErrorMatchingInlineSnapshot(`[Error: data/reference/briefing-templates.csv:1: template is missing: expected a row with key "change-same", found none]`);
  });

  it("reports an unknown key, a duplicate, an empty text and a wrong header with their lines", () => {
    const header = "key,text,used_when\n";
    const rows = real.split("\n").slice(1).join("\n");
    expect(() => parseBriefingTemplates(`${header}${rows}cases-zero,again,x\nnew-kind,文本,x\nchange-up,,x\n`, PATH)).toThrow(
      [
        `${PATH}:63: template key is given twice: expected one row per key, found "cases-zero" again`,
        `${PATH}:64: template key is not known: expected one of ${Object.keys(TEMPLATE_PLACEHOLDERS).join(", ")}, found "new-kind"`,
        `${PATH}:65: template key is given twice: expected one row per key, found "change-up" again`,
      ].join("\n"),
    );
    expect(() => parseBriefingTemplates("key,wording\n", PATH)).toThrowErrorMatchingInlineSnapshot(`[Error: data/reference/briefing-templates.csv:1: briefing templates header is not the expected one: expected "key,text,used_when", found "key,wording"]`);
    const empty = real.replace("合计{total}例，与前一日持平。", "");
    expect(() => parseBriefingTemplates(empty, PATH)).toThrowErrorMatchingInlineSnapshot(`[Error: data/reference/briefing-templates.csv:10: template text is empty: expected the sentence of "change-same", found ""]`);
  });

  it("fillTemplate throws when a value is missing (a bug of the prose code)", () => {
    const templates = readBriefingTemplates();
    expect(() => fillTemplate(templates, "change-up", {})).toThrowErrorMatchingInlineSnapshot(`[Error: briefing template "change-up" needs a value: expected {total}, found none]`);
  });
});
