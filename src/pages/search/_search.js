// The search page's script, served as /search/search.js (search.js.ts) — the only script of the site besides the
// embed height script. It drives Pagefind's browser API (pagefind/pagefind.js, written by src/build/searchIndex.ts)
// from the page's own form, so the page works under any base: the form carries the base in data-base.
// Without JavaScript (or with scripts blocked) the form stays hidden and #search-nojs points to the report lists.

const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const selects = [...form.querySelectorAll("select[data-filter]")];
const base = form.dataset.base || "/";
/** Results shown at most; the status line says when there are more. */
const LIMIT = 50;

form.hidden = false;
document.getElementById("search-nojs")?.remove();

let pagefind = null;
try {
  pagefind = await import(`${base}pagefind/pagefind.js`);
  await pagefind.options({ baseUrl: base });
} catch (error) {
  status.textContent = "搜索索引加载失败，请稍后再试，或浏览通报列表。";
  throw error;
}

// Each search bumps the counter; an answer to an older search arriving late is dropped.
let latest = 0;

async function run() {
  const ticket = ++latest;
  const term = input.value.trim();
  const filters = {};
  for (const select of selects) if (select.value !== "") filters[select.dataset.filter] = select.value;
  const address = new URL(location.href);
  address.search = "";
  if (term !== "") address.searchParams.set("q", term);
  for (const select of selects) if (select.value !== "") address.searchParams.set(select.name, select.value);
  history.replaceState(null, "", address);
  if (term === "" && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const search = await pagefind.search(term === "" ? null : term, { filters });
  const results = await Promise.all(search.results.slice(0, LIMIT).map((result) => result.data()));
  if (ticket !== latest) return;
  list.replaceChildren(...results.map(renderResult));
  const total = search.results.length;
  status.textContent = total === 0 ? "没有找到符合条件的通报。" : total > LIMIT ? `找到 ${total} 篇通报，显示前 ${LIMIT} 篇。` : `找到 ${total} 篇通报。`;
}

/** One result: the report's title as a link, its date, and the excerpt with the matched words marked. */
function renderResult(data) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const heading = document.createElement("h2");
  heading.append(link);
  item.append(heading);
  if (data.meta.date) {
    const date = document.createElement("p");
    date.className = "muted";
    date.textContent = data.meta.date;
    item.append(date);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...copyExcerpt(data.excerpt));
  item.append(excerpt);
  return item;
}

/**
 * Pagefind's excerpt is HTML: escaped text with <mark> around the matches (`做好<mark>核酸</mark>检测`). It is parsed
 * in an inert <template> and only its text and <mark>s are copied, so nothing else from the index becomes markup.
 */
function copyExcerpt(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const nodes = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(run, 250);
});
for (const select of selects) select.addEventListener("change", run);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void run();
});

// /search/?q=核酸检测&district=密云区 (a shared address, or the form sent before the script ran) searches at once.
const params = new URLSearchParams(location.search);
if (params.has("q")) input.value = params.get("q");
for (const select of selects) {
  const value = params.get(select.name);
  if (value !== null && [...select.options].some((option) => option.value === value)) select.value = value;
}
void run();
