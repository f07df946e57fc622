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

/** Every Arabic number in `text`. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** The numbers a daily briefing's prose may state: its figures, counts and the dates' parts. */
function figuresOf(b: DailyBriefing): Set<number> {
  const figures: Figure[] = [b.cases, ...b.districtCases].flatMap((c) => [c.today.confirmed, c.today.asymptomatic, c.today.total, c.last7, c.previous7, c.trend]);
  const values = figures.map(valueOf).filter((v): v is number => v !== null);
  const change = valueOf(b.cases.change);
  if (change !== null) values.push(Math.abs(change));
  const dates = [b.date, ...b.cases.days.map((d) => d.date)].flatMap((d) => [Number(d.slice(5, 7)), Number(d.slice(8, 10))]);
  const counts = [b.risk.added.length, b.risk.lifted.length, b.directives.all.length, b.directives.docIds.length, b.reports.length];
  const perDistrict = b.risk.byDistrict.flatMap((g) => [g.added.length, g.lifted.length]);
  return new Set([...values, ...dates, ...counts, ...perDistrict, ...b.risk.inForce.map((k) => k.count)]);
}

const DAYS: Array<[string, string | undefined]> = [["2022-04-13", undefined], ["2022-04-28", undefined], ["2022-04-28", "chaoyang"], ["2022-04-13", "miyun"], ["2022-05-05", undefined]];

describe.skipIf(!hasDatasets)("daily prose", () => {
  it("reads as an official briefing for 2022-04-13", () => {
    const b = getDailyBriefing(getTestIndex().index, "2022-04-13");
    expect(listSentences(writeDailyProse(b, templates)).map((s) => s.text).join("")).toBe(
      "4月13日0时至24时，全市新增本土确诊病例1例、本土无症状感染者0例。新增合计较前一日增加1例。近7日（4月7日至4月13日）累计新增本土病例24例，此前7日26例。本日无各区病例数据。本日无风险区域新增或移出。截至本日，全市在列高风险1个。本日通报防控指示18条，见于1篇通报。本日发布通报1篇。",
    );
  });

  it.each(DAYS)("has no number without a source (%s %s)", (date, slug) => {
    const b = getDailyBriefing(getTestIndex().index, date, slug);
    const allowed = figuresOf(b);
    const sentences: BriefingSentence[] = listSentences(writeDailyProse(b, templates));
    for (const s of sentences) {
      // Numbers of the wording itself (0时至24时, 近7日) are the editor's; the filled-in parts must come from the model.
      const template = templates.get(s.key) as string;
      const pattern = new RegExp(`^${template.split(/\{[a-z0-9_]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("(.*?)")}$`);
      const match = pattern.exec(s.text);
      expect(match, `${s.key}: ${s.text}`).not.toBeNull();
      for (const n of numbersIn(match!.slice(1).join(" "))) {
        expect(s.numbers, `${s.key}: ${s.text}`).toContain(n);
        expect(allowed.has(n), `${n} in ${s.text}`).toBe(true);
      }
    }
  });

  it("states missing data as missing: 海淀区 on 2022-04-13", () => {
    const b = getDailyBriefing(getTestIndex().index, "2022-04-13", "haidian");
    const text = listSentences(writeDailyProse(b, templates)).map((s) => s.text);
    expect(text).toEqual(["本日无海淀区病例数据。", "本日海淀区无风险区域新增或移出。", "本日无海淀区防控指示记录。", "本日无海淀区通报。"]);
    expect(text.join("")).not.toMatch(/0例/);
  });
});

describe.skipIf(!hasDatasets)("weekly briefing", () => {
  it("totals equal the sum of its days, for every week with case data", () => {
    const { index } = getTestIndex();
    const weeks = [...new Set(listBriefingDates(index).map(getIsoWeek))];
    let checked = 0;
    for (const week of weeks) {
      const w = getWeeklyBriefing(index, week);
      for (const c of [w.cases, ...w.districtCases]) {
        if (c.knownDays.length === 0) {
          expect(c.total.state).toBe("missing");
          continue;
        }
        const days = w.days.map((d) => getDailyBriefing(index, d)).map((b) => (c.scope === "北京市" ? b.cases : b.districtCases.find((x) => x.scope === c.scope)!));
        const sum = days.reduce((s, d) => s + (valueOf(d.today.total) ?? 0), 0);
        expect(valueOf(c.total), `${week} ${c.label}`).toBe(sum);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("2022-W17: totals, change and prose", () => {
    const w = getWeeklyBriefing(getTestIndex().index, "2022-W17");
    expect([valueOf(w.cases.confirmed), valueOf(w.cases.asymptomatic), valueOf(w.previousCases.total), valueOf(w.change)]).toEqual([295, 25, 53, 267]);
    expect(listSentences(writeWeeklyProse(w, templates)).map((s) => s.text).join("")).toBe(
      "2022年第17周（4月25日至5月1日），全市累计新增本土确诊病例295例、本土无症状感染者25例。较上周增加267例。本周新增风险区域41个，移出风险区域名单4个。本周通报防控指示5条，见于1篇通报。",
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
    expect(md).toContain("[通报 004\\_d2a4c35ad713cded](https://tongbao.example.org/reports/004_d2a4c35ad713cded/#004_d2a4c35ad713cded-d001)");
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
