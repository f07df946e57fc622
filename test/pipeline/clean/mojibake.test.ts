import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../../src/pipeline/clean/mojibake.ts";

describe("repairMojibake(text)", () => {
  // The three garbled runs of the corpus. All three are GBK read one byte out of step after a lost
  // byte shown as `?`. Dropping the first byte of the run brings the reading back in step.
  it("repairs reports/026.txt: eight garbled characters re-read as 處在疫情防控的, both lost characters kept as ?", () => {
    // 仍 lost its lead byte (the first ?), 戰 its trail byte (the second ?, which also ate the `(`):
    // those two are not recoverable, the seven between them are sure (all common, found share 0.5).
    const out = repairMojibake("眼下?蕴幵谝咔榉揽氐膽?zhàn)時狀態");
    expect(out.text).toBe("眼下?處在疫情防控的?zhàn)時狀態");
    expect(out.garbled).toEqual([{ span: [2, 10], found: "?蕴幵谝咔榉揽氐膽", repairedAs: "?處在疫情防控的" }]);
  });

  it("repairs reports/031.txt: the run re-syncs at the ASCII @, the ! stands for a full-width ！", () => {
    const out = repairMojibake("19萬人?!白钤鐚嵤┓饪毓芾淼纳徶窕▓@小區正在");
    expect(out.text).toBe("19萬人?“最早實施封控管理的蓮竹花園小區正在");
    expect(out.garbled).toEqual([
      { span: [4, 19], found: "?!白钤鐚嵤┓饪毓芾淼纳徶窕▓@", repairedAs: "?“最早實施封控管理的蓮竹花園" },
    ]);
  });

  it("repairs reports/027.txt only because the pinyin after it confirms the one character", () => {
    // `?,F` has no non-ASCII character: any `?,` + letter decodes to something. 現 is accepted because
    // the annotation (xiàn) that follows is a reading of 現.
    const out = repairMojibake("管控?,F(xiàn)將具體情況通報如下");
    expect(out.text).toBe("管控?現(xiàn)將具體情況通報如下");
    expect(out.garbled).toEqual([{ span: [2, 4], found: "?,F", repairedAs: "?現" }]);
    expect(repairMojibake("管控?,F將具體情況").garbled).toEqual([]);
  });

  it("flags a garbled run it cannot re-read surely and keeps it as found", () => {
    // Cut before the closing ?: the last byte has no ? to stand for it.
    const out = repairMojibake("眼下?蕴幵谝咔榉揽");
    expect(out.text).toBe("眼下?蕴幵谝咔榉揽");
    expect(out.garbled).toEqual([{ span: [2, 9], found: "?蕴幵谝咔榉揽", repairedAs: null }]);
  });

  it.each([
    "你在网上“充电加油”嗎?",
    "吗?我们要坚持",
    "?高風險地區",
    "区领导马新明、杨、席成坡、任武军出席会议。",
    "绝不能出现、靠、要、的现象",
    "加强隔离点、方等场所设施建设",
    "韦春江书记和陶坚校长表示",
    "垡头街道垡头西里社区",
    "a?,Fb",
  ])("leaves %j alone", (text) => {
    const out = repairMojibake(text);
    expect(out.text).toBe(text);
    expect(out.garbled).toEqual([]);
  });
});
