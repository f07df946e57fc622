import { describe, expect, it } from "vitest";
import { FALLBACK_SITE, findSiteAddressWarning, getSiteAddress } from "../../src/build/siteAddress.ts";

describe("getSiteAddress(env)", () => {
  it.each([
    [{}, "https://tongbao.example.org"],
    [{ TONGBAO_SITE: "" }, "https://tongbao.example.org"],
    [{ TONGBAO_SITE: "  " }, "https://tongbao.example.org"],
    [{ TONGBAO_SITE: "https://yq.bjchy.gov.cn/tongbao/" }, "https://yq.bjchy.gov.cn/tongbao/"],
  ])("%j → %s", (env, site) => expect(getSiteAddress(env)).toBe(site));
});

describe("findSiteAddressWarning(env)", () => {
  it("warns, naming the fallback and what to do, when TONGBAO_SITE is unset or empty", () => {
    const text =
      "TONGBAO_SITE is not set: absolute links (embed snippets, feeds, sitemap, WeChat images) use https://tongbao.example.org; set it to the public address before publishing";
    expect(findSiteAddressWarning({})).toBe(text);
    expect(findSiteAddressWarning({ TONGBAO_SITE: "" })).toBe(text);
    expect(FALLBACK_SITE).toBe("https://tongbao.example.org");
  });

  it("is null when TONGBAO_SITE is set", () => {
    expect(findSiteAddressWarning({ TONGBAO_SITE: "https://yq.bjchy.gov.cn/" })).toBeNull();
  });
});
