import { describe, expect, it } from "vitest";
import { findDistrictUrl, sortDistricts } from "../../src/lib/districtUrl.ts";

const districts = [
  { code: "110108", name: "海淀区", short_name: "海淀", slug: "haidian" },
  { code: "110101", name: "东城区", short_name: "东城", slug: "dongcheng" },
];

describe("findDistrictUrl(name, districts)", () => {
  it.each([
    ["海淀区", "/districts/haidian/"],
    ["海淀", "/districts/haidian/"],
    ["北京市", undefined],
    [null, undefined],
  ])("%s → %s", (name, url) => expect(findDistrictUrl(name, districts)).toBe(url));
});

describe("sortDistricts(districts)", () => {
  it("orders by administrative code", () => expect(sortDistricts(districts).map((d) => d.slug)).toEqual(["dongcheng", "haidian"]));
});
