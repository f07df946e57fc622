import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, decodeUnlabelled, findByteOrderMark, scoreCommonHan, toHex } from "../../../src/pipeline/decode/encoding.ts";

const simplified = "会议强调，要加强对重点场所的管控，核酸检测要高质量开展。";
const traditional = "會議強調，要加強對重點場所的管控，核酸檢測要高質量開展。";

describe("decodeBytes(bytes, encoding, start)", () => {
  it("replaces a truncated UTF-8 sequence at the end by one U+FFFD", () => {
    const result = decodeBytes(Uint8Array.from([0x41, 0xe5, 0x8c]), "utf-8");
    expect(result.text).toBe("A\uFFFD");
    expect(result.invalid.map((r) => [r.byteOffset, toHex(r.bytes), r.at])).toEqual([[1, "E5 8C", 1]]);
  });

  it("rejects UTF-8 overlongs and surrogates", () => {
    expect(decodeBytes(Uint8Array.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), "utf-8").text).toBe("\uFFFD");
  });

  it("decodes from `start` (after a BOM) with file byte offsets", () => {
    const result = decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xff]), "utf-8-bom", 3);
    expect([result.text, result.invalid[0]?.byteOffset]).toEqual(["A\uFFFD", 4]);
  });

  it("reads a GB18030 lead byte followed by ASCII as one bad byte and keeps the ASCII", () => {
    expect(decodeBytes(Uint8Array.from([0xb1, 0x20]), "gb18030").text).toBe("\uFFFD ");
  });
});

describe("scoreCommonHan(decoded)", () => {
  it("scores the right reading far above the wrong one", () => {
    const gbk = iconv.encode(simplified, "gbk");
    expect(scoreCommonHan(decodeBytes(gbk, "gb18030"))).toBe(1);
    expect(scoreCommonHan(decodeBytes(gbk, "big5"))).toBeLessThan(0.7);
    const big5 = iconv.encode(traditional, "big5");
    expect(scoreCommonHan(decodeBytes(big5, "big5"))).toBe(1);
    expect(scoreCommonHan(decodeBytes(big5, "gb18030"))).toBeLessThan(0.7);
  });

  it("is 0 without Han text", () => {
    expect(scoreCommonHan(decodeBytes(new TextEncoder().encode("abc"), "utf-8"))).toBe(0);
  });
});

describe("scoreCommonHan(decoded) on rare Han", () => {
  it.each([
    ["中〇", 0.5],
    ["中𠮷", 0.5],
    ["中⺁", 0.5],
    ["中国", 1],
  ])("counts the rare one in %j as Han: %d", (text, expected) => {
    expect(scoreCommonHan(decodeBytes(new TextEncoder().encode(text), "utf-8"))).toBe(expected);
  });
});

describe("decodeUnlabelled(bytes)", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(simplified), "utf-8"],
    ["GBK", iconv.encode(simplified, "gbk"), "gb18030"],
    ["GBK Traditional", iconv.encode(traditional, "gbk"), "gb18030"],
    ["Big5", iconv.encode(traditional, "big5"), "big5"],
  ])("picks %s as %s", (_, bytes, encoding) => {
    expect(decodeUnlabelled(bytes)[0]?.encoding).toBe(encoding);
  });

  it("returns valid UTF-8 alone, without trying the legacy readings", () => {
    expect(decodeUnlabelled(new TextEncoder().encode(simplified)).map((d) => d.encoding)).toEqual(["utf-8"]);
  });

  it("puts UTF-8 with a damaged byte first when its Han text is more common than the legacy readings", () => {
    const bytes = new TextEncoder().encode(simplified);
    bytes[bytes.length - 1] = 0xff;
    expect(decodeUnlabelled(bytes).map((d) => d.encoding)).toEqual(["utf-8", "gb18030", "big5"]);
  });
});

describe("findByteOrderMark(bytes)", () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x41], { encoding: "utf-8-bom", length: 3 }],
    [[0xff, 0xfe, 0x41, 0x00], { encoding: "utf-16le", length: 2 }],
    [[0xfe, 0xff, 0x00, 0x41], { encoding: "utf-16be", length: 2 }],
    [[0x41], undefined],
  ])("%j → %j", (bytes, expected) => {
    expect(findByteOrderMark(Uint8Array.from(bytes))).toEqual(expected);
  });
});
