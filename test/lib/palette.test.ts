import { describe, expect, it } from "vitest";
import { CASE_KIND_COLORS, CATEGORY_COLORS, CITY_COLOR, CJK_FONT_STACK, DISTRICT_COLORS, FALLBACK_COLOR, getCategoryColor, getDistrictColor, getPaletteStyle, INK, MARK_COLORS, PAGE_COLORS, RISK_COLORS } from "../../src/lib/palette.ts";

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
    expect(getDistrictColor("haidian")).toBe("#9F9356");
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

  const graphics = [
    ["INK", INK], ["CITY_COLOR", CITY_COLOR], ["FALLBACK_COLOR", FALLBACK_COLOR],
    ...Object.entries(DISTRICT_COLORS), ...Object.entries(CATEGORY_COLORS), ...Object.entries(CASE_KIND_COLORS), ...Object.entries(RISK_COLORS),
    ["MARK_COLORS.place", MARK_COLORS.place], ["MARK_COLORS.person", MARK_COLORS.person], ["MARK_COLORS.case", MARK_COLORS.case], ["MARK_COLORS.directive", MARK_COLORS.directive],
  ] as Array<[string, string]>;
  it.each(graphics)("draws %s (%s) with at least 3:1 contrast against white (WCAG 1.4.11)", (_name, colour) => {
    expect(contrast(colour, "#FFFFFF")).toBeGreaterThanOrEqual(3);
  });

  it.each([["muted", PAGE_COLORS.muted], ["link", PAGE_COLORS.link]])("sets %s text with at least 4.5:1 contrast on the paper", (_name, colour) => {
    expect(contrast(colour, PAGE_COLORS.paper)).toBeGreaterThanOrEqual(4.5);
  });

  it("gives the page the palette as CSS custom properties", () => {
    expect(getPaletteStyle()).toMatch(/^--ink: #222222; --muted: #555555; /);
    expect(getPaletteStyle()).toContain(`--font-cjk: ${CJK_FONT_STACK}`);
  });

  it("names a CJK font first", () => {
    expect(CJK_FONT_STACK.startsWith('"Noto Sans CJK SC"')).toBe(true);
  });
});
