import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/pipeline/issues.ts";
import { decodeSource } from "../../../src/pipeline/decode/source.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (path: string, bytes: Uint8Array | number[]) =>
  decodeSource({ path, bytes: bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes) });
/** The issues of a result as the build report prints them. */
const report = (path: string, bytes: Uint8Array | number[]): string[] => decode(path, bytes).issues.map(formatIssue);

describe("decodeSource(file): formats", () => {
  it.each([
    ["a.txt", "text"],
    ["a.TXT", "text"],
    ["a.html", "html"],
    ["a.htm", "html"],
    ["a.md", "markdown"],
    ["a.markdown", "markdown"],
  ])("reads %s as %s", (path, format) => {
    expect(decode(path, utf8("北京")).value?.format).toBe(format);
  });

  it("reads a .txt that is an HTML document as html", () => {
    const result = decode("r/a.txt", utf8("  \n<!DOCTYPE html><html><body><p>北京</p></body></html>"));
    expect(result.value?.format).toBe("html");
    expect(result.value?.text).toBe("北京");
  });

  it("keeps a .txt that merely mentions <html> as text", () => {
    expect(decode("a.txt", utf8("见 <html> 标签")).value?.format).toBe("text");
  });

  it("rejects other extensions", () => {
    const result = decode("data/raw/reports/a.pdf", utf8("%PDF-1.4"));
    expect(result.value).toBeNull();
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/a.pdf: file type is not supported: expected .txt, .html, .htm, .md or .markdown, found ".pdf"
        hint: convert the report to text, HTML or Markdown, or remove it from the inputs",
      ]
    `);
    expect(report("data/raw/reports/README", utf8("x"))).toMatchInlineSnapshot(`
      [
        "data/raw/reports/README: file type is not supported: expected .txt, .html, .htm, .md or .markdown, found a name without an extension
        hint: convert the report to text, HTML or Markdown, or remove it from the inputs",
      ]
    `);
  });
});

describe("decodeSource(file): empty and binary files", () => {
  it("rejects a 0-byte file", () => {
    expect(decode("e.txt", []).value).toBeNull();
    expect(report("e.txt", [])).toMatchInlineSnapshot(`
      [
        "e.txt: file is empty: expected report text, found 0 bytes
        hint: remove the file or fetch the report again",
      ]
    `);
  });

  it("rejects a BOM-only file", () => {
    expect(report("e.txt", [0xef, 0xbb, 0xbf])).toMatchInlineSnapshot(`
      [
        "e.txt: file is empty: expected report text, found only a UTF-8 byte order mark (3 bytes)
        hint: remove the file or fetch the report again",
      ]
    `);
    expect(report("e.txt", [0xff, 0xfe])).toMatchInlineSnapshot(`
      [
        "e.txt: file is empty: expected report text, found only a UTF-16LE byte order mark (2 bytes)
        hint: remove the file or fetch the report again",
      ]
    `);
  });

  it("rejects a whitespace-only file", () => {
    expect(report("e.md", utf8(" \r\n\t\n"))).toMatchInlineSnapshot(`
      [
        "e.md: file is empty: expected report text, found only whitespace (5 bytes)
        hint: remove the file or fetch the report again",
      ]
    `);
  });

  it("rejects a PNG (NUL bytes)", () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    const result = decode("img.txt", png);
    expect(result.value).toBeNull();
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([["file-binary", "error"]]);
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "img.txt: file is binary, not text: expected text without NUL bytes, found a NUL byte at byte 8 (the file starts with bytes "89 50 4E 47 0D 0A 1A 0A")
        hint: only text, HTML and Markdown reports can be read; remove the file from the inputs",
      ]
    `);
  });

  it("rejects a file full of control bytes", () => {
    const bytes = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0x41 : 0x01 + (i % 7)));
    expect(report("c.txt", bytes)).toMatchInlineSnapshot(`
      [
        "c.txt: file is binary, not text: expected text, found 20 control characters in 40 (50%)
        hint: only text, HTML and Markdown reports can be read; remove the file from the inputs",
      ]
    `);
  });

  it("keeps a text file with a form feed and tabs", () => {
    expect(decode("f.txt", utf8("第一页\f\t第二页")).issues).toEqual([]);
  });
});

describe("decodeSource(file): encodings", () => {
  const simplified = "北京市新增本土确诊病例3例，均在管控人员中发现。\n海淀区、朝阳区各1例。";
  const traditional = "北京通州區封控區名單彙總，實行區域封閉、足不出戶、服務上門。";

  it("reads a GBK file as gb18030", () => {
    const result = decode("g.txt", iconv.encode(simplified, "gbk"));
    expect(result.issues).toEqual([]);
    expect(result.value?.encoding).toBe("gb18030");
    expect(result.value?.source).toBe(simplified);
  });

  it("reads a Big5 file as big5", () => {
    const result = decode("b.txt", iconv.encode(traditional, "big5"));
    expect(result.issues).toEqual([]);
    expect(result.value?.encoding).toBe("big5");
    expect(result.value?.source).toBe(traditional);
  });

  it("reads GB18030 four-byte sequences (81 36 A6 31 is •)", () => {
    const result = decode("g.txt", [0x81, 0x36, 0xa6, 0x31, ...iconv.encode("发布日期", "gbk")]);
    expect(result.value?.source).toBe("•发布日期");
    expect(result.value?.encoding).toBe("gb18030");
  });

  it("reads a UTF-8 BOM file, drops the BOM and says utf-8-bom", () => {
    const result = decode("u.txt", [0xef, 0xbb, 0xbf, ...utf8("北京")]);
    expect(result.value?.encoding).toBe("utf-8-bom");
    expect(result.value?.source).toBe("北京");
  });

  it("reads UTF-16LE and UTF-16BE files with a BOM", () => {
    const le = decode("le.txt", [0xff, 0xfe, ...iconv.encode("北京\n𠀀", "utf-16le")]);
    expect([le.value?.encoding, le.value?.source, le.issues]).toEqual(["utf-16le", "北京\n𠀀", []]);
    const be = decode("be.txt", [0xfe, 0xff, ...iconv.encode("北京\n𠀀", "utf-16be")]);
    expect([be.value?.encoding, be.value?.source, be.issues]).toEqual(["utf-16be", "北京\n𠀀", []]);
  });

  it("reports a lone surrogate in UTF-16LE", () => {
    const bytes = [0xff, 0xfe, ...iconv.encode("北", "utf-16le"), 0x00, 0xd8, ...iconv.encode("京", "utf-16le")];
    const result = decode("le.txt", bytes);
    expect(result.value?.source).toBe("北\uFFFD京");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "le.txt:1:2: bytes are not valid UTF-16LE: expected a UTF-16LE character, found bytes "00 D8"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
      ]
    `);
  });

  it("keeps CRLF and counts lines right", () => {
    const bytes = utf8("第一行\r\n第二行\r\n第三");
    const bad = Uint8Array.from([...bytes.slice(0, bytes.length - 3), 0xff, ...bytes.slice(bytes.length - 3)]);
    const result = decode("crlf.txt", bad);
    expect(result.value?.source).toBe("第一行\r\n第二行\r\n第\uFFFD三");
    expect(result.issues.map((i) => [i.line, i.column, i.byteOffset])).toEqual([[3, 2, 25]]);
  });

  it("reports one bad byte in the middle with its byte offset and line:column", () => {
    const head = utf8("北京市新增本土确诊病例\n海淀区");
    const tail = utf8("朝阳区各1例，均在管控人员中发现。");
    const result = decode("data/raw/reports/x.txt", [...head, 0xc3, 0x28, ...tail]);
    expect(result.value?.encoding).toBe("utf-8");
    expect(result.value?.source).toBe("北京市新增本土确诊病例\n海淀区\uFFFD(朝阳区各1例，均在管控人员中发现。");
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: "encoding-undecodable", severity: "warning", byteOffset: 43, line: 2, column: 4 });
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/x.txt:2:4: bytes are not valid UTF-8: expected a UTF-8 character, found bytes "C3"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
      ]
    `);
  });

  it("reports a run of bad bytes once", () => {
    const result = decode("x.txt", [...utf8("北京"), 0xff, 0xfe, 0xfd, ...utf8("海淀区朝阳区")]);
    expect(result.value?.source).toBe("北京\uFFFD海淀区朝阳区");
    expect(result.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "bytes are not valid UTF-8: expected a UTF-8 character, found bytes "FF FE FD"",
      ]
    `);
  });

  it("reports a byte that is no GB18030 lead as undecodable", () => {
    const bytes = [...iconv.encode("北京市新增本土确诊病例均在管控人员中发现", "gbk"), 0xff, ...iconv.encode("海淀区", "gbk")];
    const result = decode("g.txt", bytes);
    expect(result.value?.encoding).toBe("gb18030");
    expect(result.value?.source).toBe("北京市新增本土确诊病例均在管控人员中发现\uFFFD海淀区");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "g.txt:1:21: bytes are not valid GB18030: expected a GB18030 character, found bytes "FF"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
      ]
    `);
  });

  it("reports an unassigned Big5 code as one bad pair, not as mojibake", () => {
    // A3 E2 is well-formed Big5 with no character; iconv-lite maps it to U+FFFD.
    const bytes = [...iconv.encode("北京通州區封控區名單彙總", "big5"), 0xa3, 0xe2, ...iconv.encode("實行區域封閉", "big5")];
    const result = decode("b.txt", bytes);
    expect(result.value?.encoding).toBe("big5");
    expect(result.value?.source).toBe("北京通州區封控區名單彙總\uFFFD實行區域封閉");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "b.txt:1:13: bytes are not valid Big5: expected a Big5 character, found bytes "A3 E2"
        hint: they are shown as U+FFFD; fix the bytes in the source or fetch the report again",
      ]
    `);
  });

  it("rejects a file where more than 10% of the non-ASCII bytes are bad", () => {
    const bytes = [...utf8("北京市海淀区"), 0xff, 0x41, 0xff, 0x41, 0xff, 0x41, 0xff, 0x41];
    const result = decode("x.txt", bytes);
    expect(result.value).toBeNull();
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "x.txt: file is in no encoding we know: expected UTF-8, GB18030 or Big5 text, found 4 of 22 non-ASCII bytes (18%) invalid even in the best fit, UTF-8
        hint: find the page's real encoding and re-save the file as UTF-8",
      ]
    `);
  });

  it("rejects a file where most non-ASCII bytes are bad as binary", () => {
    const bytes = [...utf8("北京"), ...Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 0xff : 0x41))];
    const result = decode("x.txt", bytes);
    expect(result.value).toBeNull();
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "x.txt: file is binary, not text: expected UTF-8, GB18030 or Big5 text, found 10 of 16 non-ASCII bytes (63%) invalid even in the best fit, UTF-8
        hint: only text, HTML and Markdown reports can be read; remove the file from the inputs",
      ]
    `);
  });
});

describe("decodeSource(file): declared charsets", () => {
  const page = (charset: string, body: string): string =>
    `<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>通报</title></head>\n<body><p>${body}</p></body></html>`;

  it("decodes gb2312-declared GBK bytes as gb18030 without an issue", () => {
    // 堃 is GBK, not GB2312: pages labelled gb2312 routinely carry GBK bytes.
    const result = decode("p.html", iconv.encode(page("gb2312", "王堃主持会议"), "gbk"));
    expect(result.issues).toEqual([]);
    expect([result.value?.encoding, result.value?.text, result.value?.htmlTitle]).toEqual(["gb18030", "王堃主持会议", "通报"]);
  });

  it("reads <meta charset=BIG5> case-insensitively", () => {
    const bytes = iconv.encode(`<html><head><META CHARSET="BIG5"></head><body>北京通州區封控區名單</body></html>`, "big5");
    const result = decode("p.htm", bytes);
    expect([result.value?.encoding, result.value?.text, result.issues]).toEqual(["big5", "北京通州區封控區名單", []]);
  });

  it("warns when the declared charset lies and uses the one that fits", () => {
    const result = decode("data/raw/reports/p.html", utf8(page("big5", "北京市新增本土确诊病例")));
    expect(result.value?.encoding).toBe("utf-8");
    expect(result.value?.text).toBe("北京市新增本土确诊病例");
    expect(result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "data/raw/reports/p.html:2:73: declared charset does not decode the file: expected "big5" to fit the bytes, found 5 runs of invalid bytes, the first at byte 101; read as UTF-8 instead
        hint: fix the <meta> charset to UTF-8, or re-save the file in the declared charset",
      ]
    `);
    expect(result.issues[0]).toMatchObject({ code: "encoding-declared-mismatch", severity: "warning", byteOffset: 88 });
  });
});

describe("decodeSource(file): text, map and positions", () => {
  it("gives text files an identity map", () => {
    const value = decode("a.txt", utf8("北京\r\n海淀")).value!;
    expect(value.text).toBe(value.source);
    expect(Array.from(value.toSource)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([value.frontMatter, value.htmlTitle, value.headings]).toEqual([null, null, []]);
  });

  it("maps html entities to the start of the entity", () => {
    const source = "<p>a&gt;b&#123;&nbsp;&#x4E2D;</p>";
    const value = decode("e.html", utf8(source)).value!;
    expect(value.text).toBe("a>b{\u00A0中");
    expect(Array.from(value.toSource)).toEqual([3, 4, 8, 9, 15, 21, 33]);
    expect(Array.from(value.toSource.slice(0, -1), (o) => source[o])).toEqual(["a", "&", "b", "&", "&", "&"]);
  });
});
