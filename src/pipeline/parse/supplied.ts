/**
 * Supplied fields: facts an editor gives beside a report, in a sidecar `NAME.meta.yaml` or in the
 * YAML front matter of a Markdown report. They win over what the pipeline extracts, and the dataset
 * records which fields were supplied.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { SUPPLIED_FIELDS, SUPPLIED_LIST_FIELDS, type SuppliedField, type SuppliedFields } from "../records.ts";
import { positionOf } from "../clean/offsets.ts";
import { beijingDateOf, daysBetween, parseDateLine, parseZonedDateTime } from "./date.ts";

type FieldName = SuppliedField;

/** Keys a sidecar may use, and the field each fills. Editors write the dataset's own column names. */
const SIDECAR_KEYS: Record<string, FieldName> = Object.fromEntries(SUPPLIED_FIELDS.map((field) => [field, field]));

/**
 * Front matter comes from many tools (Hexo, Jekyll, hand-written): these are the keys they use for our
 * fields. The dataset's own names come first and win over these aliases, which win in this order.
 */
const FRONT_MATTER_KEYS: Record<string, FieldName> = {
  ...SIDECAR_KEYS,
  date: "published_date",
  published: "published_date",
  author: "source",
  link: "url",
  source_url: "url",
};

const LIST_FIELDS = new Set<FieldName>(SUPPLIED_LIST_FIELDS);
const DATE_FIELDS = new Set<FieldName>(["published_date", "event_date"]);

/**
 * Normalise a date an editor typed to YYYY-MM-DD (Beijing time), or return null when it is not a
 * calendar date. Accepts what the parse stage reads as a date line (`2022-04-13`, `2022/4/13`,
 * `2022年4月13日`) and a date-time with a zone (`Fri, 05 Nov 2021 23:53:31 GMT`,
 * `2021-11-05T23:53:31Z`), which is converted to Beijing's date.
 */
export function normalizeSuppliedDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : beijingDateOf(value);
  if (typeof value !== "string") return null;
  const line = parseDateLine(value);
  if (line !== null) return line.iso;
  return parseZonedDateTime(value);
}

/** What supplied values are checked against. */
export interface SuppliedContext {
  /** the official names of Beijing's districts */
  districts: readonly string[];
  /** YYYY-MM-DD: dates before it, or after `today`, are suspicious */
  firstDate: string;
  today: string;
}

interface RawField {
  key: string;
  value: unknown;
  /** [start, end) of the value in the YAML text, when known */
  range: [number, number] | null;
}

/**
 * Read a sidecar `NAME.meta.yaml`. Returns the supplied fields and issues: YAML errors
 * (`sidecar-invalid`), unknown keys (`sidecar-field-unknown`, warning), values of the wrong kind and
 * dates that are not dates (`date-invalid`), each at its line and column in the sidecar.
 */
export function parseSidecar(text: string, path: string, ctx: SuppliedContext): { fields: SuppliedFields; issues: Issue[] } {
  const issues: Issue[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const pos = positionOf(text, error.pos[0]);
    issues.push({
      code: "sidecar-invalid",
      severity: "error",
      path,
      line: pos.line,
      column: pos.column,
      message: `sidecar is not valid YAML: expected \`field: value\` lines, found ${quoteFound(text.slice(error.pos[0], error.pos[0] + 30).split("\n")[0] ?? "")} (${error.message.split("\n")[0]})`,
      hint: "write one `field: value` per line, e.g. `published_date: 2022-04-13`",
    });
  }
  if (doc.errors.length > 0) return { fields: {}, issues };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { fields: {}, issues };
  if (!isMap(contents)) {
    issues.push({
      code: "sidecar-invalid",
      severity: "error",
      path,
      line: 1,
      column: 1,
      message: `sidecar is not a mapping: expected \`field: value\` lines, found ${quoteFound(text.trim())}`,
    });
    return { fields: {}, issues };
  }
  const raw: RawField[] = [];
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const node = pair.value as YamlNode | null;
    const range = node?.range ? ([node.range[0], node.range[1]] as [number, number]) : null;
    raw.push({ key, value: node ? toPlain(node) : null, range });
  }
  return normalizeFields(raw, SIDECAR_KEYS, { path, text, unknownKeys: "warn" }, ctx, issues);
}

/**
 * Supplied fields from a Markdown report's front matter (already parsed by decode). Keys that other
 * tools write and we have no column for (categories, thumbnail) are ignored: front matter is often
 * an export, not written for us. Positions refer to the report file itself: with `located` (the decoded file and
 * the spans of the values in it, DecodedText.frontMatterSpans) an issue names the value's line and column; without,
 * the file only.
 */
export function normalizeFrontMatter(
  frontMatter: Record<string, unknown> | null,
  path: string,
  ctx: SuppliedContext,
  located: { source: string; spans: Readonly<Record<string, [number, number]>> } | null = null,
): { fields: SuppliedFields; issues: Issue[] } {
  if (!frontMatter) return { fields: {}, issues: [] };
  // Our own names first, then the aliases in declared order: `source:` wins over `author:`.
  const order = Object.keys(FRONT_MATTER_KEYS);
  const raw = Object.keys(frontMatter)
    .sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity) || (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, value: frontMatter[key], range: located?.spans[key] ?? null }));
  return normalizeFields(raw, FRONT_MATTER_KEYS, { path, text: located?.source ?? null, unknownKeys: "ignore" }, ctx, []);
}

/** Sidecar fields win over front matter fields. */
export function mergeSupplied(sidecar: SuppliedFields, frontMatter: SuppliedFields): SuppliedFields {
  return { ...frontMatter, ...sidecar };
}

function toPlain(node: YamlNode): unknown {
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => (isScalar(item) ? item.value : String(item)));
  return node.toJSON();
}

function normalizeFields(
  raw: RawField[],
  keys: Record<string, FieldName>,
  where: { path: string; text: string | null; unknownKeys: "warn" | "ignore" },
  ctx: SuppliedContext,
  issues: Issue[],
): { fields: SuppliedFields; issues: Issue[] } {
  const fields: SuppliedFields = {};
  const at = (range: [number, number] | null) =>
    where.text !== null && range ? positionOf(where.text, range[0]) : { line: null, column: null };
  for (const { key, value, range } of raw) {
    const field = keys[key];
    const pos = at(range);
    if (!field) {
      if (where.unknownKeys === "warn") {
        issues.push({
          code: "sidecar-field-unknown",
          severity: "warning",
          path: where.path,
          ...pos,
          message: `unknown field: expected one of ${Object.keys(keys).join(", ")}, found ${quoteFound(key)}`,
        });
      }
      continue;
    }
    if (value === null || value === undefined || value === "") continue;
    if (fields[field] !== undefined) continue; // the first key that fills a field wins (see FRONT_MATTER_KEYS)
    if (DATE_FIELDS.has(field)) {
      const date = normalizeSuppliedDate(value);
      if (date === null) {
        issues.push({
          code: "date-invalid",
          severity: "error",
          path: where.path,
          ...pos,
          message: `${field} is not a date: expected YYYY-MM-DD or 2022年1月3日, found ${quoteFound(String(value))}`,
        });
        continue;
      }
      if (daysBetween(ctx.firstDate, date) < 0 || daysBetween(date, ctx.today) < 0) {
        issues.push({
          code: "date-out-of-range",
          severity: "warning",
          path: where.path,
          ...pos,
          message: `${field} is out of range: expected a date from ${ctx.firstDate} to ${ctx.today}, found ${quoteFound(String(value))}`,
          hint: "check the date; if it is right, nothing to do",
        });
      }
      (fields as Record<string, unknown>)[field] = date;
      continue;
    }
    if (LIST_FIELDS.has(field)) {
      const items = Array.isArray(value) ? value.map(String) : String(value).split(/[、,，;；]/);
      let list = items.map((s) => s.trim()).filter((s) => s.length > 0);
      if (field === "districts") {
        for (const name of list.filter((d) => !ctx.districts.includes(d))) {
          issues.push({
            code: "district-unknown",
            severity: "error",
            path: where.path,
            ...pos,
            message: `supplied district is not a Beijing district: expected one of Beijing's 16 districts (${ctx.districts.slice(0, 2).join(", ")}, …), found ${quoteFound(name)}`,
            hint: "use the official name, e.g. 海淀区",
          });
        }
        list = list.filter((d) => ctx.districts.includes(d));
      }
      if (list.length > 0) (fields as Record<string, unknown>)[field] = list;
      continue;
    }
    if (typeof value === "object") {
      issues.push({
        code: "sidecar-invalid",
        severity: "error",
        path: where.path,
        ...pos,
        message: `${field} must be text: expected a single value, found ${quoteFound(JSON.stringify(value))}`,
      });
      continue;
    }
    if (field === "url" && !isWebAddress(String(value).trim())) {
      // The address becomes a link on the report's page: only a web address may.
      issues.push({
        code: "sidecar-invalid",
        severity: "error",
        path: where.path,
        ...pos,
        message: `url is not a web address: expected an address starting with http:// or https://, found ${quoteFound(String(value))}`,
      });
      continue;
    }
    (fields as Record<string, unknown>)[field] = String(value).trim();
  }
  return { fields, issues };
}

/** True for an absolute http(s) address with a host: what may be published as a link. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
