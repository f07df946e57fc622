// @ts-check
// The search page's script, served as /search/search.js ([script].js.ts) with the index modules beside it
// (src/search/*.js, served as /search/text.js and so on) — the only scripts of the site besides the embed height
// script. It reads the index the site build wrote to /search/idx/ (src/build/searchIndex.ts): meta.json once, then
// for each query the shards of its keys and the document chunks of the results shown. The form carries the site's
// base in data-base, so the page works under any base. Without JavaScript the form stays hidden and #search-nojs
// points to the report lists.

import { parseQuery, getShard, listPhraseKeys, normalizeSearchText } from "./text.js";
import { decodeNumbers } from "./postings.js";
import { lookupKey, searchPhrases } from "./match.js";
import { DOCS_PER_CHUNK, getDistrictFile, getDocsFile, getKeysFile, INDEX_FOLDER, INDEX_FORMAT } from "./layout.js";

/** @typedef {import("./layout.js").SearchMeta} SearchMeta */
/** @typedef {import("./layout.js").SearchDocEntry} SearchDocEntry */
/** @typedef {import("./postings.js").Postings} Postings */

const form = /** @type {HTMLFormElement} */ (document.getElementById("search-form"));
const input = /** @type {HTMLInputElement} */ (document.getElementById("search-input"));
const status = /** @type {HTMLElement} */ (document.getElementById("search-status"));
const list = /** @type {HTMLOListElement} */ (document.getElementById("search-results"));
const selects = /** @type {HTMLSelectElement[]} */ ([...form.querySelectorAll("select")]);
const base = form.dataset.base || "/";
const indexUrl = `${base}${INDEX_FOLDER}/`;
/** Results shown at most; the status line says when there are more. */
const LIMIT = 50;
/** Characters of context shown before the first match of a result, and in all. */
const BEFORE = 30;
const EXCERPT = 120;

form.hidden = false;
document.getElementById("search-nojs")?.remove();

/** Each file of the index fetched once per visit: keys/ shards, docs/ chunks, report texts. */
const fetched = new Map();

/**
 * @param {string} url
 * @param {"json" | "text"} kind
 * @returns {Promise<any>}
 */
function load(url, kind) {
  let promise = fetched.get(url);
  if (promise === undefined) {
    promise = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return kind === "json" ? response.json() : response.text();
    });
    // A failed fetch is not kept: the next search tries again.
    promise.catch(() => fetched.delete(url));
    fetched.set(url, promise);
  }
  return promise;
}

/** @type {SearchMeta} */
let meta;
try {
  meta = await load(`${indexUrl}meta.json`, "json");
  if (meta.format !== INDEX_FORMAT) throw new Error(`search index format ${meta.format}, expected ${INDEX_FORMAT}`);
} catch (error) {
  status.textContent = "搜索索引加载失败，请稍后再试，或浏览通报列表。";
  throw error;
}

/**
 * The test a document number must pass for the chosen filters, or undefined when none is chosen; a district's
 * documents are fetched when it is first chosen.
 * @returns {Promise<((doc: number) => boolean) | undefined>}
 */
async function getFilter() {
  /** @type {Array<(doc: number) => boolean>} */
  const tests = [];
  for (const select of selects) {
    if (select.value === "" || select.name === "sort") continue;
    if (select.name === "month") {
      const month = meta.months.find(([label]) => label === select.value);
      tests.push(month === undefined ? () => false : (doc) => doc >= month[1] && doc < month[2]);
    } else if (select.name === "district") {
      const n = meta.districts.indexOf(select.value);
      /** @type {Set<number>} */
      const docs = n < 0 ? new Set() : new Set(decodeNumbers(await load(`${indexUrl}${getDistrictFile(n)}`, "json")));
      tests.push((doc) => docs.has(doc));
    }
  }
  return tests.length === 0 ? undefined : (doc) => tests.every((test) => test(doc));
}

// Each search bumps the counter; an answer to an older search arriving late is dropped.
let latest = 0;

async function run() {
  const ticket = ++latest;
  const term = input.value.trim();
  const address = new URL(location.href);
  address.search = "";
  if (term !== "") address.searchParams.set("q", term);
  for (const select of selects) if (select.value !== "" && select.name !== "sort") address.searchParams.set(select.name, select.value);
  const sort = selects.find((select) => select.name === "sort");
  if (sort !== undefined && sort.value !== sort.options[0]?.value) address.searchParams.set("sort", sort.value);
  history.replaceState(null, "", address);
  if (term === "" && selects.every((select) => select.value === "" || select.name === "sort")) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const { phrases, singles } = parseQuery(term);
  if (term !== "" && phrases.length === 0) {
    list.replaceChildren();
    status.textContent = `请输入至少两个字的关键词（单字“${singles.join("”“")}”无法单独搜索）。`;
    return;
  }
  /** @type {Array<{ doc: number, starts: number[] }>} */
  let found;
  /** @type {Map<string, SearchDocEntry[]>} */
  const chunks = new Map();
  try {
    const allow = await getFilter();
    found = phrases.length === 0 ? listAllowed(/** @type {(doc: number) => boolean} */ (allow)) : await findDocs(phrases, allow, sort?.value === "newest" ? "newest" : "relevance");
    const files = new Set(found.slice(0, LIMIT).map(({ doc }) => getDocsFile(doc)));
    await Promise.all([...files].map(async (file) => chunks.set(file, await load(`${indexUrl}${file}`, "json"))));
  } catch (error) {
    if (ticket === latest) status.textContent = "搜索索引加载失败，请稍后再试，或浏览通报列表。";
    throw error;
  }
  if (ticket !== latest) return;
  const shown = found.slice(0, LIMIT);
  list.replaceChildren(...shown.map(({ doc, starts }) => renderResult(/** @type {SearchDocEntry} */ (chunks.get(getDocsFile(doc))?.[doc % DOCS_PER_CHUNK]), starts, phrases)));
  const total = found.length;
  const skipped = singles.length > 0 ? `（单字“${singles.join("”“")}”未参与搜索）` : "";
  status.textContent = (total === 0 ? "没有找到符合条件的通报。" : total > LIMIT ? `找到 ${total} 篇通报，显示前 ${LIMIT} 篇。` : `找到 ${total} 篇通报。`) + skipped;
}

/**
 * Every document the filters allow, newest first (a search by district or month alone).
 * @param {(doc: number) => boolean} allow
 */
function listAllowed(allow) {
  const found = [];
  for (let doc = 0; doc < meta.documents; doc++) if (allow(doc)) found.push({ doc, starts: [] });
  return found;
}

/**
 * The documents holding every phrase, after fetching the shards of their keys.
 * @param {string[]} phrases
 * @param {((doc: number) => boolean) | undefined} allow
 * @param {"relevance" | "newest"} order
 */
async function findDocs(phrases, allow, order) {
  const keys = [...new Set(phrases.flatMap((phrase) => listPhraseKeys(phrase).map(([, key]) => key)))];
  const shards = new Map();
  await Promise.all(
    [...new Set(keys.map((key) => getShard(key, meta.shards)))].map(async (shard) => shards.set(shard, await load(`${indexUrl}${getKeysFile(shard)}`, "json"))),
  );
  /** @type {Map<string, Postings | undefined>} */
  const decoded = new Map();
  for (const key of keys) decoded.set(key, lookupKey(key, shards, meta.shards));
  return searchPhrases(phrases, (key) => decoded.get(key), allow === undefined ? { order } : { order, allow });
}

/**
 * One result: the report's title as a link, its date, and an excerpt of its text around the first match (filled in
 * when the text arrives), the query's phrases marked.
 * @param {SearchDocEntry} entry
 * @param {number[]} starts
 * @param {string[]} phrases
 */
function renderResult([id, title, date, textPath], starts, phrases) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = `${base}reports/${id}/`;
  link.textContent = title;
  const heading = document.createElement("h2");
  heading.append(link);
  const when = document.createElement("p");
  when.className = "muted";
  when.textContent = date;
  const excerpt = document.createElement("p");
  item.append(heading, when, excerpt);
  // A text that cannot be loaded leaves its result without an excerpt: the title, link and date still stand.
  load(`${base}data/${textPath}`, "text").then(
    (text) => excerpt.append(...makeExcerpt(`${title}\n${text}`, title.length + 1, starts, phrases)),
    () => {},
  );
  return item;
}

/**
 * Text nodes and <mark>s (never parsed HTML) for the excerpt of `indexed` (the title, a line break and the text, as
 * the index saw it): from a little before the first match in the text proper (else the text's start), with every
 * occurrence of a phrase in it marked.
 * @param {string} indexed
 * @param {number} bodyStart
 * @param {number[]} starts
 * @param {string[]} phrases
 * @returns {Node[]}
 */
function makeExcerpt(indexed, bodyStart, starts, phrases) {
  const first = starts.find((start) => start >= bodyStart) ?? bodyStart;
  const from = Math.max(bodyStart, first - BEFORE);
  const to = Math.min(indexed.length, from + EXCERPT);
  const shown = indexed.slice(from, to).replace(/\s/g, " ");
  const search = normalizeSearchText(shown);
  /** @type {boolean[]} */
  const marked = new Array(shown.length).fill(false);
  for (const phrase of phrases) {
    for (let at = search.indexOf(phrase); at >= 0; at = search.indexOf(phrase, at + 1)) marked.fill(true, at, at + phrase.length);
  }
  /** @type {Node[]} */
  const nodes = [];
  if (from > bodyStart) nodes.push(document.createTextNode("…"));
  for (let i = 0; i < shown.length; ) {
    let j = i;
    while (j < shown.length && marked[j] === marked[i]) j++;
    if (marked[i]) {
      const mark = document.createElement("mark");
      mark.textContent = shown.slice(i, j);
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(shown.slice(i, j)));
    }
    i = j;
  }
  if (to < indexed.length) nodes.push(document.createTextNode("…"));
  return nodes;
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = window.setTimeout(run, 250);
});
for (const select of selects) select.addEventListener("change", run);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void run();
});

// /search/?q=核酸检测&district=密云区 (a shared address, or the form sent before the script ran) searches at once.
const params = new URLSearchParams(location.search);
input.value = params.get("q") ?? input.value;
for (const select of selects) {
  const value = params.get(select.name);
  if (value !== null && [...select.options].some((option) => option.value === value)) select.value = value;
}
void run();
