import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { extractPeople, mergePeople } from "../../../src/pipeline/extract/people.ts";
import { getSpeechContext, makeDoc } from "./speechFixtures.ts";

const ctx = await getSpeechContext();
const people = (text: string) => extractPeople(makeDoc(text), ctx).rows.map((r) => [r.name, r.role, r.organisation]);

describe("extractPeople(doc, ctx)", () => {
  it.each([
    ["会议由市委书记、防控工作领导小组组长蔡奇主持,市政协主席魏小东出席。", [["蔡奇", "市委书记、防控工作领导小组组长", "市委"], ["魏小东", "市政协主席", "市政协"]]],
    ["会议由区委副书记、区长于波主持。", [["于波", "区委副书记、区长", "区委"]]],
    ["市领导夏林茂、卢彦参加。", [["夏林茂", "市领导", null], ["卢彦", "市领导", null]]],
    ["街道工委书记刘智勇、办事处主任李刚一同检查。", [["刘智勇", "街道工委书记", "街道工委"], ["李刚", "办事处主任", "办事处"]]],
    ["张立新、缪剑虹、宋玫等区领导一同参加。", [["张立新", "区领导", null], ["缪剑虹", "区领导", null], ["宋玫", "区领导", null]]],
    ["北京市委书记蔡奇于2月15日上午来到昌平区。", [["蔡奇", "北京市委书记", "北京市委"]]],
    ["陪同检查的还有北京市委教育工委办公室副主任张俊。", [["张俊", "北京市委教育工委办公室副主任", "北京市委教育工委办公室"]]],
    ["北京新冠肺炎疫情防控工作领导小组召开会议,领导班子成员参加,各区区长要留区。", []],
  ])("reads %s", (text, expected) => {
    expect(people(text)).toEqual(expected);
  });

  it("drops a one-character list member with a warning at its line and column", () => {
    const { rows, issues } = extractPeople(makeDoc("标题\n区领导马新明、杨、席成坡、任武军出席会议。"), ctx);
    expect(rows.map((r) => [r.id, r.name, r.span])).toEqual([["t1-p001", "马新明", [6, 9]], ["t1-p002", "席成坡", [12, 15]], ["t1-p003", "任武军", [16, 19]]]);
    expect(issues.map(formatIssue)).toEqual([
      'data/raw/reports/t1.txt:2:8: a name in a list of people is too short: expected 2 or 3 characters, found "杨"\n  hint: the name probably lost characters upstream; check the original page',
    ]);
  });
});

describe("mergePeople(mentions)", () => {
  it("gives one row per name with every role in order of first appearance", () => {
    const a = extractPeople(makeDoc("市委书记蔡奇主持。市委书记蔡奇强调。"), ctx).rows;
    const b = extractPeople(makeDoc("北京市委书记蔡奇来到昌平区。", { id: "t0" }), ctx).rows;
    expect(mergePeople([...a, ...b]).rows).toEqual([
      {
        name: "蔡奇",
        roles: ["北京市委书记", "市委书记"],
        organisations: ["北京市委", "市委"],
        doc_ids: ["t0", "t1"],
        sources: [{ doc_id: "t0", span: [6, 8] }, { doc_id: "t1", span: [4, 6] }],
      },
    ]);
  });
});
