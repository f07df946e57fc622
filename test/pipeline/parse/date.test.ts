import { describe, expect, it } from "vitest";
import { addDays, findFullDates, isCalendarDate, parseDateLine, parseDateText, resolveMonthDay } from "../../../src/pipeline/parse/date.ts";
import { findEventDateInLine, findLeadEventDate } from "../../../src/pipeline/parse/eventDate.ts";

describe("parseDateText(value)", () => {
  it.each([
    ["2022-04-13", "2022-04-13", "2022-04-13"],
    ["2022-05-06 17:21", "2022-05-06", "2022-05-06"],
    ["2020年06月03日 13:08", "2020-06-03", "2020年06月03日"],
    ["2025/4/12 19:30:00", "2025-04-12", "2025/4/12"],
    ["XQmvkdrt - 2025/4/12 19:30:00", "2025-04-12", "2025/4/12"],
    ["2020-2-11 09:25", "2020-02-11", "2020-2-11"],
    ["2020年2月29日", "2020-02-29", "2020年2月29日"],
    ["2022-13-01", null, "2022-13-01"],
    ["2022年2月29日", null, "2022年2月29日"],
    ["2022年2月30日", null, "2022年2月30日"],
  ])("reads %s as %s", (value, iso, found) => {
    expect(parseDateText(value)).toMatchObject({ iso, found });
  });

  it.each(["", "11月27日", "第2022号", "2022-4月25日"])("returns null for %j", (value) => {
    expect(parseDateText(value)).toBeNull();
  });
});

describe("isCalendarDate(y, m, d)", () => {
  it.each([
    [2020, 2, 29, true],
    [2022, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2022, 4, 31, false],
    [2022, 13, 1, false],
    [2022, 0, 1, false],
  ])("%i-%i-%i is %s", (y, m, d, ok) => {
    expect(isCalendarDate(y, m, d)).toBe(ok);
  });
});

describe("addDays(iso, n)", () => {
  it.each([
    ["2020-05-19", -1, "2020-05-18"],
    ["2022-03-01", -1, "2022-02-28"],
    ["2020-03-01", -1, "2020-02-29"],
    ["2022-01-01", -1, "2021-12-31"],
    ["2021-12-31", 1, "2022-01-01"],
  ])("%s %+i is %s", (iso, n, want) => {
    expect(addDays(iso, n)).toBe(want);
  });
});

describe("parseDateLine(line)", () => {
  it("reads a line that is only a date", () => {
    expect(parseDateLine("2022年2月7日")).toEqual({ iso: "2022-02-07", found: "2022年2月7日", span: [0, 9] });
    expect(parseDateLine("  2022-04-30")).toEqual({ iso: "2022-04-30", found: "2022-04-30", span: [2, 12] });
  });
  it("returns null for a line with other words", () => {
    expect(parseDateLine("自2022年2月7日16时起")).toBeNull();
  });
});

describe("findFullDates(text)", () => {
  it("finds dates in order with spans", () => {
    expect(findFullDates("截至2022年4月25日24时,更新于2022-4-26")).toEqual([
      { iso: "2022-04-25", found: "2022年4月25日", span: [2, 12] },
      { iso: "2022-04-26", found: "2022-4-26", span: [19, 28] },
    ]);
  });
});

describe("resolveMonthDay(month, day, reference, mode)", () => {
  it.each([
    [11, 24, "2022-11-25", "before", "2022-11-24"],
    [12, 30, "2021-01-02", "before", "2020-12-30"],
    [11, 27, "2025-04-12", "before", null],
    [4, 26, "2022-04-25", "nearest", "2022-04-26"],
    [2, 9, "2020-02-11", "nearest", "2020-02-09"],
    [2, 29, "2022-03-01", "before", null],
  ] as const)("%i月%i日 against %s (%s) is %s", (m, d, ref, mode, want) => {
    expect(resolveMonthDay(m, d, ref, mode)).toBe(want);
  });
});

describe("findEventDateInLine(line, anchor)", () => {
  const published = (date: string) => ({ date, kind: "published" as const });
  it.each([
    ["昨天下午,市委书记蔡奇到海淀区检查", published("2020-05-19"), "2020-05-18"],
    ["昨天下午召开会议", published("2022-03-01"), "2022-02-28"],
    ["昨日召开会议", published("2022-01-01"), "2021-12-31"],
    ["1月20日至21日,领导小组接连召开专题会议", published("2021-01-22"), "2021-01-20"],
    ["近一段时间……。6月4日晚,区领导小组召开会议", published("2022-06-07"), "2022-06-04"],
    ["9月13日0时至24时,北京新增本土确诊病例18例", published("2022-09-14"), "2022-09-13"],
    ["2022年11月24日,领导小组举行会议", null, "2022-11-24"],
    ["在29日举行的发布会上", published("2022-04-30"), "2022-04-29"],
    ["27日召开的发布会上", published("2025-04-12"), null],
    ["11月27日0时至15时", published("2025-04-12"), null],
    ["11月5日0时至24时", null, null],
    ["昨天下午召开会议", null, null],
    ["昨天下午召开会议", { date: "2022-04-25", kind: "text" as const }, null],
    ["2月9日下午,梁士强来到街道", { date: "2020-02-11", kind: "text" as const }, "2020-02-09"],
    ["截至2022年4月25日24时,累计报告6例", null, null],
    ["(更新时间:2022年3月9日)", null, null],
    ["近14日内到过天宫院街道的人员", published("2021-01-22"), null],
  ])("%s → %s", (line, anchor, want) => {
    expect(findEventDateInLine(line, anchor)?.iso ?? null).toBe(want);
  });

  it.each([
    ["本报讯(记者 祁梦竹 范俊生)昨天下午,市委书记蔡奇到海淀区检查", "2022-05-22", "昨天", [15, 17]],
    ["近一段时间……。6月4日晚,区领导小组召开会议", "2022-06-07", "6月4日", [8, 12]],
    ["据通报,2022年11月24日,领导小组举行会议", "2022-11-30", "2022年11月24日", [4, 15]],
    ["在29日举行的发布会上", "2022-04-30", "29日", [1, 4]],
  ] as const)("spans the words the date was read from: %s", (line, date, found, span) => {
    const match = findEventDateInLine(line, { date, kind: "published" })!;
    expect([match.found, match.span]).toEqual([found, span]);
    expect(line.slice(...match.span)).toBe(found);
  });
});

describe("findLeadEventDate(lines, anchor)", () => {
  it("reads short lines before the first full sentence", () => {
    const lines = ["信息来源:第316场新闻发布会(4月26日)", "调整原因:……(截至2022年4月25日24时)。", "6月1日另有通报。"];
    expect(findLeadEventDate(lines, { date: "2022-04-25", kind: "text" })).toEqual({
      iso: "2022-04-26",
      found: "4月26日",
      span: [16, 21],
      line: 0,
    });
  });
  it("stops after the first sentence", () => {
    expect(findLeadEventDate(["会议强调,要严格落实。", "6月1日另有通报。"], { date: "2022-06-07", kind: "published" })).toBeNull();
  });
});
