/**
 * Outlet names (媒体名称): how the names of publishers end (中新网, 北京日报, 人民日报客户端, 北京市卫生健康委) and
 * which account suffixes stand for their outlet (北京日报微信公众号 → 北京日报), from the editable
 * data/reference/outlets.csv. Headlines read them to cut a site name off a page title; bylines to tell an
 * outlet from a person, to read the outlet of a dateline and to normalise a publisher's name.
 */
import { quoteFound } from "../issues.ts";
import type { StageResult } from "../records.ts";
import { checkCsvHeader, csvRowIssue, isOneOf, parseCsvRows } from "./csvRows.ts";

/**
 * Kinds of rows of outlets.csv, by where the suffix counts:
 * - `news` (网, 报, 社, 台, 客户端): ends a publisher's name, a site name after a page title's dash, and the outlet
 *   opening a dateline (`中新网北京11月27日电`);
 * - `site` (新闻, APP): ends a publisher's name and a site name after a page title's dash;
 * - `channel` (频道): ends a site name after a page title's dash only;
 * - `publisher` (财经, 委, 中心, News): ends a publisher's name only (`作者:新浪财经` is an outlet, not a person);
 * - `account` (公众号): an account suffix cut from a publisher's name, and a name with it opening a line makes the
 *   line a byline (`北京日报微信公众号 | 记者 张力`);
 * - `social` (微博, 抖音号): an account suffix cut from a publisher's name only;
 * - `account-prefix` (官方, 微信): a word that may stand between a name and an account or social suffix, in the
 *   order of the file (`北京日报官方微信公众号`).
 */
export const OUTLET_KINDS = ["news", "site", "channel", "publisher", "account", "social", "account-prefix"] as const;

/** One of `OUTLET_KINDS`. */
export type OutletKind = (typeof OUTLET_KINDS)[number];

/** Column order of outlets.csv. */
export const OUTLETS_HEADER = ["kind", "suffix", "example", "reason"] as const;

/** One row of data/reference/outlets.csv. */
export interface OutletSuffix {
  kind: OutletKind;
  /** the suffix as written in clean Simplified text; matched case-sensitively (APP and app are two rows) */
  suffix: string;
  /** a name that ends with the suffix (`account-prefix`: that contains it), checked when the file is parsed */
  example: string;
  /** why the row exists, e.g. which report has such a name */
  reason: string;
  /** 1-based line the row starts on in the CSV */
  line: number;
}

/** The outlet suffixes, in file order. Patterns are built once per object (see getOutletPatterns): do not mutate it. */
export interface Outlets {
  suffixes: OutletSuffix[];
}

/**
 * Parse data/reference/outlets.csv (`kind,suffix,example,reason`, header first). Never throws. A row with the
 * wrong number of columns, an unknown kind, an empty or padded suffix, a suffix listed before, an example that
 * does not end with its suffix (for `account-prefix`: does not contain it), an empty reason or a malformed quote
 * is left out with an issue `schema-invalid` at `path:line`, the line the row starts on. A bad header gives a
 * null value.
 */
export function parseOutlets(csvText: string, path: string): StageResult<Outlets> {
  const { rows, issues } = parseCsvRows(csvText, path);
  const headerIssue = checkCsvHeader(path, rows, OUTLETS_HEADER, "outlets");
  if (headerIssue) return { value: null, issues: [...issues, headerIssue] };
  const suffixes: OutletSuffix[] = [];
  for (const { line, fields } of rows.slice(1)) {
    const bad = (message: string): void => void issues.push(csvRowIssue(path, line, message));
    if (fields.length !== OUTLETS_HEADER.length) {
      bad(`outlet row has the wrong number of columns: expected ${OUTLETS_HEADER.length} (${OUTLETS_HEADER.join(",")}), found ${fields.length} in ${quoteFound(fields.join(","), 60)}`);
      continue;
    }
    const [kind, suffix, example, reason] = fields as [string, string, string, string];
    if (!isOneOf(OUTLET_KINDS, kind)) {
      bad(`outlet kind is unknown: expected one of ${OUTLET_KINDS.join(", ")}, found ${quoteFound(kind)}`);
      continue;
    }
    if (suffix.trim() === "" || suffix !== suffix.trim()) {
      bad(`outlet suffix is empty or padded: expected the suffix without surrounding spaces, found ${quoteFound(suffix)}`);
      continue;
    }
    const before = suffixes.find((s) => s.suffix === suffix);
    if (before !== undefined) {
      bad(`outlet suffix is listed twice: expected each suffix once, found ${quoteFound(suffix)} again (line ${before.line} has it as ${before.kind})`);
      continue;
    }
    if (kind === "account-prefix" ? !example.includes(suffix) : !example.endsWith(suffix)) {
      bad(`outlet example does not fit its suffix: expected a name ${kind === "account-prefix" ? "containing" : "ending with"} ${quoteFound(suffix)}, found ${quoteFound(example)}`);
      continue;
    }
    if (reason.trim() === "") {
      bad(`outlet row has no reason: expected why the row exists, found ${quoteFound(reason)}`);
      continue;
    }
    suffixes.push({ kind, suffix, example, reason, line });
  }
  return { value: { suffixes }, issues };
}

/** The regular expressions the parse stage matches names against, built from one `Outlets`. */
export interface OutletPatterns {
  /**
   * A site name after a page title: `_开发区新闻` (anything after `_`), `-中新网`, `｜新闻频道` (a dash or bar, then
   * a name ending in a `news`, `site` or `channel` suffix), with the spaces around it, at the end.
   */
  siteSuffix: RegExp;
  /** A name ending in a `news`, `site` or `publisher` suffix: 中新网, 新浪财经, 北京市卫生健康委. */
  outletEnd: RegExp;
  /** A dateline `中新网北京11月27日电`: group 1 is the outlet, ending in a `news` suffix. */
  datelineOutlet: RegExp;
  /** An account suffix with its prefixes and the spaces before it, at the end: `微信公众号`, `官方微博`. */
  accountSuffix: RegExp;
  /**
   * A line opening with an `account` credit, `北京日报微信公众号 | 记者 张力`: group 1 (with its `indices`, flag d)
   * is the outlet's name, 2–20 Han or Latin letters.
   */
  accountByline: RegExp;
}

// Patterns are derived from an immutable Outlets and cached per object; they never change what a call returns.
const patternCache = new WeakMap<Outlets, OutletPatterns>();

/** The patterns of `outlets`, built on first use and cached for that object. */
export function getOutletPatterns(outlets: Outlets): OutletPatterns {
  const cached = patternCache.get(outlets);
  if (cached) return cached;
  const of = (...kinds: OutletKind[]) => alternatives(outlets.suffixes.filter((s) => kinds.includes(s.kind)).map((s) => s.suffix));
  // 官方, 微信: each may stand before the account suffix, in file order (北京日报官方微信公众号).
  const prefixes = outlets.suffixes
    .filter((s) => s.kind === "account-prefix")
    .map((s) => `(?:${escapeRegExp(s.suffix)})?`)
    .join("");
  const patterns: OutletPatterns = {
    siteSuffix: new RegExp(`\\s*(?:_\\s*[^_]{1,20}|[-–—|｜]\\s*[^-–—|｜\\s]{1,12}${of("news", "site", "channel")})\\s*$`),
    outletEnd: new RegExp(`${of("news", "site", "publisher")}$`),
    datelineOutlet: new RegExp(`^(.+?${of("news")})(?:[\\u4e00-\\u9fff]{2,3})?\\d{1,2}月\\d{1,2}日电`),
    accountSuffix: new RegExp(`\\s*${prefixes}${of("account", "social")}$`),
    accountByline: new RegExp(`^([\\u4e00-\\u9fffA-Za-z]{2,20}?)${prefixes}${of("account")}(?:\\s|[|｜]|$)`, "d"),
  };
  patternCache.set(outlets, patterns);
  return patterns;
}

/** `(?:a|b)` of the suffixes, longest first so that 日报 would win over 报; a group that never matches when there are none. */
function alternatives(suffixes: readonly string[]): string {
  if (suffixes.length === 0) return "(?!)";
  const sorted = [...suffixes].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(escapeRegExp).join("|")})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
