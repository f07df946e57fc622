import { describe, expect, it } from "vitest";
import { compareText } from "../../src/lib/compareText.ts";

describe("compareText(a, b)", () => {
  it("orders by code unit, whatever the locale", () => {
    expect(["海淀区", "朝阳区", "东城区", "2022-05-01", "2022-04-30", ""].sort(compareText)).toEqual(["", "2022-04-30", "2022-05-01", "东城区", "朝阳区", "海淀区"]);
    expect(compareText("a", "a")).toBe(0);
    expect(compareText("B", "a")).toBeLessThan(0);
  });
});
