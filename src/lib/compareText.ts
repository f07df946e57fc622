/**
 * The one string order of the site: by UTF-16 code unit, as `<` compares, never by the machine's locale, so that
 * dist/ is the same bytes on every machine (`localeCompare()` without a locale sorts 海淀区 and 朝阳区 differently
 * under zh_CN and C).
 */

/** Negative when `a` sorts before `b`, positive after, 0 when equal: code-unit order, locale-independent. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
