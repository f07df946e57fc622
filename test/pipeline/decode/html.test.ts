import { describe, expect, it } from "vitest";
import { decodeHtmlText, isChromeElement } from "../../../src/pipeline/decode/html.ts";

/** Each character of the text with the source character it maps to, for readable assertions. */
const pairs = (source: string, text: string, map: Int32Array): string =>
  Array.from(text, (ch, i) => `${ch}${source[map[i]!]}`).join(" ");

describe("decodeHtmlText(source)", () => {
  it("drops head, scripts, styles, comments, forms and navigation, keeps the title", () => {
    const source = [
      "<html><head><title> 措施落实 &amp; 从严 </title><style>p{color:red}</style></head>",
      "<body><nav><a href='/'>首页</a></nav>",
      "<div class='crumb'>您现在的位置:首页 &gt; 新闻</div>",
      "<div id='Main-Menu'>菜单</div><div class='share-box'>分享到</div><div class='comments'>评论</div>",
      "<script>var a = '<p>x</p>';</script><noscript>请启用</noscript><!-- 注释 -->",
      "<form><input value='搜索'><button>搜索</button></form><select><option>北京</option></select>",
      "<iframe src='x'>框架</iframe><svg><text>图</text></svg><template>模板</template>",
      "<div class='navigation'>留下</div><div class='article'><p>正文</p></div>",
      "<div class='footer'>版权所有</div><div id='sidebar'>侧栏</div></body></html>",
    ].join("\n");
    const html = decodeHtmlText(source);
    expect(html.text).toBe("留下\n正文");
    expect(html.title).toBe("措施落实 & 从严");
    expect(html.headings).toEqual([]);
  });

  it("puts each block on its own line and keeps inline elements on the line", () => {
    const html = decodeHtmlText("<div>会议 <b>强调</b>,<a href='#'>要</a>\n\n  落实</div><p>第二段<br>第二行</p><ul><li>一</li><li>二</li></ul>");
    expect(html.text).toBe("会议 强调,要 落实\n第二段\n第二行\n一\n二");
  });

  it("separates table cells by a space and rows by a line", () => {
    const html = decodeHtmlText("<table><tr><td>朝阳区</td><td>5例</td></tr><tr><th>海淀区</th><th>1例</th></tr></table>");
    expect(html.text).toBe("朝阳区 5例\n海淀区 1例");
  });

  it("records h1–h3 as headings but not h4", () => {
    const html = decodeHtmlText("<h1>标题</h1><p>正文</p><h3> 小 标题 </h3><h4>四级</h4>");
    expect(html.text).toBe("标题\n正文\n小 标题\n四级");
    expect(html.headings.map(([s, e]) => html.text.slice(s, e))).toEqual(["标题", "小 标题"]);
  });

  it("maps every character to its source character, entities to their '&'", () => {
    const source = "<p> A&lt;B\n  C&#x4E2D;</p>";
    const html = decodeHtmlText(source);
    expect(html.text).toBe("A<B C中");
    expect(pairs(source, html.text, html.map)).toBe("AA <& BB  \n CC 中&");
    expect(html.map[html.text.length]).toBe(source.length);
  });

  it("trims full-width spaces at line ends", () => {
    expect(decodeHtmlText("<p>　　原标题：0新增　</p>").text).toBe("原标题：0新增");
  });

  it("survives broken markup", () => {
    expect(decodeHtmlText("<div><p>一<span>二</div>三</p></b><p>四").text).toBe("一二\n三\n四");
  });
});

describe("isChromeElement(name, attributes)", () => {
  it.each([
    ["div", { class: "nav" }, true],
    ["div", { class: "top NavBar" }, true],
    ["div", { class: "site-nav" }, true],
    ["div", { id: "breadcrumb" }, true],
    ["div", { class: "navigation" }, false],
    ["div", { class: "nav_list" }, false],
    ["p", { class: "article-editor" }, false],
    ["nav", {}, true],
    ["span", {}, false],
  ])("%s %j → %s", (name, attributes, expected) => {
    expect(isChromeElement(name, attributes as Record<string, string>)).toBe(expected);
  });
});
