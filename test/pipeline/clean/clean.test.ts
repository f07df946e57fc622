import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../../src/pipeline/clean/clean.ts";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import type { CleanText } from "../../../src/pipeline/records.ts";
import { corpusDir, decodedOf, getContext } from "./cleanFixtures.ts";

const ctx = getContext();
const hasCorpus = existsSync(corpusDir);
if (!hasCorpus) console.log(`skipping corpus tests: ${corpusDir} is absent`);

function clean(text: string, filePath = "test.txt"): CleanText {
  return cleanText(decodedOf(text, filePath), ctx).value!;
}

function fields(value: CleanText): string[] {
  return value.metadata.map((field) => `${field.key}=${field.value}`);
}

describe("cleanText(decoded, ctx)", () => {
  it("lifts a dateline and reporters and keeps the body", () => {
    const source = "本報(bào)訊(記者 祁夢(mèng)竹 范俊生)昨天下午,市委書記蔡奇到海淀區(qū)檢查。\n版權聲明:凡注明來源\n- 相關閲讀";
    const out = clean(source);
    expect(out.text).toBe("昨天下午,市委书记蔡奇到海淀区检查。");
    expect(out.script).toBe("traditional");
    expect(out.pinyinRemoved).toBe(3);
    expect(out.metadata.map((f) => [f.key, f.value, source.slice(f.span[0], f.span[1])])).toEqual([
      ["dateline", "本报讯", "本報(bào)訊"],
      ["reporter", "祁梦竹", "祁夢(mèng)竹"],
      ["reporter", "范俊生", "范俊生"],
    ]);
    expect(source.slice(out.toSource[0], out.toSource[3]! + 1)).toBe("昨天下午");
  });

  it("keeps a title with time and source appended, lifting both", () => {
    const out = clean("首頁>熱點 >\n北京:全力抓好 2020-05-19 15:00:54  來源:北京日報\n正文。");
    expect(out.text).toBe("北京:全力抓好\n正文。");
    expect(fields(out)).toEqual(["time=2020-05-19 15:00:54", "source=北京日报"]);
  });

  it("does not lift a truncated editor note", () => {
    const out = clean("会议强调,要从严从紧。\n(责任编辑:刘");
    expect(out.text).toBe("会议强调,要从严从紧。");
    expect(out.metadata).toEqual([]);
  });

  it("keeps 信息来源: as body text", () => {
    const out = clean("信息來源:北京市新型冠狀病毒肺炎疫情防控工作第316場新聞發佈會(4月26日)");
    expect(out.text).toBe("信息来源:北京市新型冠状病毒肺炎疫情防控工作第316场新闻发布会(4月26日)");
    expect(out.metadata).toEqual([]);
  });

  it("reports garbled text at its line and column in the source", () => {
    const result = cleanText(decodedOf("標題\n\n  會議指出,眼下?蕴幵谝咔榉揽氐膽?zhàn)時狀態(tài)。", "data/raw/reports/026.txt"), ctx);
    expect(result.value!.text).toBe("标题\n会议指出,眼下?处在疫情防控的?zhàn)时状态。");
    expect(result.value!.garbled).toEqual([{ span: [10, 18], found: "?蕴幵谝咔榉揽氐膽", repairedAs: "?處在疫情防控的" }]);
    expect(result.issues.map(formatIssue)).toEqual([
      'data/raw/reports/026.txt:3:10: text re-read as GBK one byte back in step: found "?蕴幵谝咔榉揽氐膽", repaired as "?處在疫情防控的"',
    ]);
  });

  it("flags garbled text it cannot repair as a warning", () => {
    const result = cleanText(decodedOf("眼下?蕴幵谝咔榉揽", "x.txt"), ctx);
    expect(result.issues.map(formatIssue)).toEqual([
      'x.txt:1:3: text is garbled and cannot be re-read surely: expected readable text, found "?蕴幵谝咔榉揽"\n  hint: the text is kept as found; supply the passage from another copy of the report',
    ]);
  });

  it.each(["", "\n", "?", "??", "(yán)", "\ud800", "本报讯(记者", "当前位置:"])("never throws on %j", (text) => {
    expect(() => cleanText(decodedOf(text), ctx)).not.toThrow();
  });
});

describe.skipIf(!hasCorpus)("cleanText on the seeds", () => {
  const seed = (prefix: string): string => {
    const name = readdirSync(path.join(corpusDir, "seeds")).find((file) => file.startsWith(prefix))!;
    return readFileSync(path.join(corpusDir, "seeds", name), "utf8");
  };

  it("seed 000: Simplified, no pinyin, no chrome, dateline and reporters lifted", () => {
    const out = clean(seed("000_"));
    expect(out.script).toBe("traditional");
    expect(out.pinyinRemoved).toBeGreaterThan(100);
    expect(out.text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u);
    expect(out.text).not.toMatch(/版权声明|^- /mu);
    expect(out.text).toContain("北京:全面严防死守 以最快速度管控风险点阻断病毒传播");
    expect(out.text).toContain("严格封(管)控区管理");
    expect(out.text).toContain("社区(村)");
    expect(out.text.split("\n")[4]!.startsWith("昨天下午,市委书记")).toBe(true);
    expect(out.text.endsWith("市领导夏林茂、卢彦参加。")).toBe(true);
    expect(fields(out)).toEqual(["dateline=本报讯", "reporter=祁梦竹", "reporter=范俊生"]);
  });

  it("seed 004: metadata lifted, widgets dropped, dropped characters unchanged", () => {
    const out = clean(seed("004_"));
    expect(out.script).toBe("simplified");
    expect(fields(out)).toEqual(["source=密云区文明办", "time=2022-04-13", "editor=王健恩"]);
    expect(out.text.split("\n")[0]).toBe("密云区:紧盯形势 狠抓落实 提升能力 更快更严更紧更实打好疫情防控组合拳");
    for (const dropped of ["绝不能出现、靠、要、的现象", "马新明、杨、席成坡", "隔离点、方等场所"]) expect(out.text).toContain(dropped);
    expect(out.text).not.toMatch(/当前位置|表情|^• 0$|责任编辑/mu);
    expect(out.text.endsWith("确保旅游市场安全稳定,确保一方平安。")).toBe(true);
    expect(out.garbled).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)("cleanText on the reports", () => {
  const report = (id: string): string => {
    const file = path.join(corpusDir, "reports", `${id}.txt`);
    const bytes = readFileSync(file);
    if (id === "013") return iconv.decode(bytes, "gb18030");
    if (id === "020") return iconv.decode(bytes, "big5");
    return bytes.toString("utf8");
  };

  it.each([
    ["002", ["time=2021-01-22 07:36", "source=识政"]],
    ["004", ["time=2022-11-25", "source=顺义区融媒体中心"]],
    ["006", ["source=延庆区创城办", "time=2021-11-18"]],
    ["008", ["time=2022-04-29 20:03:00", "source=北京纪检监察网"]],
    ["011", ["edited=2020-2-11 09:25"]],
    ["012", ["source=新闻中心", "time=2020年06月03日 13:08"]],
    ["013", ["time=2020-07-24", "source=北京市卫生健康委"]],
    ["014", ["dateline=7月9日电"]],
    ["016", ["dateline=本报北京今日电", "reporter=潘子璇"]],
    ["018", ["time=2022-05-06 17:21", "source=经济日报", "dateline=人民网北京5月6日电", "reporter=尹星云", "editor=鲍聪颖、高星"]],
    ["020", ["time=2022-03-25 14:00:08"]],
    ["021", ["source=央视网"]],
    ["022", ["editor=李平书"]],
    ["026", ["time=2020-05-19 15:00:54", "source=北京日报"]],
    ["027", ["source=人民日报客户端"]],
    ["028", ["source=北京日报", "reporter=张力", "reporter=李俊瑶"]],
    ["029", ["time=2025/4/12 19:30:00", "dateline=中新网北京11月27日电", "reporter=徐婧"]],
    ["030", ["time=2022-11-21 09:07", "source=中国新闻网", "dateline=中新网北京11月20日电", "reporter=陈杭", "editor=周驰"]],
    ["033", []],
    ["034", ["dateline=北京4月29日电", "reporter=陈杭", "time=2022-04-30", "time=2022-04-30"]],
  ])("report %s: metadata %j", (id, expected) => {
    expect(fields(clean(report(id)))).toEqual(expected);
  });

  it.each([
    ["002", "北京进入“两会”会期 疫情防控是第一位的工作必须全力以赴!蔡奇主持防控工作领导小组专题会议研究疫情处置"],
    ["004", "顺义新型冠状病毒肺炎疫情防控工作领导小组召开第二百七十次会议"],
    ["012", "北京市教工委常务副书记郑吉春同志来我校督导检查学生返校准备工作"],
    ["013", "北京昨日新增报告确诊病例为零 另有14例治愈出院"],
    ["018", "朝阳区新划定多处封控区、管控区"],
    ["021", "北京朝阳区公布新增封控、管控区域"],
    ["022", "北京大兴旧宫镇美利新世界小区多栋楼宇解封"],
    ["024", "海淀四季青镇西冉村解除全域管控"],
    ["026", "北京:全力抓好全国两会期间疫情防控与服务保障"],
    ["029", "北京单日新增本土感染者1781例"],
    ["031", "北京多区加码防控措施"],
  ])("report %s starts with its title", (id, title) => {
    expect(clean(report(id)).text.split("\n")[0]).toBe(title);
  });

  it.each([
    ["004", "激励党员干部主动担当作为。"],
    ["006", "担任疫情防控工作领导小组各工作组组长、副组长的区领导分别在主会场和视频分会场参会。"],
    ["010", "区委常委、常务副区长庆兆珅陪同调研。"],
    ["015", "以上病例已全部转往定点医院,流行病学调查已经开展,并按要求落实了各项管控措施。"],
    ["018", "并及时向社会公布有关情况。"],
    ["021", "同时用心做好居民日常生活保障以及就医购药等服务工作。"],
    ["022", "2022年2月7日"],
    ["024", "2022年6月8日"],
    ["027", "9月14日被诊断为确诊病例,临床分型为轻型。"],
    ["028", "其余各区新增较多↓↓↓"],
    ["029", "进入公共场所时主动配合扫码、测温、查验核酸阴性证明等常态化防控措施。"],
    ["030", "解除医学观察的无症状感染者67例。"],
  ])("report %s ends with its last body line", (id, ending) => {
    expect(clean(report(id)).text.endsWith(ending)).toBe(true);
  });

  it("reports 026, 027 and 031 have their garbled runs repaired", () => {
    expect(clean(report("026")).text).toContain("眼下?处在疫情防控的?zhàn)时状态");
    expect(clean(report("027")).text).toContain("各类风险人员已实行分类管控?现将具体情况通报如下");
    const r031 = clean(report("031"));
    expect(r031.text).toContain("目前已累计采样19万人?“最早实施封控管理的莲竹花园小区正在接受专家评估");
    expect(r031.text).toContain("将稳妥、安全、有序地推进解封?”支现伟说。");
    expect(r031.garbled.map((g) => r031.text.slice(g.span[0], g.span[1]))).toEqual(["?“最早实施封控管理的莲竹花园", "?”支现"]);
  });

  it("report 025 reads like reports/src/025.txt", () => {
    const out = clean(report("025"));
    const expected = readFileSync(path.join(corpusDir, "reports/src/025.txt"), "utf8").trim();
    expect(out.text.replace(/\($/u, "")).toBe(expected.replace(/。$/u, ""));
  });
});
