/**
 * Headlines: the title, 引题 (pre-title, the line above the title) and 副题 (subtitle, the line
 * below it) from the block of short lines before the body of a report.
 */
import { isBylineLine } from "./bylines.ts";
import { getOutletPatterns, type Outlets } from "./outlets.ts";

/** One line of the clean text, as the headline finder sees it. */
export interface HeadlineLine {
  text: string;
  /** offset in the decoded source of the line's first character (orders lines against metadata) */
  source: number;
  /** true when the markup marks the line as a heading (`<h1>`–`<h3>`, Markdown `#`) */
  heading: boolean;
}

/** What else the page says about where its headline is. */
export interface HeadlineHints {
  /** source offsets of the chrome metadata (time, source, author, edit stamp) lifted from the page */
  metadataAt: readonly number[];
  /** source offset of the dateline (`本报讯`, `中新网北京11月27日电`), or null: the body follows it */
  datelineAt: number | null;
  /** the page's HTML `<title>`, or null */
  htmlTitle: string | null;
}

/** The headlines of a report. Absent ones are null, never made up from body text. */
export interface Headlines {
  title: string | null;
  pre_title: string | null;
  subtitle: string | null;
  /** index of the line the title was read from; null when there is none or it came from `<title>` */
  titleLine: number | null;
  /** index of the line the 引题 was read from, or null */
  preTitleLine: number | null;
  /** index of the line the 副题 was read from, or null */
  subtitleLine: number | null;
  /** index of the first body line; `lines.length` when there is no body */
  bodyLine: number;
}

// A sentence ends here: body text, not a headline.
const SENTENCE_END = /[。；;]/;
// Lines this long are paragraphs even without a full stop (002's title, the longest, has 58).
const BODY_LENGTH = 70;
// 关于旧宫镇美利新世界小区解除封控管控的通告: the heading of a notice quoted in the body.
const NOTICE_HEADING = /^关于.+的(?:通告|通知|公告|决定|公示)(?:[(（][一二三四五六七八九十\d]+[)）])?$/;
// 顺义区 / 房山区 above a section: too short to be a headline.
const SECTION_HEADING_MAX = 4;
// 蔡奇到海淀区检查疫情处置工作时强调: a 引题 ends with the verb that the title completes.
const PRE_TITLE_END = /(?:强调|指出|表示|要求|提出|寄语|号召|时说|时)[:：]?$/;
// ——记…, —魏小东张延昆一同检查: a 副题 set off by a dash.
const SUBTITLE_START = /^(?:——|—|--|－－)/;
// 原标题:0新增!… (original title) repeats the headline on syndicated pages.
const ORIGINAL_TITLE = /^\s*原标题[:：]\s*/;
// 北京:全面严防死守… repeats the title with a place prefix (the web headline of a print story).
const PREFIXED_REPEAT = /^[^\s:：]{1,8}[:：]\s*/;
/**
 * `title` without a trailing site name (`…毫不松懈_开发区新闻`, `…357例-中新网`: the site's name ends in a suffix
 * of `outlets`), trimmed; unchanged but trimmed when it has none or would keep fewer than four characters.
 */
export function stripSiteSuffix(title: string, outlets: Outlets): string {
  const stripped = title.replace(getOutletPatterns(outlets).siteSuffix, "").trim();
  return stripped.length >= 4 ? stripped : title.trim();
}

/** True when `line` reads as body text (a sentence, a long paragraph, `本报讯…`), not a headline. */
export function isBodyText(line: string): boolean {
  const text = line.trim();
  return SENTENCE_END.test(text) || Array.from(text).length >= BODY_LENGTH || /^本报讯/.test(text);
}

/**
 * Find the headlines among `lines` (the clean text, one paragraph per line) and where the body
 * starts. The headline block is the run of short lines before the first body line; when page
 * metadata (a time or source line) sits inside it, the lines before the metadata are the headline
 * (those after it are captions or repeats). Evidence for the title, in order: a repeated line
 * (`北京:` + title, `原标题:` + title, the same line twice), a heading of the markup, the HTML
 * `<title>` without its site suffix, else the first line of the block. A line above the title is a
 * 引题 only when it ends like one (`…时强调`); a line below is a 副题 when it starts with a dash or
 * a 引题 was found. Returns all null and `bodyLine: 0` when the first line is already body text,
 * except that the HTML `<title>` still gives a title then. `outlets` tells site names after a title
 * and account bylines (`北京日报微信公众号 | 记者 张力`, never a headline).
 */
export function findHeadlines(lines: readonly HeadlineLine[], hints: HeadlineHints, outlets: Outlets): Headlines {
  const htmlTitle = hints.htmlTitle === null ? null : normalizeSpace(stripSiteSuffix(hints.htmlTitle, outlets));
  const end = findBlockEnd(lines, hints);
  let block = range(0, end);
  let bodyFallback = end;
  const metadataAt = hints.metadataAt.filter((at) => end >= lines.length || at < lines[end]!.source);
  if (metadataAt.length > 0) {
    const first = Math.min(...metadataAt);
    const before = block.filter((i) => lines[i]!.source < first);
    if (before.length > 0) {
      // 012: title, 作者/来源/发布时间, then an image caption: the caption is not a 副题.
      bodyFallback = block.find((i) => lines[i]!.source >= first) ?? end;
      block = before;
    } else {
      block = block.filter((i) => lines[i]!.source >= first);
    }
  }
  // 北京日报微信公众号 | 记者 张力: a byline above the body is not a headline.
  block = block.filter((i) => !isBylineLine(lines[i]!.text, outlets));
  if (block.length === 0) {
    return { title: htmlTitle, pre_title: null, subtitle: null, titleLine: null, preTitleLine: null, subtitleLine: null, bodyLine: end };
  }

  const text = (i: number) => normalizeSpace(lines[i]!.text.replace(ORIGINAL_TITLE, ""));
  // Drop repeats, remembering which line they repeat: that line is the title.
  const kept: number[] = [];
  const dropped = new Set<number>();
  let evidence: number | null = null;
  for (const i of block) {
    const t = text(i);
    const same = kept.find((k) => text(k) === t);
    if (same !== undefined) {
      dropped.add(i);
      evidence ??= same;
      continue;
    }
    kept.push(i);
  }
  for (const i of [...kept]) {
    const t = text(i);
    const repeated = kept.find((k) => k !== i && text(k).length >= 4 && t.endsWith(text(k)) && PREFIXED_REPEAT.test(t.slice(0, t.length - text(k).length)) && t.length > text(k).length);
    if (repeated !== undefined) {
      kept.splice(kept.indexOf(i), 1);
      dropped.add(i);
      evidence ??= repeated;
    }
  }
  for (const i of kept) if (ORIGINAL_TITLE.test(lines[i]!.text)) evidence ??= i;

  const headings = kept.filter((i) => lines[i]!.heading);
  const headingMode = evidence === null && headings.length > 0;
  let titleAt: number;
  if (evidence !== null && kept.includes(evidence)) titleAt = evidence;
  else if (headingMode) titleAt = headings.reduce((a, b) => (text(b).length > text(a).length ? b : a));
  else if (htmlTitle !== null && kept.some((i) => text(i) === htmlTitle)) titleAt = kept.find((i) => text(i) === htmlTitle)!;
  else if (kept.length > 1 && PRE_TITLE_END.test(text(kept[0]!))) titleAt = kept[1]!;
  else titleAt = kept[0]!;

  const pos = kept.indexOf(titleAt);
  const above = pos > 0 ? kept[pos - 1]! : null;
  const below = pos + 1 < kept.length ? kept[pos + 1]! : null;
  const preAt =
    above !== null && PRE_TITLE_END.test(text(above)) ? above : null;
  const subAt =
    below !== null &&
    (SUBTITLE_START.test(text(below)) || preAt !== null || (headingMode && lines[below]!.heading))
      ? below
      : null;

  // The body starts after the last headline line (and the repeats right after it); lines of the
  // block that are not headlines (`信息来源:…`, a byline) belong to the body.
  let last = Math.max(titleAt, subAt ?? -1);
  while (last + 1 < end && dropped.has(last + 1)) last++;
  const bodyLine = Math.min(last + 1, bodyFallback);
  return {
    title: stripSiteSuffix(text(titleAt), outlets),
    pre_title: preAt === null ? null : text(preAt),
    subtitle: subAt === null ? null : text(subAt).replace(SUBTITLE_START, "").trim(),
    titleLine: titleAt,
    preTitleLine: preAt,
    subtitleLine: subAt,
    bodyLine,
  };
}

/** Index of the first body line: body text, the line after a dateline, or a section/notice heading. */
function findBlockEnd(lines: readonly HeadlineLine[], hints: HeadlineHints): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (isBodyText(t)) return i;
    if (hints.datelineAt !== null && line.source >= hints.datelineAt) return i;
    if (i > 0 && !line.heading && (Array.from(t).length <= SECTION_HEADING_MAX || NOTICE_HEADING.test(t))) return i;
  }
  return lines.length;
}

/** Collapse runs of spaces to one ASCII space and trim: 全面严防死守　以最快速度 → 全面严防死守 以最快速度. */
function normalizeSpace(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, " ").trim();
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}

// 首页 » 健康 » 问答 » 北京单日新增本土感染者1781例: a breadcrumb ending with the article's title.
const BREADCRUMB = /^(?:.*?[:：])?\s*首页\s*(?:[»>›]|->)(?:.*(?:[»>›]|->))?\s*([^»>›]+?)\s*$/dm;
// 查看完整版本: 北京单日新增本土感染者1781例 (a forum archive's link to the full page).
const FULL_VERSION = /^查看完整版本[:：]\s*(.+?)\s*$/dm;
// Breadcrumbs end in a section name (文字新闻, 正文, 委内新闻): a title is longer.
const NAVIGATION_TITLE_MIN = 8;

/** A title read from a page's navigation. */
export interface NavigationTitle {
  /** the title, spaces collapsed */
  title: string;
  /** [start, end) of the title in the decoded text searched */
  span: [number, number];
}

/**
 * The title as the page's navigation gives it, for pages whose headline the chrome removal took
 * away: the last item of a breadcrumb (`首页 » … » 标题`) or a forum's `查看完整版本: 标题`, when it
 * has at least eight characters (shorter ones are section names), with its span in `decodedText`
 * (the decoded text with its chrome). Returns null when neither is there.
 */
export function findNavigationTitle(decodedText: string): NavigationTitle | null {
  for (const pattern of [FULL_VERSION, BREADCRUMB]) {
    const m = pattern.exec(decodedText);
    const raw = m?.[1];
    if (m === null || raw === undefined) continue;
    const title = raw.trim();
    if (Array.from(title).length < NAVIGATION_TITLE_MIN) continue;
    const start = m.indices![1]![0] + raw.indexOf(title);
    return { title: normalizeSpace(title), span: [start, start + title.length] };
  }
  return null;
}

// <title>措施落实从严从细 屏障筑牢毫不松懈_开发区新闻</title>: the page title in an HTML source.
const TITLE_ELEMENT = /<title\b[^>]*>([^<]*?\S[^<]*?)<\/title\s*>/di;

/**
 * [start, end) in an HTML `source` of the text of its first non-empty `<title>` element (trimmed of
 * spaces): where `DecodedText.htmlTitle` was read. Returns null when the source has no such element.
 */
export function findHtmlTitleSpan(source: string): [number, number] | null {
  const m = TITLE_ELEMENT.exec(source);
  if (m === null) return null;
  const raw = m[1]!;
  const start = m.indices![1]![0] + (raw.length - raw.trimStart().length);
  return [start, start + raw.trim().length];
}
