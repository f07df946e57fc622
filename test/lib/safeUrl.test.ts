import { describe, expect, it } from "vitest";
import { findSafeUrl } from "../../src/lib/safeUrl.ts";

describe("findSafeUrl(url)", () => {
  it.each([
    ["http://m.nyhtyj.com/cn/202205/t20220523.html", "http://m.nyhtyj.com/cn/202205/t20220523.html"],
    ["https://www.bjhd.gov.cn/a b", "https://www.bjhd.gov.cn/a%20b"],
    ["javascript:alert(1)", undefined],
    [" JavaScript:alert(1)", undefined],
    ["data:text/html,<script>alert(1)</script>", undefined],
    ["/reports/004/", undefined],
    ["/\\evil.example", undefined],
    ["/\t/evil.example", undefined],
    ["//evil.example/x", undefined],
    ["https:\\\\www.bjhd.gov.cn\\a", "https://www.bjhd.gov.cn/a"],
    [null, undefined],
  ])("%s → %s", (url, expected) => expect(findSafeUrl(url)).toBe(expected));
});
