/**
 * Test helper: a small, deterministic stand-in for decode + clean, so that parse unit tests can
 * start from plain text. It drops obvious page chrome and lifts metadata the way the clean stage's
 * contract describes (`MetadataKey` in records.ts). Not a cleaner: no pinyin, no script conversion.
 * (The corpus test uses the real stages.)
 */
import { parse as parseYaml } from "yaml";
import { identityMap, MappedTextBuilder } from "../../../src/pipeline/clean/offsets.ts";
import { normalizeFrontMatter } from "../../../src/pipeline/parse/supplied.ts";
import type { CleanText, DecodedText, MetadataField, MetadataKey, SuppliedFields } from "../../../src/pipeline/records.ts";

const CHROME_LINE =
  /^(?:首页|首頁|当前位置|您现在的位置|当前所在|新闻$|北晚首页|新闻北京|国关要闻|打造网上|欢迎访问|登录|聚热点|地方联播|新农村网|打开APP|温馨提示|两步用|轻点|选择用|微信图片_|文章图片|文字变小|图源|机化性肺炎|人气|\d+$|!\[|---$|`)/;
const TAIL_LINE =
  /^(?:上一条|下一条|相关阅读|推荐阅读|24小时热点|搜索建议|查看完整版本|下载观察者|版权声明|免责声明|消息来源|本文标签|标签[:：]|与我们联系|最热评论|热门标签|\*校对)/;
const BREADCRUMB = /(?:\s[>»]\s|->|首页\s*[>»])/;

interface Lifted {
  key: MetadataKey;
  /** [start, end) of the value in the line */
  at: [number, number];
}

/** Metadata in one line: what to lift and which [start, end) ranges of the line to remove. */
function liftLine(line: string): { fields: Lifted[]; remove: Array<[number, number]> } {
  const fields: Lifted[] = [];
  const remove: Array<[number, number]> = [];
  const lift = (key: MetadataKey, m: RegExpExecArray, group: number, whole: [number, number]) => {
    const value = m[group]!;
    const start = m.index + m[0].indexOf(value);
    fields.push({ key, at: [start, start + value.length] });
    remove.push(whole);
  };
  let m: RegExpExecArray | null;
  if ((m = /本帖最后由\s*\S+\s*于\s*(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2})\s*编辑/.exec(line))) {
    lift("edited", m, 1, [m.index, m.index + m[0].length]);
    return { fields, remove };
  }
  if ((m = /^(?:\S+\s+-\s+)?(\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?:\s+([\u4e00-\u9fff]{2,10}))?(?:\s+([\u4e00-\u9fff]{2,3})(?=\s|$))?(?:\s+.*)?$/.exec(line))) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(line.trim())) {
      lift("time", m, 1, [0, line.length]);
      if (m[3]) fields.push({ key: "editor", at: [line.lastIndexOf(m[3]), line.lastIndexOf(m[3]) + m[3].length] });
      if (m[2]) fields.push({ key: "source", at: [line.indexOf(m[2], m.index + m[1]!.length), line.indexOf(m[2], m.index + m[1]!.length) + m[2].length] });
      return { fields, remove };
    }
  }
  for (const re of [
    /(?:发布时间|更新时间|发布日期|时间)[:：]\s*(\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)/g,
    /(?<!信息)来源[:：]\s*([^\s(（]+)/g,
    /作者[:：]\s*([^\s:：]+)(?=\s|$)/g,
    /\s(\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(?::\d{2})?)/g,
  ]) {
    for (const mm of line.matchAll(re)) {
      const key: MetadataKey = re.source.startsWith("(?:发布") || re.source.startsWith("\\s") ? "time" : re.source.includes("来源") ? "source" : "author";
      if (key === "author" && (mm[1] === "佚名" || mm[1]!.startsWith("来源"))) {
        remove.push([mm.index, mm.index + mm[0].length]);
        continue;
      }
      const start = mm.index + mm[0].length - mm[1]!.length;
      fields.push({ key, at: [start, start + mm[1]!.length] });
      remove.push([mm.index, mm.index + mm[0].length]);
    }
  }
  if (fields.length > 0) {
    // 发布开发区:… 人气: 点击: after the fields on a metadata line are chrome too.
    for (const mm of line.matchAll(/(?:发布开发区|人气|点击|阅读)[:：]\S*/g)) remove.push([mm.index, mm.index + mm[0].length]);
    return { fields, remove };
  }
  if ((m = /^[(（【]?(?:责任编辑|责编|整理编辑|编辑)[:：]\s*([^)）】\s]+)/.exec(line))) {
    const start = m.index + m[0].length - m[1]!.length;
    fields.push({ key: "editor", at: [start, start + m[1]!.length] });
    remove.push([0, line.length]);
    return { fields, remove };
  }
  if ((m = /^(本报讯|本报北京今日电|[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日电)\s*[(（]([^)）]*)[)）]/.exec(line))) {
    fields.push({ key: "dateline", at: [0, m[1]!.length] });
    reporterNames(m.index + m[0].indexOf(m[2]!, m[1]!.length), m[2]!, fields);
    remove.push([0, m[0].length]);
    return { fields, remove };
  }
  if ((m = /^(\S+?)\s*[|｜]\s*((?:(?:实习|见习)?记者\s*[\u4e00-\u9fff]{2,3}\s*)+)$/.exec(line))) {
    reporterNames(line.indexOf(m[2]!), m[2]!, fields);
    remove.push([m[1]!.length, line.length]);
    return { fields, remove };
  }
  return { fields, remove };
}

function reporterNames(offset: number, inner: string, fields: Lifted[]): void {
  for (const mm of inner.matchAll(/(?:^|\s|记者|新闻工作者)\s*([\u4e00-\u9fff]{2,3})(?=\s|$)/g)) {
    const name = mm[1]!;
    if (/记者|中心|新闻/.test(name)) continue;
    const start = offset + mm.index + mm[0].length - name.length;
    fields.push({ key: "reporter", at: [start, start + name.length] });
  }
}

/** Plain text of a Markdown body: headings recorded, links and emphasis unwrapped, HTML tags dropped. */
function markdownText(body: string, offset: number): Array<{ text: string; start: number; heading: boolean }> {
  const out: Array<{ text: string; start: number; heading: boolean }> = [];
  let pos = offset;
  for (const raw of body.split("\n")) {
    const start = pos;
    pos += raw.length + 1;
    let line = raw.replace(/<[^>]*>/g, "").replace(/&#123;|&#125;/g, "");
    const heading = /^#{1,3}\s/.test(line);
    line = line.replace(/^#{1,6}\s+/, "").replace(/!\[[^\]]*\]\([^)]*\)/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\*\*|`/g, "");
    if (/^\s*[.{}]|^\s*[-*] \[/.test(line)) continue;
    out.push({ text: line, start, heading });
  }
  return out;
}

/** Build decode + clean stand-ins for one report text. `path` is used in issues. */
export function fakeStages(filePath: string, source: string, format: DecodedText["format"] = "text"): { decoded: DecodedText; clean: CleanText; supplied: SuppliedFields } {
  let frontMatter: Record<string, unknown> | null = null;
  let bodyAt = 0;
  const fm = /^\s*---\n([\s\S]*?)\n---\n/.exec(source);
  if (format === "markdown" && fm) {
    frontMatter = parseYaml(fm[1]!) as Record<string, unknown>;
    bodyAt = fm[0].length;
  }
  const rawLines = format === "markdown" ? markdownText(source.slice(bodyAt), bodyAt) : splitLines(source);
  const builder = new MappedTextBuilder();
  const metadata: MetadataField[] = [];
  const headings: Array<[number, number]> = [];
  for (const { text: rawLine, start: lineStart, heading } of rawLines) {
    const lead = rawLine.length - rawLine.replace(/^[\s\u3000•]+/, "").length;
    const line = rawLine.slice(lead).replace(/[\s\u3000]+$/, "");
    const at = lineStart + lead;
    if (line === "") continue;
    if (TAIL_LINE.test(line)) break;
    if (CHROME_LINE.test(line) || (BREADCRUMB.test(line) && line.length < 60)) continue;
    const { fields, remove } = liftLine(line);
    for (const f of fields) {
      metadata.push({ key: f.key, value: line.slice(f.at[0], f.at[1]).trim(), span: [at + f.at[0], at + f.at[1]] });
    }
    remove.sort((a, b) => a[0] - b[0]);
    // Keep what the metadata leaves of the line (026: the title before its time and source).
    const keep: Array<[number, number]> = [];
    let last = 0;
    for (const [s, e] of remove) {
      if (s > last) keep.push([last, s]);
      last = Math.max(last, e);
    }
    if (last < line.length) keep.push([last, line.length]);
    const pieces = keep.filter(([s, e]) => line.slice(s, e).trim() !== "");
    if (pieces.length === 0) continue;
    if (builder.length > 0) builder.insert("\n", at);
    const lineOut = builder.length;
    for (const [s, e] of pieces) {
      const ls = s + (line.slice(s, e).length - line.slice(s, e).trimStart().length);
      const le = e - (line.slice(s, e).length - line.slice(s, e).trimEnd().length);
      if (builder.length > lineOut) builder.insert(" ", at + ls);
      // Markdown lines were rewritten (links unwrapped): their characters all stand for the line start.
      if (format === "markdown") builder.insert(line.slice(ls, le), at);
      else builder.keep(source, at + ls, at + le);
    }
    if (heading) headings.push([lineOut, builder.length]);
  }
  const built = builder.build(source.length);
  const decoded: DecodedText = {
    path: filePath,
    encoding: "utf-8",
    format,
    source,
    // Decode keeps the chrome: only clean removes it.
    text: format === "markdown" ? built.text : source,
    toSource: format === "markdown" ? built.map : identityMap(source.length),
    frontMatter,
    htmlTitle: null,
    headings,
  };
  metadata.sort((a, b) => a.span[0] - b.span[0]);
  const clean: CleanText = {
    path: filePath,
    text: built.text,
    toSource: built.map,
    script: "simplified",
    metadata,
    garbled: [],
    pinyinRemoved: 0,
  };
  return { decoded, clean, supplied: normalizeFrontMatter(frontMatter, filePath, { districts: [], firstDate: "2019-12-01", today: "2026-11-26" }).fields };
}

function splitLines(source: string): Array<{ text: string; start: number; heading: boolean }> {
  const out: Array<{ text: string; start: number; heading: boolean }> = [];
  let pos = 0;
  for (const raw of source.split("\n")) {
    out.push({ text: raw.replace(/\r$/, ""), start: pos, heading: false });
    pos += raw.length + 1;
  }
  return out;
}
