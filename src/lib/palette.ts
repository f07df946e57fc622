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
 * palette; lightness steps are checked with the relative-luminance test of test/lib/palette.test.ts.
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
  xicheng: "#88CCEE",
  chaoyang: "#44AA99",
  fengtai: "#117733",
  shijingshan: "#999933",
  haidian: "#DDCC77",
  mentougou: "#CC6677",
  fangshan: "#882255",
  tongzhou: "#AA4499",
  shunyi: "#0077BB",
  changping: "#33BBEE",
  daxing: "#009988",
  huairou: "#EE7733",
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
  tracing: "#EE7733",
  quarantine: "#AA4499",
  entry_checks: "#33BBEE",
  work_from_home: "#009988",
  public_transport: "#332288",
  campus: "#DDCC77",
  city_checkpoints: "#882255",
  vaccination: "#117733",
  supplies: "#999933",
  cold_chain: "#88CCEE",
  key_venues: "#EE3377",
  publicity: "#44AA99",
  drills: "#777777",
  treatment: "#CC6677",
  accountability: "#555555",
});

/** Colour for a key missing from a palette (a category added to the CSV after this file was written). */
export const FALLBACK_COLOR = "#888888";

/**
 * 确诊 confirmed (dark blue) and 无症状 asymptomatic (light orange): Okabe–Ito orange and a darkened Okabe–Ito blue,
 * far apart in lightness (relative luminance about 0.08 and 0.44; contrast above 3:1 in greyscale).
 */
export const CASE_KIND_COLORS = Object.freeze({ confirmed: "#1B4F8A", asymptomatic: "#E69F00" });

/**
 * 高/中/低风险 and 封控区/管控区/防范区: dark to light in each system (more severe is darker), the regimes in a
 * second hue and drawn dashed (see RISK_DASHES).
 */
export const RISK_COLORS: Readonly<Record<string, string>> = Object.freeze({
  高风险: "#7A1B0C",
  中风险: "#D55E00",
  低风险: "#F0B45A",
  封控区: "#1B2A6B",
  管控区: "#3F7FBF",
  防范区: "#9CC8E8",
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
