import { describe, expect, it } from "vitest";
import { CASE_KIND_COLORS, CATEGORY_COLORS, CJK_FONT_STACK, DISTRICT_COLORS, getCategoryColor, getDistrictColor, RISK_COLORS } from "../../src/lib/palette.ts";

/** WCAG relative luminance of #RRGGBB: what a greyscale print keeps of a colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);

describe("palette", () => {
  it("has a colour for each of the 16 district slugs and the 17 category keys, all distinct", () => {
    expect(Object.keys(DISTRICT_COLORS)).toHaveLength(16);
    expect(new Set(Object.values(DISTRICT_COLORS)).size).toBe(16);
    expect(Object.keys(CATEGORY_COLORS)).toHaveLength(17);
    expect(new Set(Object.values(CATEGORY_COLORS)).size).toBe(17);
    expect(getDistrictColor("haidian")).toBe("#DDCC77");
    expect(getCategoryColor("no_such_key")).toBe("#888888");
  });

  it("keeps confirmed and asymptomatic apart in greyscale", () => {
    expect(contrast(CASE_KIND_COLORS.confirmed, CASE_KIND_COLORS.asymptomatic)).toBeGreaterThan(2.5);
  });

  it.each([
    ["高风险", "中风险"],
    ["中风险", "低风险"],
    ["封控区", "管控区"],
    ["管控区", "防范区"],
  ])("draws %s darker than %s, by a step greyscale keeps", (darker, lighter) => {
    expect(luminance(RISK_COLORS[darker]!)).toBeLessThan(luminance(RISK_COLORS[lighter]!));
    expect(contrast(RISK_COLORS[darker]!, RISK_COLORS[lighter]!)).toBeGreaterThan(1.8);
  });

  it("names a CJK font first", () => {
    expect(CJK_FONT_STACK.startsWith('"Noto Sans CJK SC"')).toBe(true);
  });
});
