import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertToSimplified, toSimplified } from "../../../src/pipeline/clean/traditional.ts";

const corpus = path.resolve(process.cwd(), "../shared/corpus");
if (!existsSync(corpus)) console.log(`skipping corpus tests: ${corpus} is absent`);

describe("toSimplified(text)", () => {
  it.each([
    ["於裏羣説爲衛", "于里群说为卫"],
    ["蔡奇瞭解到", "蔡奇了解到"],
    ["迴天地區", "回天地区"],
    ["臨牀分型", "临床分型"],
    ["已经是简体", "已经是简体"],
  ])("%s → %s", (input, expected) => {
    expect(toSimplified(input).text).toBe(expected);
  });

  it("maps one to one and keeps line breaks", () => {
    const out = toSimplified("嚴格\n防範");
    expect(out.text).toBe("严格\n防范");
    expect(Array.from(out.map)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it.each([
    ["北京市委書記蔡奇於2月15日上午來到昌平區", "traditional"],
    ["北京市委书记蔡奇于2月15日上午来到昌平区", "simplified"],
    ["", "simplified"],
  ])("tells the script of %j: %s", (input, script) => {
    expect(toSimplified(input).script).toBe(script);
  });

  it("calls a Simplified text with one Traditional-looking character mixed and keeps it", () => {
    // opencc would turn the name 王濛 (reports/015.txt) into 王蒙: in a Simplified page it is Simplified usage.
    const out = toSimplified("北京昨日本土新增确诊18例,全部是隔离管控人员,责任编辑:王濛");
    expect(out.text).toBe("北京昨日本土新增确诊18例,全部是隔离管控人员,责任编辑:王濛");
    expect(out.script).toBe("mixed");
  });

  describe.skipIf(!existsSync(corpus))("on the corpus", () => {
    it("turns reports/025.txt (pinyin removed) into reports/src/025.txt", async () => {
      const { removePinyin } = await import("../../../src/pipeline/clean/pinyin.ts");
      const traditional = readFileSync(path.join(corpus, "reports/025.txt"), "utf8").trim();
      const simplified = readFileSync(path.join(corpus, "reports/src/025.txt"), "utf8").trim();
      const out = toSimplified(removePinyin(traditional).text);
      expect(out.script).toBe("traditional");
      // The page is truncated mid-annotation: `阻擊戰(` ends it.
      expect(out.text.replace(/\($/u, "")).toBe(simplified.replace(/。$/u, ""));
    });
  });
});

describe("convertToSimplified(text)", () => {
  it.each([
    ["風險點", "风险点"],
    ["瞭解", "了解"],
    ["\u{2F800}", "丽"],
    ["风险点", "风险点"],
    ["", ""],
  ])("%j → %j", (text, expected) => {
    expect(convertToSimplified(text)).toBe(expected);
  });
});

describe("toSimplified(text) on astral characters", () => {
  it("counts a compatibility ideograph of the supplement as a changed Han character", () => {
    expect(toSimplified("\u{2F800}風險")).toEqual({ text: "丽风险", map: Int32Array.from([0, 2, 3, 4]), script: "traditional" });
  });
});
