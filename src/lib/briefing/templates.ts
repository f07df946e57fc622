/**
 * The wording of the briefings: data/reference/briefing-templates.csv (`key,text,used_when`), one row per sentence
 * kind, with named placeholders (`{month}月{day}日0时至24时，{scope}新增本土确诊病例{confirmed}例…`). An editor changes
 * the wording there; the code decides which sentence is used and fills the placeholders from the model.
 * parseBriefingTemplates checks the file against TEMPLATE_PLACEHOLDERS, so a typo fails the build with the file
 * and line instead of printing `{confrimed}` on a published briefing.
 */
import { parseCsvRows } from "../../pipeline/parse/csvRows.ts";
import { RISK_AREA_KINDS } from "../riskAreaPeriods.ts";

/** Every sentence kind and the placeholders its template may use (what the prose code supplies). */
export const TEMPLATE_PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  "cases-with-data": ["month", "day", "scope", "confirmed", "asymptomatic"],
  "cases-zero": ["month", "day", "scope"],
  "cases-confirmed-only": ["month", "day", "scope", "confirmed"],
  "cases-asymptomatic-only": ["month", "day", "scope", "asymptomatic"],
  "cases-partial": ["month", "day", "scope", "confirmed", "asymptomatic"],
  "cases-missing": ["month", "day", "scope"],
  "change-up": ["total", "change"],
  "change-down": ["total", "change"],
  "change-same": ["total"],
  "change-missing": ["total"],
  "change-partial": ["total"],
  "trend-7day": ["from_month", "from_day", "month", "day", "last7", "previous7", "trend"],
  "trend-missing": ["month", "day"],
  "districts-with-cases": ["list"],
  "district-item": ["district", "total", "confirmed", "asymptomatic"],
  "district-item-partial": ["district", "total", "confirmed", "asymptomatic"],
  "districts-zero": [],
  "districts-missing": [],
  "districts-some-missing": ["list"],
  "districts-partial": ["list"],
  "districts-all-partial": [],
  "risk-changes": ["scope", "added", "lifted"],
  "risk-changes-added": ["scope", "added"],
  "risk-changes-lifted": ["scope", "lifted"],
  "risk-none": ["scope"],
  "risk-missing": ["scope"],
  "risk-announced": ["scope", "count"],
  "risk-district-item": ["district", "added", "lifted"],
  "risk-district-item-added": ["district", "added"],
  "risk-district-item-lifted": ["district", "lifted"],
  "risk-by-district": ["list"],
  "risk-in-force": ["scope", "list"],
  "risk-kind-item": ["kind", "count"],
  // The display name of each risk-area kind (高风险 → 高风险区): one row per kind of the schema's enums.
  ...Object.fromEntries(RISK_AREA_KINDS.map((kind) => [getKindNameKey(kind), []])),
  "directives-intro": ["scope", "count", "reports"],
  "directives-none": ["scope"],
  "reports-intro": ["scope", "count"],
  "reports-none": ["scope"],
  "week-cases": ["year", "week", "from_month", "from_day", "to_month", "to_day", "scope", "confirmed", "asymptomatic"],
  "week-cases-partial": ["scope", "missing_days", "known_days"],
  "week-cases-missing": ["year", "week", "from_month", "from_day", "to_month", "to_day", "scope"],
  "week-change-up": ["change"],
  "week-change-down": ["change"],
  "week-change-same": [],
  "week-change-missing": [],
  "week-risk": ["scope", "added", "lifted"],
  "week-risk-added": ["scope", "added"],
  "week-risk-lifted": ["scope", "lifted"],
  "week-risk-none": ["scope"],
  "week-risk-missing": ["scope"],
  "week-risk-start": ["month", "day", "list"],
  "week-risk-start-none": ["month", "day"],
  "week-risk-end": ["month", "day", "list"],
  "week-risk-end-none": ["month", "day"],
  "week-directives": ["scope", "count", "reports"],
  "week-directives-none": ["scope"],
});

/** The template key of a risk-area kind's display name: `kind-name:高风险` (its text: 高风险区). */
export function getKindNameKey(kind: string): string {
  return `kind-name:${kind}`;
}

/** The checked templates: key → text. */
export type BriefingTemplates = ReadonlyMap<string, string>;

/** The values of one sentence's placeholders: numbers (Arabic numerals, as official briefings write them) or text. */
export type TemplateValues = Readonly<Record<string, string | number>>;

const HEADER = ["key", "text", "used_when"];
const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * The templates of `csvText` (the file at `path`, repo-relative, for messages). Throws an Error whose message is
 * `path:line: what is wrong: expected X, found "Y"` for: a wrong header, a row without three fields, an unknown key,
 * a key given twice, an empty text, an unknown placeholder, a stray brace, or (line 1) a key of
 * TEMPLATE_PLACEHOLDERS with no row. All problems are reported together, one per line of the message.
 */
export function parseBriefingTemplates(csvText: string, path: string): BriefingTemplates {
  const { rows, issues } = parseCsvRows(csvText, path);
  const errors = issues.map((i) => `${path}:${i.line}: ${i.message}`);
  const header = rows[0];
  if (header === undefined || header.line !== 1 || header.fields.join(",") !== HEADER.join(",")) {
    throw new Error(`${path}:1: briefing templates header is not the expected one: expected "${HEADER.join(",")}", found ${JSON.stringify(header?.fields.join(",") ?? "")}`);
  }
  const templates = new Map<string, string>();
  for (const { line, fields } of rows.slice(1)) {
    const [key = "", text = ""] = fields;
    if (fields.length !== HEADER.length) {
      errors.push(`${path}:${line}: template row has ${fields.length} fields: expected 3 (${HEADER.join(",")}), found ${JSON.stringify(fields.join(","))}`);
      continue;
    }
    const allowed = TEMPLATE_PLACEHOLDERS[key];
    if (allowed === undefined) {
      errors.push(`${path}:${line}: template key is not known: expected one of ${Object.keys(TEMPLATE_PLACEHOLDERS).join(", ")}, found ${JSON.stringify(key)}`);
      continue;
    }
    if (templates.has(key)) {
      errors.push(`${path}:${line}: template key is given twice: expected one row per key, found ${JSON.stringify(key)} again`);
      continue;
    }
    if (text.trim() === "") {
      errors.push(`${path}:${line}: template text is empty: expected the sentence of ${JSON.stringify(key)}, found ""`);
      continue;
    }
    for (const [whole, name] of text.matchAll(PLACEHOLDER)) {
      if (!allowed.includes(name as string)) {
        const expected = allowed.length === 0 ? "no placeholder" : `one of ${allowed.map((p) => `{${p}}`).join(", ")}`;
        errors.push(`${path}:${line}: unknown placeholder in template ${JSON.stringify(key)}: expected ${expected}, found ${JSON.stringify(whole)}`);
      }
    }
    const stray = text.replace(PLACEHOLDER, "").match(/[{}]/);
    if (stray) errors.push(`${path}:${line}: template ${JSON.stringify(key)} has an unmatched brace: expected {name}, found ${JSON.stringify(text)}`);
    templates.set(key, text);
  }
  for (const key of Object.keys(TEMPLATE_PLACEHOLDERS)) {
    if (!templates.has(key) && !errors.some((e) => e.includes(JSON.stringify(key)))) {
      errors.push(`${path}:1: template is missing: expected a row with key ${JSON.stringify(key)}, found none`);
    }
  }
  if (errors.length > 0) throw new Error(errors.join("\n"));
  return templates;
}

/**
 * The sentence of `key` with its placeholders replaced by `values`. Throws (a bug of the prose code, not of the
 * file: the file was checked) when the key has no template or a placeholder has no value.
 */
export function fillTemplate(templates: BriefingTemplates, key: string, values: TemplateValues = {}): string {
  const text = templates.get(key);
  if (text === undefined) throw new Error(`briefing template is missing: expected key ${JSON.stringify(key)}, found none`);
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`briefing template ${JSON.stringify(key)} needs a value: expected ${whole}, found none`);
    return String(value);
  });
}
