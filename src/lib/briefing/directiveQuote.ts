/**
 * A directive's sentence as a briefing quotes it: `余卫国：“要紧盯疫情防控形势，不做‘围观者’……”`.
 * - Quotes inside the sentence become single quotes (“围观者” → ‘围观者’), so no “…” is nested inside the quote; a
 *   stray quote mark of the source (`…查清楚。“`) is turned the same way.
 * - The speaker is named before the quote, so a lead that names the speaker again is stripped: the speaker's own
 *   name or 他/她, at most a few characters of circumstance, then 强调/指出/要求/表示 and a comma or colon
 *   (`余卫国强调,要…` → `要…`, `蔡奇在检查时强调,海淀区要…` → `海淀区要…`, `他指出：…` → `…`). A sentence that
 *   starts otherwise (`在…会议上,余卫国强调,…`) is quoted whole: cutting inside it would change what it says.
 */

/** Verbs of speech that end a lead, and the punctuation after them (the reports write both , and ，). */
const LEAD_END = "(?:强调|指出|要求|表示)[,，:：]";

/**
 * The text of `directive` to put inside “…”, with `speaker` named before it. Returns the sentence with the lead
 * stripped (see the module note) and inner double quotes made single; the sentence unchanged otherwise.
 */
export function getDirectiveQuote(text: string, speaker: string): string {
  const escaped = speaker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lead = new RegExp(`^(?:${escaped}|他|她)[^,，。:：;；“”]{0,8}?${LEAD_END}`);
  const body = text.replace(lead, "");
  return (body === "" ? text : body).replace(/“/g, "‘").replace(/”/g, "’");
}
