/**
 * Bylines: who published a report (source), who wrote it (reporters) and who edited it (editor),
 * from the metadata the clean stage lifted out of the page and the byline lines above the body.
 */
import type { MetadataField } from "../records.ts";
import { spanInField } from "./fieldSpan.ts";
import { getOutletPatterns, type Outlets } from "./outlets.ts";

/** A byline value and where it was read. */
export interface BylineValue {
  /** the name, as the finder returns it (`北京日报` from `北京日报微信公众号`) */
  value: string;
  /**
   * where `span` points: `source`, the decoded source (a metadata field; the whole field when its
   * value is not as long as the source text, see `spanInField`); `line`, `bylineLines[line]`
   */
  in: "source" | "line";
  /** index into `bylineLines` when `in` is `line`, else null */
  line: number | null;
  /** [start, end) of the text the value was read from */
  span: [number, number];
}

// 本报 (this paper), 本台 (this station): not a name.
const SELF_REFERENCE = /^本(?:报|台|刊|网)/;
// 轉載自GNews → 转载自GNews (reposted from): a byline line above the body. The d flag gives the span of the
// name (`indices`). Account credits (北京日报微信公众号 | 记者 张力) are `accountByline` of outlets.csv.
const REPOST_FROM = /转载自\s*([A-Za-z][\w .-]{0,30}[A-Za-z]|[\u4e00-\u9fffA-Za-z]{2,20})/d;

// 整理编辑：东京樱花团｜Garrettw (compiled and edited by): an editing credit at the start of a line.
const EDITOR_CREDIT = /^(?:整理编辑|责任编辑|编辑)[:：]\s*([^\s(（)）]+)/d;
// 记者 张力, 整理编辑：东京樱花团｜Garrettw: a credit line.
const CREDIT_LINE = /^(?:(?:实习|见习|特约)?记者|通讯员|整理编辑|编辑|作者|撰文|摄影)[:：\s]/;

/**
 * True when `line` is a byline, not a headline: an account credit (`北京日报微信公众号 | 记者 张力`,
 * account suffixes of `outlets`), a repost credit (`转载自GNews`) or a credit line (`记者 陈杭`, `整理编辑：…`).
 */
export function isBylineLine(line: string, outlets: Outlets): boolean {
  const t = line.trim();
  return getOutletPatterns(outlets).accountByline.test(t) || REPOST_FROM.test(t) || CREDIT_LINE.test(t);
}

/**
 * The outlet's name without an account suffix of `outlets`: `北京日报微信公众号` → `北京日报`. Trimmed;
 * returns the name unchanged when it has no suffix or is nothing but one.
 */
export function normalizeOutlet(name: string, outlets: Outlets): string {
  const trimmed = name.trim();
  const stripped = trimmed.replace(getOutletPatterns(outlets).accountSuffix, "").trim();
  return stripped.length > 0 ? stripped : trimmed;
}

/**
 * True when `name` names an outlet rather than a person: a person is 2–4 Han characters
 * (`王健恩`) unless the name ends like an outlet in `outlets` (`新浪财经`, `央视网`); `佚名`
 * (anonymous) and `本报` (this paper) are neither.
 */
export function isOutletName(name: string, outlets: Outlets): boolean {
  const n = name.trim();
  if (n === "" || n === "佚名" || SELF_REFERENCE.test(n)) return false;
  if (getOutletPatterns(outlets).outletEnd.test(n)) return true;
  return !/^[\u4e00-\u9fff·]{1,4}$/.test(n);
}

/**
 * The outlet named by a dateline (`中新网北京11月27日电` → `中新网`: a name ending in a `news` suffix of
 * `outlets`), or null when it names none (`本报讯`, `北京4月29日电`).
 */
export function findDatelineOutlet(dateline: string, outlets: Outlets): string | null {
  const m = getOutletPatterns(outlets).datelineOutlet.exec(dateline.trim());
  if (!m || SELF_REFERENCE.test(m[1]!)) return null;
  return m[1]!;
}

/**
 * The publisher of a report: the metadata `source` (`来源:`), else an `author` that is an outlet,
 * else the outlet of the dateline, else a byline line among `bylineLines` (`北京日报微信公众号 | 记者
 * 张力`, `转载自GNews`), with where it was read: the metadata field (the outlet's part of a dateline)
 * or the name in the byline line. Outlet names and account suffixes are those of `outlets`. Returns
 * null when none names one.
 */
export function findSource(metadata: readonly MetadataField[], bylineLines: readonly string[], outlets: Outlets): BylineValue | null {
  for (const key of ["source", "author"] as const) {
    for (const field of metadata) {
      if (field.key !== key) continue;
      const name = normalizeOutlet(field.value, outlets);
      if (key === "source" ? name !== "" && name !== "佚名" : isOutletName(name, outlets)) {
        // 北京日报微信公众号 → 北京日报: the name is where the value starts, less its leading spaces.
        const at = field.value.indexOf(name);
        return { value: name, in: "source", line: null, span: spanInField(field, Math.max(at, 0), Math.max(at, 0) + name.length) };
      }
    }
  }
  for (const field of metadata) {
    if (field.key !== "dateline") continue;
    const outlet = findDatelineOutlet(field.value, outlets);
    if (outlet !== null) {
      // 中新网北京11月27日电 → 中新网: the outlet opens the (trimmed) dateline.
      const at = field.value.indexOf(outlet);
      return { value: outlet, in: "source", line: null, span: spanInField(field, at, at + outlet.length) };
    }
  }
  for (let i = 0; i < bylineLines.length; i++) {
    const line = bylineLines[i]!;
    const lead = line.length - line.trimStart().length;
    const account = getOutletPatterns(outlets).accountByline.exec(line.trim());
    if (account) {
      const [s, e] = account.indices![1]!;
      return { value: account[1]!, in: "line", line: i, span: [lead + s, lead + e] };
    }
    const repost = REPOST_FROM.exec(line);
    if (repost) {
      const name = repost[1]!.trim();
      const [s] = repost.indices![1]!;
      const at = s + repost[1]!.indexOf(name);
      return { value: name, in: "line", line: i, span: [at, at + name.length] };
    }
  }
  return null;
}

/**
 * Reporters from the metadata `reporter` fields, in order, without repeats, each with the span of
 * its first field. A one-character value (`刘`, a name cut off by truncation) is not a name and is
 * left out. Returns [] when there is none.
 */
export function findReporters(metadata: readonly MetadataField[]): BylineValue[] {
  const out: BylineValue[] = [];
  for (const field of metadata) {
    if (field.key !== "reporter") continue;
    const name = field.value.trim();
    if (!isPersonName(name) || out.some((r) => r.value === name)) continue;
    const at = field.value.indexOf(name);
    out.push({ value: name, in: "source", line: null, span: spanInField(field, at, at + name.length) });
  }
  return out;
}

/**
 * The editor from the first metadata `editor` field (`鲍聪颖、高星` kept as written), else from an
 * editing credit among `bylineLines` (`整理编辑：东京樱花团｜Garrettw`), with where it was read. A
 * credit with a team (`东京樱花团｜Garrettw`) gives the person after the bar. Returns null when there
 * is none or it was cut off to one character (`(责任编辑:刘`).
 */
export function findEditor(metadata: readonly MetadataField[], bylineLines: readonly string[] = []): BylineValue | null {
  /** a credit, and how to turn a [start, end) of it into a located value */
  const credits: Array<{ text: string; locate: (value: string, start: number) => BylineValue }> = [];
  for (const field of metadata) {
    if (field.key !== "editor") continue;
    credits.push({ text: field.value, locate: (value, start) => ({ value, in: "source", line: null, span: spanInField(field, start, start + value.length) }) });
  }
  bylineLines.forEach((line, i) => {
    const m = EDITOR_CREDIT.exec(line.trim());
    if (!m) return;
    const at = line.length - line.trimStart().length + m.indices![1]![0];
    credits.push({ text: m[1]!, locate: (value, start) => ({ value, in: "line", line: i, span: [at + start, at + start + value.length] }) });
  });
  for (const credit of credits) {
    const parts = credit.text.split(/[|｜]/).map((p) => p.trim()).filter((p) => p !== "");
    const name = parts[parts.length - 1] ?? "";
    // The last part is the last occurrence of its text: 东京樱花团｜Garrettw → Garrettw at 6.
    if (isPersonName(name)) return credit.locate(name, credit.text.lastIndexOf(name));
  }
  return null;
}

/** A name has at least two characters: `刘` alone is a name cut off by truncation. */
function isPersonName(name: string): boolean {
  return Array.from(name).length >= 2;
}
