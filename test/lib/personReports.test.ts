import { describe, expect, it } from "vitest";
import { findOtherReports } from "../../src/lib/personReports.ts";

const people = [{ name: "蔡奇", roles: ["市委书记"], organisations: ["市委"], doc_ids: ["026", "000_76bc26fd7b02b4ab", "025"], sources: [{ doc_id: "026", span: [0, 2] as [number, number] }] }];

describe("findOtherReports(name, people, docId)", () => {
  it("lists the other reports naming the person", () => expect(findOtherReports("蔡奇", people, "026")).toEqual(["000_76bc26fd7b02b4ab", "025"]));
  it("is empty for an unknown name", () => expect(findOtherReports("张三", people, "026")).toEqual([]));
});
