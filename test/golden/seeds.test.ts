/**
 * Golden tests for the two seed reports the project was designed from (data/raw/reports/, see
 * test/golden/README.md). The expected files were reviewed by hand; review any diff like code.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/build/inputs.ts";
import { formatIssue } from "../../src/pipeline/issues.ts";
import { runPipeline, type PublishedDocument } from "../../src/pipeline/run.ts";
import { convertLines } from "../../src/pipeline/clean/traditional.ts";
import { getReference } from "../support/pipeline.ts";

const SEEDS = ["000_76bc26fd7b02b4ab", "004_d2a4c35ad713cded"];

async function publishSeeds(): Promise<Map<string, PublishedDocument>> {
  const root = process.cwd();
  const input = await readInputs(root, resolve(root, "data/raw/reports"));
  const seeds = { ...input, reports: input.reports.filter((r) => SEEDS.some((s) => r.path.includes(s))), orphanSidecars: [] };
  const result = runPipeline({ ...seeds, caseCsv: [], riskAreaCsv: [] }, await getReference(), { today: "2026-11-26" });
  expect(result.issues.filter((i) => i.severity === "error").map(formatIssue)).toEqual([]);
  return new Map(result.documents.map((d) => [d.row.id, d]));
}

const published = publishSeeds();

describe.each(SEEDS)("seed %s", (id) => {
  it("matches its golden row and text", async () => {
    const doc = (await published).get(id)!;
    await expect(`${JSON.stringify(doc.row, null, 2)}\n`).toMatchFileSnapshot(`seeds/${id}.expected.json`);
    await expect(`${doc.doc.text}\n`).toMatchFileSnapshot(`seeds/${id}.expected.txt`);
  });

  it("has no pinyin annotation, no Traditional character and no page chrome left", async () => {
    const { text } = (await published).get(id)!.doc;
    expect(text).not.toMatch(/\p{Script=Han}[(（][a-zü\u00c0-\u024f\u1e00-\u1eff]+[)）]/u);
    expect(convertLines(text).text).toBe(text);
    expect(text).not.toMatch(/版权|当前位置|表情-|责任编辑|来源:|时间:|本报讯/);
    expect(text.split("\n").every((line) => !/^\s*\d*\s*$/.test(line))).toBe(true);
  });
});

describe("seed 000 (Traditional, pinyin, Beijing Daily layout)", () => {
  it("has its pre-title, title, subtitle, reporters and district", async () => {
    const { row } = (await published).get("000_76bc26fd7b02b4ab")!;
    expect(row).toMatchObject({
      pre_title: "蔡奇到海淀区检查疫情处置工作时强调",
      title: "全面严防死守 以最快速度管控风险点阻断病毒传播",
      subtitle: "魏小东张延昆一同检查",
      reporters: ["祁梦竹", "范俊生"],
      districts: ["海淀区"],
      script: "traditional",
      // The sidecar gives the date; 昨天下午 then resolves to the day before.
      published_date: "2022-05-23",
      event_date: "2022-05-22",
      supplied: ["published_date", "url"],
    });
  });

  it("keeps real parentheses while removing annotations", async () => {
    const { text } = (await published).get("000_76bc26fd7b02b4ab")!.doc;
    expect(text).toContain("封(管)控措施");
    expect(text).toContain("社区(村)");
    expect(text).toContain("以最快速度管控风险点、阻断传播链");
  });
});

describe("seed 004 (scraped page with metadata lines and widgets)", () => {
  it("has its source, date, editor and district", async () => {
    const { row } = (await published).get("004_d2a4c35ad713cded")!;
    expect(row).toMatchObject({
      title: "密云区:紧盯形势 狠抓落实 提升能力 更快更严更紧更实打好疫情防控组合拳",
      source: "密云区文明办",
      published_date: "2022-04-13",
      editor: "王健恩",
      districts: ["密云区"],
      supplied: [],
    });
  });

  it("keeps the characters dropped upstream dropped, never guessed", async () => {
    const { text } = (await published).get("004_d2a4c35ad713cded")!.doc;
    expect(text).toContain("绝不能出现、靠、要、的现象");
    expect(text).toContain("区领导马新明、杨、席成坡、任武军出席会议");
    expect(text).toContain("加强隔离点、方等场所设施建设");
    const raw = await readFile(resolve(process.cwd(), "data/raw/reports/004_d2a4c35ad713cded.txt"), "utf8");
    const han = (s: string) => s.replace(/[^\p{Script=Han}]/gu, "");
    // Every Han character of the body survives, in order: the body is the text from 连日来 to 确保一方平安.
    const body = raw.slice(raw.indexOf("连日来"), raw.indexOf("确保一方平安。") + 7);
    expect(han(text)).toContain(han(body));
  });
});
