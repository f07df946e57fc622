import { describe, expect, it } from "vitest";
import { findHeadlines as findHeadlinesWith, findHtmlTitleSpan, findNavigationTitle, isBodyText, stripSiteSuffix, type HeadlineHints, type HeadlineLine } from "../../../src/pipeline/parse/headlines.ts";
import { getReference } from "../../support/pipeline.ts";

const { outlets } = await getReference();
/** findHeadlines with the repository's outlets.csv. */
const findHeadlines = (lines: readonly HeadlineLine[], hints: HeadlineHints) => findHeadlinesWith(lines, hints, outlets);

const BODY = "本报讯(记者 祁梦竹 范俊生)昨天下午,市委书记蔡奇到海淀区检查疫情处置工作。";
const noHints: HeadlineHints = { metadataAt: [], datelineAt: null, htmlTitle: null };
/** Lines with source offsets 100 apart; `#` marks a heading. */
function lines(...texts: string[]): HeadlineLine[] {
  return texts.map((t, i) => ({ text: t.replace(/^# /, ""), source: i * 100, heading: t.startsWith("# ") }));
}

describe("findHeadlines(lines, hints)", () => {
  it("reads a three-line block as 引题, title, 副题", () => {
    expect(findHeadlines(lines("蔡奇到海淀区检查疫情处置工作时强调", "全面严防死守 以最快速度管控风险点阻断病毒传播", "魏小东张延昆一同检查", BODY), noHints)).toEqual({
      title: "全面严防死守 以最快速度管控风险点阻断病毒传播",
      pre_title: "蔡奇到海淀区检查疫情处置工作时强调",
      subtitle: "魏小东张延昆一同检查",
      titleLine: 1,
      preTitleLine: 0,
      subtitleLine: 2,
      bodyLine: 3,
    });
  });

  it("drops the web headline that repeats the title with a place prefix (seed 000)", () => {
    const seed = lines(
      "北京:全面严防死守 以最快速度管控风险点阻断病毒传播",
      "蔡奇到海淀区检查疫情处置工作时强调",
      "全面严防死守 以最快速度管控风险点阻断病毒传播",
      "魏小东张延昆一同检查",
      BODY,
    );
    expect(findHeadlines(seed, noHints)).toEqual({
      title: "全面严防死守 以最快速度管控风险点阻断病毒传播",
      pre_title: "蔡奇到海淀区检查疫情处置工作时强调",
      subtitle: "魏小东张延昆一同检查",
      titleLine: 2,
      preTitleLine: 1,
      subtitleLine: 3,
      bodyLine: 4,
    });
  });

  it("keeps one title when the title line repeats (019, 034)", () => {
    const h = findHeadlines(lines("北京高风险地区增至4个", "北京高风险地区增至4个", BODY), noHints);
    expect(h).toEqual({ title: "北京高风险地区增至4个", pre_title: null, subtitle: null, titleLine: 0, preTitleLine: null, subtitleLine: null, bodyLine: 2 });
  });

  it("takes a markdown heading as the title, not the byline after it (035)", () => {
    const h = findHeadlines(lines("# 北京疫情“烧”不停, 冬奥会还能按期举行吗？", "整理编辑：东京樱花团｜Garrettw", BODY), noHints);
    expect(h).toMatchObject({ title: "北京疫情“烧”不停, 冬奥会还能按期举行吗？", pre_title: null, subtitle: null, bodyLine: 1 });
  });

  it("uses the HTML title without its site suffix when the text has no headline", () => {
    expect(findHeadlines(lines(BODY), { ...noHints, htmlTitle: "措施落实从严从细 屏障筑牢毫不松懈_开发区新闻" })).toEqual({
      title: "措施落实从严从细 屏障筑牢毫不松懈",
      pre_title: null,
      subtitle: null,
      titleLine: null,
      preTitleLine: null,
      subtitleLine: null,
      bodyLine: 0,
    });
  });

  it("picks the line matching the HTML title", () => {
    const h = findHeadlines(lines("蔡奇到海淀区检查", "措施落实从严从细", BODY), { ...noHints, htmlTitle: "措施落实从严从细_开发区新闻" });
    expect(h).toMatchObject({ title: "措施落实从严从细", titleLine: 1 });
  });

  it("returns no title when the first line is body text (001)", () => {
    expect(findHeadlines(lines("8月5日晚,北京经开区防控指挥部召开第91次会议,对疫情防控工作作进一步研究和调度。"), noHints)).toEqual({
      title: null,
      pre_title: null,
      subtitle: null,
      titleLine: null,
      preTitleLine: null,
      subtitleLine: null,
      bodyLine: 0,
    });
  });

  it("stops the block at page metadata: an image caption after it is not a 副题 (012)", () => {
    const h = findHeadlines(lines("北京市教工委常务副书记郑吉春同志来我校督导检查学生返校准备工作", "郑吉春同志检查我校学生返校准备情况", BODY), {
      ...noHints,
      metadataAt: [50],
    });
    expect(h).toEqual({ title: "北京市教工委常务副书记郑吉春同志来我校督导检查学生返校准备工作", pre_title: null, subtitle: null, titleLine: 0, preTitleLine: null, subtitleLine: null, bodyLine: 1 });
  });

  it("has no title when the only lines before the body follow the metadata (006)", () => {
    expect(findHeadlines(lines("11月15日,延庆区疫情防控工作领导小组第158次调度会召开。"), { ...noHints, metadataAt: [0] }).title).toBeNull();
  });

  it("starts the body at a section heading or a quoted notice heading (031, 022)", () => {
    expect(findHeadlines(lines("北京多区加码防控措施", "顺义区", "农村地区全域实施封闭式管理", BODY), noHints)).toMatchObject({ title: "北京多区加码防控措施", subtitle: null, bodyLine: 1 });
    expect(findHeadlines(lines("北京大兴旧宫镇美利新世界小区多栋楼宇解封", "关于旧宫镇美利新世界小区解除封控管控的通告", BODY), noHints)).toMatchObject({ subtitle: null, bodyLine: 1 });
  });

  it("keeps a labelled line after the title in the body (033)", () => {
    const h = findHeadlines(lines("北京:朝阳区十八里店乡周家庄中路19号院调为高风险地区", "信息来源:第316场新闻发布会(4月26日)", BODY), noHints);
    expect(h).toMatchObject({ title: "北京:朝阳区十八里店乡周家庄中路19号院调为高风险地区", subtitle: null, bodyLine: 1 });
  });

  it("reads a dash line as the 副题 and a byline as no headline (028)", () => {
    expect(findHeadlines(lines("抗疫一线的日与夜", "——记海淀区社区工作者", BODY), noHints)).toMatchObject({ subtitle: "记海淀区社区工作者", titleLine: 0, subtitleLine: 1, bodyLine: 2 });
    expect(findHeadlines(lines("北京日报微信公众号 | 记者 张力", BODY), noHints)).toMatchObject({ title: null, bodyLine: 1 });
  });

  it("starts the body at the line after a dateline", () => {
    expect(findHeadlines(lines("新增本土感染者516例", "在20日举行的发布会上"), { ...noHints, datelineAt: 150 })).toMatchObject({ title: "新增本土感染者516例", bodyLine: 1 });
  });
});

describe("stripSiteSuffix(title)", () => {
  it.each([
    ["措施落实从严从细 屏障筑牢毫不松懈_开发区新闻", "措施落实从严从细 屏障筑牢毫不松懈"],
    ["北京11月20日0时至15时新增本土感染者516例 朝阳区357例-中新网", "北京11月20日0时至15时新增本土感染者516例 朝阳区357例"],
    ["防控|北京朝阳区:安贞里一、二、三区(除4号楼外)管控措施升级", "防控|北京朝阳区:安贞里一、二、三区(除4号楼外)管控措施升级"],
    ["北京多区加码防控措施", "北京多区加码防控措施"],
  ])("%s → %s", (title, want) => {
    expect(stripSiteSuffix(title, outlets)).toBe(want);
  });
});

describe("isBodyText(line)", () => {
  it.each([
    ["会议强调,要严格落实。", true],
    ["北京进入“两会”会期 疫情防控是第一位的工作必须全力以赴!蔡奇主持防控工作领导小组专题会议研究疫情处置", false],
    ["本报讯", true],
  ])("%s → %s", (line, want) => {
    expect(isBodyText(line)).toBe(want);
  });
});

describe("findNavigationTitle(decodedText)", () => {
  it("reads the last breadcrumb item or a forum's full-version link (029)", () => {
    expect(findNavigationTitle("机化性肺炎\n首页 » 健康 » 问答 » 北京单日新增本土感染者1781例\nXQmvkdrt - 2025/4/12")).toEqual({
      title: "北京单日新增本土感染者1781例",
      span: [21, 37],
    });
    expect(findNavigationTitle("正文\n查看完整版本: 北京单日新增本土感染者1781例 ")).toEqual({ title: "北京单日新增本土感染者1781例", span: [11, 27] });
  });
  it("returns null for a breadcrumb ending in a section name", () => {
    expect(findNavigationTitle("您现在的位置:首页 > 开发区新闻 > 顺义区 > 文字新闻\n正文")).toBeNull();
  });
});

describe("findHtmlTitleSpan(source)", () => {
  it("spans the text of the first non-empty <title>, trimmed", () => {
    const source = '<html><head><title> </title><TITLE lang="zh">\n措施落实从严从细_开发区新闻 </TITLE></head><body><h1>x</h1></body></html>';
    const span = findHtmlTitleSpan(source)!;
    expect(span).toEqual([46, 60]);
    expect(source.slice(...span)).toBe("措施落实从严从细_开发区新闻");
  });
  it("returns null for a page without a title", () => {
    expect(findHtmlTitleSpan("<html><body><p>正文</p></body></html>")).toBeNull();
  });
});
