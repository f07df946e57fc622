import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import Papa from "papaparse";
import { getDailyBriefing, type DailyBriefing } from "../../../src/lib/briefing/dailyBriefing.ts";
import { listSentences, writeDailyProse, type BriefingSentence } from "../../../src/lib/briefing/briefingProse.ts";
import { layoutDailyBriefing, layoutWeeklyBriefing } from "../../../src/lib/briefing/briefingDocument.ts";
import { emitBriefingMarkdown } from "../../../src/lib/briefing/briefingMarkdown.ts";
import { emitBriefingWechat } from "../../../src/lib/briefing/briefingWechat.ts";
import { emitFigureCsv, listDailyFigureRows, listWeeklyFigureRows } from "../../../src/lib/briefing/briefingCsv.ts";
import { getWeeklyBriefing } from "../../../src/lib/briefing/weeklyBriefing.ts";
import { writeWeeklyProse } from "../../../src/lib/briefing/weeklyProse.ts";
import { listBriefingDates } from "../../../src/lib/briefing/briefingDates.ts";
import { getIsoWeek } from "../../../src/lib/briefing/isoWeeks.ts";
import { valueOf, type Figure } from "../../../src/lib/briefing/figure.ts";
import { readBriefingTemplates } from "../../../src/lib/briefing/templateFile.ts";
import { getTestIndex, hasDatasets, SKIP_MESSAGE } from "./briefingDatasets.ts";

if (!hasDatasets) console.warn(`briefingOutputs.test.ts: ${SKIP_MESSAGE}`);
const templates = readBriefingTemplates();
const absolute = (p: string) => `https://tongbao.example.org${p}`;

/** Placeholders that hold a number: matched as digits, so `{kind}{count}个` reads 高风险区 and 5. */
const NUMERIC = new Set(["month", "day", "from_month", "from_day", "confirmed", "asymptomatic", "total", "change", "last7", "previous7", "trend", "added", "lifted", "count", "reports"]);

/** The values of the placeholders of `template` in `text` (null when the text is not that template's sentence). */
function readPlaceholders(template: string, text: string): Record<string, string> | null {
  const parts = template.split(/\{([a-z0-9_]+)\}/);
  const source = parts.map((part, i) => (i % 2 === 1 ? `(?<${part}>${NUMERIC.has(part) ? "\\d+" : ".*?"})` : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
  const match = new RegExp(`^${source}$`).exec(text);
  return match ? { ...match.groups } : null;
}

/** The one template of `keys` whose sentence `text` is, and its placeholder values. */
function readAny(keys: readonly string[], text: string): { key: string; values: Record<string, string> } {
  for (const key of keys) {
    const values = readPlaceholders(templates.get(key) as string, text);
    if (values) return { key, values };
  }
  throw new Error(`"${text}" is none of ${keys.join(", ")}`);
}

/**
 * Checks every placeholder of every sentence of `b`'s prose against the figure it must state (not "a number found
 * somewhere in the model"): the test's own mapping of key and placeholder to figure. A key with numbers and no
 * mapping here fails. Returns how many values were checked.
 */
function checkPlaceholders(b: DailyBriefing): number {
  let checked = 0;
  const eq = (actual: string | undefined, expected: number | string | null, what: string) => {
    expect(expected, what).not.toBeNull();
    expect(actual, what).toBe(String(expected));
    checked += 1;
  };
  const scopeCases = (label: string) => (label === b.cases.label ? b.cases : b.districtCases.find((c) => c.label === label));
  const kindOf = (name: string) => b.risk.inForce.find((k) => templates.get(`kind-name:${k.kind}`) === name);
  const { month, day } = { month: Number(b.date.slice(5, 7)), day: Number(b.date.slice(8, 10)) };
  for (const s of listSentences(writeDailyProse(b, templates))) {
    const values = readPlaceholders(templates.get(s.key) as string, s.text);
    expect(values, `${s.key}: ${s.text}`).not.toBeNull();
    const v = values as Record<string, string>;
    const what = `${b.date} ${s.key}: ${s.text}`;
    if ("month" in v && s.key !== "trend-7day") {
      eq(v.month, month, what);
      eq(v.day, day, what);
    }
    switch (s.key) {
      case "cases-with-data":
      case "cases-partial":
      case "cases-confirmed-only":
      case "cases-asymptomatic-only": {
        const c = scopeCases(v.scope as string)!;
        const bound = (f: Figure) => (f.state === "missing" ? null : f.value);
        if ("confirmed" in v) eq(v.confirmed, bound(c.today.confirmed), what);
        if ("asymptomatic" in v) eq(v.asymptomatic, bound(c.today.asymptomatic), what);
        break;
      }
      case "change-up":
      case "change-down":
      case "change-same":
      case "change-missing":
      case "change-partial":
        eq(v.total, valueOf(b.cases.today.total), what);
        if ("change" in v) eq(v.change, Math.abs(valueOf(b.cases.change) ?? NaN), what);
        break;
      case "trend-7day":
        eq(v.last7, valueOf(b.cases.last7), what);
        eq(v.previous7, valueOf(b.cases.previous7), what);
        eq(`${v.from_month}-${v.from_day}`, `${Number(b.cases.days[7]!.date.slice(5, 7))}-${Number(b.cases.days[7]!.date.slice(8, 10))}`, what);
        eq(`${v.month}-${v.day}`, `${month}-${day}`, what);
        break;
      case "districts-with-cases":
        for (const item of (v.list as string).split("、")) {
          const { key, values: iv } = readAny(["district-item-partial", "district-item"], item);
          const total = scopeCases(iv.district as string)!.today.total;
          expect(total.state, `${what} ${item}`).toBe(key === "district-item" ? "known" : "lower_bound");
          eq(iv.total, total.state === "missing" ? null : total.value, `${what} ${item}`);
        }
        break;
      case "risk-changes":
      case "risk-changes-added":
      case "risk-changes-lifted":
        if ("added" in v) eq(v.added, b.risk.added.length, what);
        if ("lifted" in v) eq(v.lifted, b.risk.lifted.length, what);
        break;
      case "risk-announced":
        eq(v.count, b.risk.added.length + b.risk.lifted.length, what);
        break;
      case "risk-by-district":
        for (const item of (v.list as string).split("；")) {
          const { values: iv } = readAny(["risk-district-item", "risk-district-item-added", "risk-district-item-lifted"], item);
          const group = b.risk.byDistrict.find((g) => g.label === iv.district)!;
          if ("added" in iv) eq(iv.added, group.added.length, `${what} ${item}`);
          if ("lifted" in iv) eq(iv.lifted, group.lifted.length, `${what} ${item}`);
        }
        break;
      case "risk-in-force":
        for (const item of (v.list as string).split("、")) {
          const { values: iv } = readAny(["risk-kind-item"], item);
          eq(iv.count, kindOf(iv.kind as string)?.count ?? null, `${what} ${item}`);
        }
        break;
      case "directives-intro":
        eq(v.count, b.directives.all.length, what);
        eq(v.reports, b.directives.docIds.length, what);
        break;
      case "reports-intro":
        eq(v.count, b.reports.length, what);
        break;
      default:
        // A sentence without figures: its placeholders hold no number.
        for (const [name, value] of Object.entries(v)) if (name !== "month" && name !== "day") expect(value, `${what} {${name}}`).not.toMatch(/\d/);
    }
  }
  return checked;
}

const DAYS: Array<[string, string | undefined]> = [["2022-04-13", undefined], ["2022-04-28", undefined], ["2022-04-28", "chaoyang"], ["2022-04-13", "miyun"], ["2022-05-05", undefined], ["2022-04-22", undefined], ["2022-04-24", "chaoyang"]];

describe.skipIf(!hasDatasets)("daily prose", () => {
  it("reads as an official briefing for 2022-04-13", () => {
    const b = getDailyBriefing(getTestIndex().index, "2022-04-13");
    expect(listSentences(writeDailyProse(b, templates)).map((s) => s.text).join("")).toBe(
      "4月13日0时至24时，全市新增本土确诊病例1例、本土无症状感染者0例。合计1例，较前一日增加1例。近7日（4月7日至4月13日）累计新增本土病例24例，此前7日26例。本日暂无分区病例数据。本日无风险区域新增或移出。截至本日，全市现有高风险区1个。本日通报防控指示18条，见于1篇通报。本日发布通报1篇。",
    );
  });

  it.each(DAYS)("states each placeholder's own figure (%s %s)", (date, slug) => {
    expect(checkPlaceholders(getDailyBriefing(getTestIndex().index, date, slug))).toBeGreaterThan(1);
  });

  it("checks the placeholders of every city briefing day", () => {
    const { index } = getTestIndex();
    let checked = 0;
    for (const date of listBriefingDates(index)) checked += checkPlaceholders(getDailyBriefing(index, date));
    expect(checked).toBeGreaterThan(2000);
  });

  it("states missing data as missing: 海淀区 on 2022-04-13", () => {
    const b = getDailyBriefing(getTestIndex().index, "2022-04-13", "haidian");
    const text = listSentences(writeDailyProse(b, templates)).map((s) => s.text);
    expect(text).toEqual(["本日暂无海淀区病例数据。", "本日海淀区无风险区域新增或移出。", "本日未收录海淀区防控指示。", "本日未收录海淀区通报。"]);
    expect(text.join("")).not.toMatch(/0例/);
  });
});

describe.skipIf(!hasDatasets)("weekly briefing", () => {
  it("totals equal the sum of its days recomputed from the case rows, for every week with case data", () => {
    const { index, rows } = getTestIndex();
    // The test's own reading: the whole-day new local row of (day, scope) from case_csv (a partial row is no exact
    // count), else from a report's statement (cases, first by id) when no table row covers that day and scope.
    const isDay = (r: { window: string | null; measure: string; scope: string }) => r.window === "0-24" && r.measure === "new" && r.scope === "local";
    const totalOn = (day: string, scope: string): number | null => {
      const table = rows.caseTables.find((r) => r.date === day && r.district === scope && isDay(r) && r.layout === (scope === "北京市" ? "citywide" : "districts"));
      if (table) return table.coverage === "partial" || table.confirmed === null || table.asymptomatic === null ? null : table.confirmed + table.asymptomatic;
      const report = [...rows.caseReports].sort((x, y) => (x.id < y.id ? -1 : 1)).find((r) => r.date === day && r.district === scope && isDay(r) && (r.confirmed !== null || r.asymptomatic !== null));
      return report && report.confirmed !== null && report.asymptomatic !== null ? report.confirmed + report.asymptomatic : null;
    };
    const weeks = [...new Set(listBriefingDates(index).map(getIsoWeek))];
    let checked = 0;
    for (const week of weeks) {
      const w = getWeeklyBriefing(index, week);
      for (const c of [w.cases, ...w.districtCases]) {
        const totals = w.days.map((d) => totalOn(d, c.scope)).filter((t): t is number => t !== null);
        if (totals.length === 0) {
          expect(c.total.state, `${week} ${c.label}`).toBe("missing");
          continue;
        }
        expect(valueOf(c.total), `${week} ${c.label}`).toBe(totals.reduce((sum, t) => sum + t, 0));
        expect(c.knownDays.length, `${week} ${c.label}`).toBe(totals.length);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("2022-W17: totals, change and prose", () => {
    const w = getWeeklyBriefing(getTestIndex().index, "2022-W17");
    expect([valueOf(w.cases.confirmed), valueOf(w.cases.asymptomatic), valueOf(w.previousCases.total), valueOf(w.change)]).toEqual([295, 25, 53, 267]);
    expect(listSentences(writeWeeklyProse(w, templates)).map((s) => s.text).join("")).toBe(
      "2022年第17周（4月25日至5月1日），全市累计新增本土确诊病例295例、本土无症状感染者25例。较上周增加267例。本周新增风险区域41个，移出风险区域名单3个。周一（4月25日）全市现有高风险区1个、中风险区6个。周日（5月1日）全市现有高风险区7个、中风险区29个。本周通报防控指示5条，见于1篇通报。",
    );
    expect(w.categories.map((c) => [c.label, c.top.map((t) => `${t.label}${t.directives}`)])).toEqual([["朝阳区", ["生活物资保障2", "核酸检测1", "封控管控1"]]]);
  });
});

describe.skipIf(!hasDatasets)("outputs: Markdown, CSV, WeChat fragment", () => {
  const b = () => getDailyBriefing(getTestIndex().index, "2022-04-13");
  const doc = () => layoutDailyBriefing(b(), writeDailyProse(b(), templates));

  it("Markdown: title, sections, absolute links to each directive's report", () => {
    const md = emitBriefingMarkdown(doc(), absolute, absolute("/briefings/2022-04-13/"));
    expect(md.split("\n").slice(0, 3)).toEqual(["# 北京市疫情防控工作简报（2022年4月13日）", "", "2022年4月13日 · 网页版：<https://tongbao.example.org/briefings/2022-04-13/>"]);
    expect(md).toContain("## 防控指示");
    expect(md).toContain("[原文](https://tongbao.example.org/reports/004_d2a4c35ad713cded/#004_d2a4c35ad713cded-d001)");
    // No hash id in the text a reader sees: reports are named by title, directive links say 原文.
    expect(md.replace(/\]\([^)]*\)/g, "]")).not.toMatch(/004\\?_d2a4c35ad713cded/);
    // A directive quoted without nested “…” and without its speaker's name again: 余卫国：“要紧盯…不做‘围观者’…”.
    expect(md).toContain("密云区委书记余卫国：“要紧盯疫情防控形势,不做‘围观者’,积极主动作为。”");
    // Sources: only the rows the text uses (the city's 14 days; no district row that day), as line ranges.
    expect(md).toContain("（cases-beijing-citywide.csv 第328–341行）");
    expect(md.match(/\/reports\/004_d2a4c35ad713cded\/#004_d2a4c35ad713cded-d\d+\)/g)).toHaveLength(18);
    expect(md).toContain("| 全市 | 1 | 0 | 1 | +1 |");
    expect(md).toContain("| 海淀区 | 无数据 | 无数据 | 无数据 | 无数据 |");
    expect(md.endsWith("\n")).toBe(true);
  });

  it("CSV: every figure with its state and source; missing is empty, not 0", () => {
    const csv = emitFigureCsv(listDailyFigureRows(b()));
    const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
    expect(rows.find((r) => r.scope === "北京市" && r.figure === "confirmed")).toEqual({
      period: "2022-04-13", section: "cases", scope: "北京市", figure: "confirmed", date: "2022-04-13", state: "known", value: "1", source: "case_csv: cases-beijing-citywide.csv 第341行",
    });
    expect(rows.find((r) => r.scope === "海淀区" && r.figure === "confirmed")).toMatchObject({ state: "missing", value: "", source: "" });
    expect(rows.find((r) => r.figure === "directives")?.value).toBe("18");
    expect(csv.split("\n")[0]).toBe("period,section,scope,figure,date,state,value,source");
  });

  it("weekly CSV sums match its day rows", () => {
    const w = getWeeklyBriefing(getTestIndex().index, "2022-W17");
    const rows = listWeeklyFigureRows(w).filter((r) => r.period === "2022-W17" && r.scope === "北京市");
    const days = rows.filter((r) => r.figure === "confirmed" && r.date >= "2022-04-25" && r.date <= "2022-05-01");
    expect(days).toHaveLength(7);
    expect(days.reduce((s, r) => s + Number(r.value), 0)).toBe(Number(rows.find((r) => r.figure === "week_confirmed" && r.date === "2022-W17")?.value));
  });

  it("WeChat fragment: inline styles only, no style/script/class, same text as the laid-out document", () => {
    const html = emitBriefingWechat(doc(), [{ section: "cases", title: "图", alt: "说明", src: "https://tongbao.example.org/briefings/week/2022-W15/cases.png" }], absolute);
    expect(html).not.toMatch(/<style|<script|\sclass=/i);
    const { document } = parseHTML(html);
    expect(document.documentElement.getAttribute("lang")).toBe("zh-CN");
    expect(document.head.innerHTML).toBe('<meta charset="utf-8"><title>北京市疫情防控工作简报（2022年4月13日）（微信公众号版）</title>');
    expect(document.querySelectorAll("[style]").length).toBeGreaterThan(20);
    expect(document.querySelector("img")?.getAttribute("src")).toBe("https://tongbao.example.org/briefings/week/2022-W15/cases.png");
    for (const a of document.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https:\/\/tongbao\.example\.org\//);
    const text = document.body.textContent ?? "";
    for (const s of listSentences(writeDailyProse(b(), templates))) expect(text).toContain(s.text);
    expect(text).toContain("余卫国");
  });

  it("escapes report text in HTML and Markdown", () => {
    const d = doc();
    d.sections[0]!.blocks.unshift({ kind: "paragraph", content: ['<img src=x onerror="alert(1)"> *x* [y](z)'] });
    const html = emitBriefingWechat(d, [], absolute);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(emitBriefingMarkdown(d, absolute, "u")).toContain("\\<img src=x onerror=\"alert(1)\"\\> \\*x\\* \\[y\\](z)");
  });

  it("lays out the weekly briefing with links to its days", () => {
    const w = getWeeklyBriefing(getTestIndex().index, "2022-W15");
    const wdoc = layoutWeeklyBriefing(w, writeWeeklyProse(w, templates), new Set(["2022-04-13"]));
    expect(wdoc.title).toBe("北京市疫情防控工作周报（2022年第15周）");
    const md = emitBriefingMarkdown(wdoc, absolute, "u");
    expect(md).toContain("[2022年4月13日](https://tongbao.example.org/briefings/2022-04-13/)");
  });
});
