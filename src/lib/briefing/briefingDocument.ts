/**
 * A briefing laid out once, as sections of headings, paragraphs, tables and lists, so that the page, the WeChat
 * fragment and the Markdown say the same thing: each only renders this document in its own markup. Links are
 * site-relative (`/reports/004/#004-d001`); each renderer makes them site paths or absolute URLs.
 */
import { getDirectiveHref } from "../../charts/measuresChart.ts";
import { formatDate } from "../formatDate.ts";
import { findGenreLabel } from "../genreLabels.ts";
import type { ScopeCases } from "./caseFigures.ts";
import type { DailyBriefing } from "./dailyBriefing.ts";
import { valueOf, type Figure } from "./figure.ts";
import { getDirectiveQuote } from "./directiveQuote.ts";
import { describeSourceLines } from "./sourceLines.ts";
import { getBriefingPath, getWeeklyBriefingPath } from "./briefingPaths.ts";
import type { DailyProse, BriefingSentence } from "./briefingProse.ts";
import { getIsoWeek, splitIsoWeek } from "./isoWeeks.ts";
import type { RiskAreaEvent } from "./riskAreaChanges.ts";
import type { WeeklyBriefing } from "./weeklyBriefing.ts";
import type { WeeklyProse } from "./weeklyProse.ts";

/** Text, or a link with its text. */
export type Inline = string | { text: string; href: string };

/** One block of a section. */
export type BriefingBlock =
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "heading"; text: string }
  | { kind: "list"; items: Inline[][] }
  | { kind: "table"; id: string; caption: string; columns: Array<{ label: string; numeric: boolean }>; rows: Inline[][] };

/** A titled part of the briefing. */
export interface BriefingSection {
  /** stable id, for anchors: cases, risk-areas, directives, reports, sources */
  id: string;
  heading: string;
  blocks: BriefingBlock[];
}

/** The briefing as laid out. */
export interface BriefingDocument {
  title: string;
  /** the period, e.g. 2022年4月13日 */
  period: string;
  sections: BriefingSection[];
  /** the reports the briefing draws on (its reports and its directives' reports), sorted: their corrections show on it */
  docIds: string[];
}

/** The reports a briefing draws on: those it lists and those its directives come from, each once, sorted. */
function getBriefingDocIds(briefing: { reports: ReadonlyArray<{ id: string }>; directives: { docIds: readonly string[] } }): string[] {
  return [...new Set([...briefing.reports.map((r) => r.id), ...briefing.directives.docIds])].sort();
}

/** What a missing figure prints as: never 0. */
export const MISSING_TEXT = "无数据";

/** At most this many risk areas are listed by name; above it only the counts per district (a day in December 2022 lifted 2,930). */
export const MAX_LISTED_AREAS = 40;

/** `12`, `至少3` for a lower bound (coverage partial), or 无数据 for a missing figure. */
export function showFigure(figure: Figure): string {
  if (figure.state === "lower_bound") return `至少${figure.value}`;
  const value = valueOf(figure);
  return value === null ? MISSING_TEXT : String(value);
}

/** `+3`, `-2`, `0`, or 无数据. */
export function showChange(figure: Figure): string {
  const value = valueOf(figure);
  return value === null ? MISSING_TEXT : value > 0 ? `+${value}` : String(value);
}

function paragraph(sentences: readonly BriefingSentence[]): BriefingBlock {
  return { kind: "paragraph", content: [sentences.map((s) => s.text).join("")] };
}

/** The daily briefing `briefing` with its `prose`, laid out. Never throws on data. */
export function layoutDailyBriefing(briefing: DailyBriefing, prose: DailyProse): BriefingDocument {
  const scopeName = briefing.district?.name ?? "北京市";
  const period = formatDate(briefing.date);
  const sections: BriefingSection[] = [];

  const caseBlocks: BriefingBlock[] = [paragraph(prose.cases)];
  if (briefing.district === null) {
    caseBlocks.push({
      kind: "table",
      id: "table-districts",
      caption: `${period}各区新增本土病例`,
      columns: [{ label: "区", numeric: false }, ...caseColumns(), { label: "较前一日", numeric: true }],
      rows: [briefing.cases, ...briefing.districtCases].map((c) => [c.label, ...caseCells(c), showChange(c.change)]),
    });
  }
  caseBlocks.push({
    kind: "table",
    id: "table-trend",
    caption: `${briefing.cases.label}近14日新增本土病例`,
    columns: [{ label: "日期", numeric: false }, ...caseColumns()],
    rows: briefing.cases.days.map((d) => [formatDate(d.date), showFigure(d.confirmed), showFigure(d.asymptomatic), showFigure(d.total)]),
  });
  sections.push({ id: "cases", heading: "病例情况", blocks: caseBlocks });

  const riskBlocks: BriefingBlock[] = [paragraph(prose.risk)];
  if (briefing.risk.byDistrict.length > 0) {
    riskBlocks.push({
      kind: "table",
      id: "table-risk",
      caption: briefing.risk.covered ? `${period}风险区域新增与移出` : `${period}通报公布的风险区域变动`,
      columns: [{ label: "区", numeric: false }, { label: "新增", numeric: true }, { label: "移出", numeric: true }],
      rows: briefing.risk.byDistrict.map((g) => [g.label, String(g.added.length), String(g.lifted.length)]),
    });
    const events = [...briefing.risk.added, ...briefing.risk.lifted];
    if (events.length <= MAX_LISTED_AREAS) riskBlocks.push({ kind: "list", items: events.map(describeRiskEvent) });
    else riskBlocks.push({ kind: "paragraph", content: [`当日变动${events.length}个，逐个名单见`, { text: "风险区域名单", href: "/risk-areas/" }, "。"] });
  }
  sections.push({ id: "risk-areas", heading: "风险区域", blocks: riskBlocks });

  const directiveBlocks: BriefingBlock[] = [paragraph(prose.directives)];
  for (const group of briefing.directives.groups) {
    directiveBlocks.push({ kind: "heading", text: `${group.label}（${group.count}条）` });
    directiveBlocks.push({
      kind: "list",
      items: group.categories.flatMap((category) =>
        category.directives.map((d): Inline[] => [
          `【${category.label}】${d.speaker_role ?? ""}${d.speaker}：“${getDirectiveQuote(d.text, d.speaker)}”（`,
          { text: "原文", href: getDirectiveHref(d.id) },
          "）",
        ]),
      ),
    });
  }
  sections.push({ id: "directives", heading: "防控指示", blocks: directiveBlocks });

  const reportBlocks: BriefingBlock[] = [paragraph(prose.reports)];
  if (briefing.reports.length > 0) {
    reportBlocks.push({
      kind: "list",
      items: briefing.reports.map((doc): Inline[] => [
        { text: doc.title ?? "通报原文（无标题）", href: `/reports/${doc.id}/` },
        `（${[doc.source, findGenreLabel(doc.genre), doc.districts.join("、")].filter((s) => s !== null && s !== "").join("；")}）`,
      ]),
    });
  }
  sections.push({ id: "reports", heading: "发布通报", blocks: reportBlocks });
  sections.push({ id: "sources", heading: "数据来源", blocks: [{ kind: "list", items: listDailySources(briefing) }] });

  return { title: `${scopeName}疫情防控工作简报（${period}）`, period, sections, docIds: getBriefingDocIds(briefing) };
}

/** The weekly briefing laid out. */
export function layoutWeeklyBriefing(briefing: WeeklyBriefing, prose: WeeklyProse, dailyDates: ReadonlySet<string>): BriefingDocument {
  const { year, week } = splitIsoWeek(briefing.week);
  const period = `${formatDate(briefing.days[0] as string)}至${formatDate(briefing.days[6] as string)}`;
  const sections: BriefingSection[] = [];
  const caseRows = [briefing.cases, ...briefing.districtCases].map((c) => [c.label, showFigure(c.confirmed), showFigure(c.asymptomatic), showFigure(c.total), String(c.knownDays.length)]);
  sections.push({
    id: "cases",
    heading: "病例情况",
    blocks: [
      paragraph(prose.cases),
      {
        kind: "table",
        id: "table-week-days",
        caption: `全市每日新增本土病例（第${week}周）`,
        columns: [{ label: "日期", numeric: false }, ...caseColumns()],
        rows: briefing.cases.days.map((d) => [
          dailyDates.has(d.date) ? { text: formatDate(d.date), href: getBriefingPath(d.date) } : formatDate(d.date),
          showFigure(d.confirmed),
          showFigure(d.asymptomatic),
          showFigure(d.total),
        ]),
      },
      {
        kind: "table",
        id: "table-week-totals",
        caption: `本周与上周合计（上周：第${splitIsoWeek(briefing.previousWeek).week}周）`,
        columns: [{ label: "周次", numeric: false }, ...caseColumns(), { label: "有数据天数", numeric: true }],
        rows: [
          ["本周", showFigure(briefing.cases.confirmed), showFigure(briefing.cases.asymptomatic), showFigure(briefing.cases.total), String(briefing.cases.knownDays.length)],
          ["上周", showFigure(briefing.previousCases.confirmed), showFigure(briefing.previousCases.asymptomatic), showFigure(briefing.previousCases.total), String(briefing.previousCases.knownDays.length)],
          ["变化", "", "", showChange(briefing.change), ""],
        ],
      },
      {
        kind: "table",
        id: "table-week-districts",
        caption: `各区本周新增本土病例合计`,
        columns: [{ label: "区", numeric: false }, ...caseColumns(), { label: "有数据天数", numeric: true }],
        rows: caseRows,
      },
    ],
  });
  const riskBlocks: BriefingBlock[] = [paragraph(prose.risk)];
  if (prose.riskInForce.length > 0) riskBlocks.push({ kind: "list", items: prose.riskInForce.map((s) => [s.text]) });
  if (briefing.risk.byDistrict.length > 0) {
    riskBlocks.push({
      kind: "table",
      id: "table-week-risk",
      caption: briefing.risk.covered ? "本周风险区域新增与移出" : "本周通报公布的风险区域变动",
      columns: [{ label: "区", numeric: false }, { label: "新增", numeric: true }, { label: "移出", numeric: true }],
      rows: briefing.risk.byDistrict.map((g) => [g.label, String(g.added), String(g.lifted)]),
    });
  }
  sections.push({ id: "risk-areas", heading: "风险区域", blocks: riskBlocks });
  const measureBlocks: BriefingBlock[] = [paragraph(prose.directives)];
  if (briefing.categories.length > 0) {
    measureBlocks.push({
      kind: "table",
      id: "table-week-categories",
      caption: "各区本周最常见的防控措施类别（指示条数）",
      columns: [{ label: "区", numeric: false }, { label: "措施类别", numeric: false }],
      rows: briefing.categories.map((c) => [c.label, c.top.map((t) => `${t.label}（${t.directives}）`).join("、")]),
    });
  }
  sections.push({ id: "directives", heading: "防控措施", blocks: measureBlocks });
  const days = briefing.days.filter((d) => dailyDates.has(d));
  sections.push({
    id: "days",
    heading: "每日简报",
    blocks: [days.length === 0 ? { kind: "paragraph", content: ["本周无每日简报。"] } : { kind: "list", items: days.map((d) => [{ text: formatDate(d), href: getBriefingPath(d) }]) }],
  });
  sections.push({
    id: "sources",
    heading: "数据来源",
    blocks: [{ kind: "list", items: [["病例：北京市卫生健康委员会每日疫情通报（数据集 case_csv、cases），每日数字见上表所链接的每日简报"], ["风险区域：风险区域名单（数据集 risk_areas）"], ["防控措施：数据集 measures、directives"]] }],
  });
  return { title: `北京市疫情防控工作周报（${year}年第${week}周）`, period, sections, docIds: getBriefingDocIds(briefing) };
}

function caseColumns(): Array<{ label: string; numeric: boolean }> {
  return [{ label: "确诊病例", numeric: true }, { label: "无症状感染者", numeric: true }, { label: "合计", numeric: true }];
}

function caseCells(c: ScopeCases): string[] {
  return [showFigure(c.today.confirmed), showFigure(c.today.asymptomatic), showFigure(c.today.total)];
}

/** `新增 高风险 朝阳区 劲松街道 农光东里社区` */
function describeRiskEvent(e: RiskAreaEvent): Inline[] {
  const where = [e.district ?? e.row.district_raw ?? "未注明区", e.row.street, e.row.area].filter((s) => s !== null).join(" ");
  return [`${e.change === "added" ? "新增" : "移出"}${e.kind}：${where}`];
}

/**
 * The sources of a daily briefing: the case table lines its text and tables use (the scope's 14 days; each
 * district's day and the day before, city briefing), grouped by file as line ranges; the reports by title; the
 * datasets (a report without a title is named 原文).
 */
export function listDailySources(briefing: DailyBriefing): Inline[][] {
  const documentTitles = briefing.documentTitles;
  const items: Inline[][] = [];
  // A district's day before is used only for its change, which needs its day: 2022-04-13 has no district rows, so
  // the rows of 04-12 are not sources of it.
  const days = [...briefing.cases.days, ...briefing.districtCases.flatMap((c) => (c.today.total.state === "missing" ? [c.today] : [c.yesterday, c.today]))];
  const figures = days.flatMap((d) => [d.confirmed, d.asymptomatic]);
  const caseSources = describeSourceLines(figures.flatMap((f) => (f.state !== "missing" && f.source.dataset === "case_csv" ? [f.source] : [])));
  const reportCounts = [...new Set(figures.flatMap((f) => (f.state !== "missing" && f.source.dataset === "cases" ? [f.source.docId] : [])))].sort();
  if (caseSources !== "") items.push([`病例：北京市卫生健康委员会每日疫情通报，`, { text: "数据集 case_csv", href: "/data/case_csv.csv" }, `（${caseSources}）`]);
  if (reportCounts.length > 0) items.push(["病例（通报所述）：", ...linkReports(reportCounts, documentTitles)]);
  if (caseSources === "" && reportCounts.length === 0) items.push(["病例：本日暂无病例数据"]);
  items.push([
    "风险区域：",
    { text: "风险区域名单", href: "/risk-areas/" },
    briefing.risk.covered
      ? "（数据集 risk_areas：名单首次列入之日记为新增，最后一次列入后的第一天记为移出）"
      : "（数据集 risk_areas：本日不在名单数据覆盖的日期内，只列通报公布的区域）",
  ]);
  const docIds = [...new Set([...briefing.reports.map((d) => d.id), ...briefing.directives.docIds])].sort();
  if (docIds.length > 0) items.push(["通报：", ...linkReports(docIds, documentTitles)]);
  if (briefing.district === null) items.push(["周报：", { text: "本周周报", href: getWeeklyBriefingPath(getIsoWeek(briefing.date)) }]);
  return items;
}

/** Links to reports by title, joined by 、; a report without a title (or not in `titles`) is 原文. */
function linkReports(ids: readonly string[], titles: ReadonlyMap<string, string | null>): Inline[] {
  return ids.flatMap((id, i): Inline[] => [...(i > 0 ? ["、"] : []), { text: titles.get(id) ?? "原文", href: `/reports/${id}/` }]);
}
