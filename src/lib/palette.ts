/**
 * The site's fixed colours: the same district, measure category, case kind and risk level always has the same
 * colour on every page and chart.
 *
 * Colour is never the only code. Charts tell districts and categories apart by position (one panel or one row
 * each) and by their labels; colour repeats that identity so a reader can follow it across charts. Where colour
 * does carry a distinction inside one panel (confirmed vs asymptomatic, risk levels), the colours differ strongly
 * in lightness, so they stay apart for colour-blind readers and on a greyscale A4 print, and regimes are drawn
 * dashed as well.
 *
 * The hues come from Paul Tol's colour-blind safe schemes (https://personal.sron.nl/~pault/) and Okabe & Ito's
 * palette, the light ones darkened until they have 3:1 contrast against the white page (WCAG 1.4.11, graphics);
 * lightness steps and contrast are checked with the relative-luminance test of test/lib/palette.test.ts.
 */

/**
 * Font stack for Chinese labels: the Noto/Source Han family first (what `.ci/run` installs and Linux ships), then
 * the system CJK fonts of macOS and Windows.
 */
export const CJK_FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';

/** Ink for text, axes and averages: near-black, so that it prints. */
export const INK = "#222222";

/**
 * One colour per district, by pinyin slug (the districts dataset's `slug`), in administrative-code order.
 * Sixteen hues cannot all be told apart, so no chart relies on them alone (see the module note).
 */
export const DISTRICT_COLORS: Readonly<Record<string, string>> = Object.freeze({
  dongcheng: "#332288",
  xicheng: "#6699B2",
  chaoyang: "#41A393",
  fengtai: "#117733",
  shijingshan: "#999933",
  haidian: "#9F9356",
  mentougou: "#CC6677",
  fangshan: "#882255",
  tongzhou: "#AA4499",
  shunyi: "#0077BB",
  changping: "#2B9DC8",
  daxing: "#009988",
  huairou: "#E47231",
  pinggu: "#CC3311",
  miyun: "#EE3377",
  yanqing: "#777777",
});

/** Colour of the whole city (全市) where it stands beside districts. */
export const CITY_COLOR = "#444444";

/**
 * One colour per measure category, by the key of data/reference/measure-categories.csv. Categories are always
 * also shown by row and label.
 */
export const CATEGORY_COLORS: Readonly<Record<string, string>> = Object.freeze({
  nucleic_acid_testing: "#0077BB",
  sealing_control: "#CC3311",
  tracing: "#E47231",
  quarantine: "#AA4499",
  entry_checks: "#2B9DC8",
  work_from_home: "#009988",
  public_transport: "#332288",
  campus: "#9F9356",
  city_checkpoints: "#882255",
  vaccination: "#117733",
  supplies: "#999933",
  cold_chain: "#6699B2",
  key_venues: "#EE3377",
  publicity: "#41A393",
  drills: "#777777",
  treatment: "#CC6677",
  accountability: "#555555",
});

/** Colour for a key missing from a palette (a category added to the CSV after this file was written). */
export const FALLBACK_COLOR = "#888888";

/**
 * 确诊 confirmed (dark blue) and 无症状 asymptomatic (orange): darkened Okabe–Ito blue and orange, far apart in
 * lightness (relative luminance about 0.08 and 0.27; contrast 2.5:1 between them in greyscale), each at least 3:1
 * against the white page.
 */
export const CASE_KIND_COLORS = Object.freeze({ confirmed: "#1B4F8A", asymptomatic: "#C38700" });

/**
 * 高/中/低风险 and 封控区/管控区/防范区: dark to light in each system (more severe is darker, each step at least 1.8:1
 * in greyscale), the regimes in a second hue and drawn dashed (see RISK_DASHES). The lightest is still 3:1 against
 * the white page, as lines must be (WCAG 1.4.11).
 */
export const RISK_COLORS: Readonly<Record<string, string>> = Object.freeze({
  高风险: "#5C1409",
  中风险: "#A84300",
  低风险: "#C98500",
  封控区: "#1B2A6B",
  管控区: "#2E5F95",
  防范区: "#5B8FC7",
});

/** Stroke dash pattern per risk kind: solid for levels, dashed for regimes, so greyscale keeps them apart. */
export const RISK_DASHES: Readonly<Record<string, string | null>> = Object.freeze({
  高风险: null,
  中风险: null,
  低风险: null,
  封控区: "6,3",
  管控区: "6,3",
  防范区: "6,3",
});

/** The colour of a district slug, or FALLBACK_COLOR for an unknown slug. */
export function getDistrictColor(slug: string): string {
  return DISTRICT_COLORS[slug] ?? FALLBACK_COLOR;
}

/** The colour of a measure category key, or FALLBACK_COLOR for an unknown key. */
export function getCategoryColor(key: string): string {
  return CATEGORY_COLORS[key] ?? FALLBACK_COLOR;
}

/** Colours of the page around the charts: muted text, rules, paper, table-header tint, links (4.5:1 or more for text). */
export const PAGE_COLORS = Object.freeze({ muted: "#555555", rule: "#D0D0D0", paper: "#FFFFFF", tint: "#F3F3F0", link: "#0B5394" });

/**
 * Colours of the marks in a report's text (src/pages/reports/[id].astro): 指示 directive (pale yellow background,
 * dark gold rule), 地点 place, 人物 person, 病例数 case count; each kind also has its own rule style, so greyscale
 * keeps them apart.
 */
export const MARK_COLORS = Object.freeze({ directiveBackground: "#FFF3B0", directive: "#8A6D00", place: "#005A9C", person: "#6B2C91", case: "#444444" });

/**
 * The palette as CSS custom properties for the page's root element (`--ink: #222222; …; --font-cjk: "Noto Sans CJK
 * SC", …`), so stylesheets use the same colours and fonts as the charts: `color: var(--ink)`.
 */
export function getPaletteStyle(): string {
  const vars: Array<[string, string]> = [
    ["--ink", INK],
    ["--muted", PAGE_COLORS.muted],
    ["--rule", PAGE_COLORS.rule],
    ["--paper", PAGE_COLORS.paper],
    ["--tint", PAGE_COLORS.tint],
    ["--link", PAGE_COLORS.link],
    ["--mark-directive-bg", MARK_COLORS.directiveBackground],
    ["--mark-directive", MARK_COLORS.directive],
    ["--mark-place", MARK_COLORS.place],
    ["--mark-person", MARK_COLORS.person],
    ["--mark-case", MARK_COLORS.case],
    ["--font-cjk", CJK_FONT_STACK],
  ];
  return vars.map(([name, value]) => `${name}: ${value}`).join("; ");
}
