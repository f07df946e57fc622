/**
 * Counts as bulletins write them: Arabic digits (`12`, `2,586`) or Chinese numerals (`十二`, `三十七`, `一百零五`).
 */

/** 零〇一二两三四五六七八九: the digit characters and their values. */
const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** 十百千: multipliers inside a section; 万 closes a section. */
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a Chinese numeral is made of (for building patterns). */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万";

/**
 * The value of a Chinese numeral below 10^8: `十二` → 12, `三十七` → 37, `一百零五` → 105, `两千` → 2000,
 * `十` → 10, `二〇` → 20 (digit by digit). Returns null for an empty string, a string with other characters, or a
 * malformed numeral (`十十`, `万万`).
 */
export function parseChineseNumeral(text: string): number | null {
  if (text === "") return null;
  // 二〇二二 style: digits only, read positionally.
  if ([...text].every((c) => c in DIGITS)) {
    if (text.length === 1) return DIGITS[text] ?? null;
    return Number([...text].map((c) => DIGITS[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let sawWan = false;
  for (const c of text) {
    if (c in DIGITS) {
      if (digit !== null && digit !== 0) return null; // 三五: two digits in a row without a unit
      digit = DIGITS[c] ?? 0;
    } else if (c in UNITS) {
      const unit = UNITS[c] ?? 1;
      if (unit >= lastUnit) return null; // 十十, 十百
      section += (digit ?? 1) * unit; // 十二: a leading 十 means 一十
      digit = null;
      lastUnit = unit;
    } else if (c === "万") {
      if (sawWan) return null;
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * 10_000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      sawWan = true;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * The value of a count as written: ASCII or full-width digits with optional thousands commas (`2,586`), or a
 * Chinese numeral. Returns null when `text` is neither.
 */
export function parseCount(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(ascii)) return Number(ascii.replace(/,/g, ""));
  return parseChineseNumeral(text);
}
