/**
 * The benchmark corpus: N reports made by varying the sample reports of data/raw/reports/ (their dates, district,
 * streets and communities, case counts), deterministic from a seed. `npm run bench` writes it into a temporary
 * folder and runs the real pipeline and site build over it; it never goes into data/raw/.
 */
import iconv from "iconv-lite";
import type { IssueCode } from "../pipeline/issues.ts";
import type { Encoding, SourceFile } from "../pipeline/records.ts";
import type { Gazetteer, GazetteerEntry } from "../pipeline/parse/gazetteer.ts";
import { decodeSource } from "../pipeline/decode/source.ts";
import { sha256Hex, sidecarPathFor, stemOf } from "../pipeline/documentId.ts";
import { shiftDates } from "./dateShift.ts";
import { createRandom, type Random } from "./random.ts";

/** A sample report the corpus is made from, with what the pipeline made of it in a run over the samples. */
export interface CorpusTemplate {
  /** the sample as read (repo-relative path, bytes, sidecar) */
  file: SourceFile;
  /** error codes that rejected the sample in that run, sorted; [] when it was published */
  rejectedFor: IssueCode[];
}

/** How big a corpus and which one. */
export interface CorpusOptions {
  /** number of reports (sidecars come on top); 0 gives an empty corpus */
  n: number;
  /** any integer: the same seed, templates and gazetteer give the same bytes */
  seed: number;
  /** one report in `rejectEvery` of those made from a sample lacking its title or date is left lacking it, to be
   * rejected as the sample was (real folders hold such reports); 0 never. Default 20. */
  rejectEvery?: number;
}

/** What the generator meant to become of a report it made: the fate the pipeline must give it. */
export interface IntendedFate {
  /** the report's path in the corpus folder (`b00007-012.txt`) */
  path: string;
  /** the sample it was made from (its repo-relative path) */
  template: string;
  status: "published" | "rejected";
  /** for `rejected`, the error codes that must reject it (the sample's own); [] for `published` */
  codes: IssueCode[];
}

/** A file of the corpus: `path` relative to the corpus folder. */
export interface CorpusFile {
  path: string;
  bytes: Uint8Array;
}

/** The generated corpus. */
export interface Corpus {
  /** reports and sidecars, in path order */
  files: CorpusFile[];
  /** one per report, in path order */
  intended: IntendedFate[];
  /** samples that could not be used (a rejection the generator cannot make sure of, bytes that do not re-encode),
   * with the reason, so the bench can say what the corpus is made of */
  skipped: Array<{ template: string; reason: string }>;
}

// Errors a sidecar can make good: the generator supplies the missing title or date.
const SUPPLIABLE: ReadonlySet<IssueCode> = new Set<IssueCode>(["title-missing", "date-missing"]);
// 2022年4月13日, 2022-04-13: the first full date of a report is the day its other dates are read in.
const FULL_DATE = /(?<!\d)(\d{4})(?:年|-)(\d{1,2})(?:月|-)(\d{1,2})/;
// 5例, 12例: case counts (the digits before 例). Chinese numerals (五例) are left alone.
const COUNT = /(?<!\d)(\d{1,5})(?=例)/g;
// 2020-05-19 15:00:54, 4月13日: digits of dates and times, left out when telling two reports apart.
const DATE_DIGITS = /\d+(?=[年月日时:\-/ ])|(?<=[-/:])\d+/g;
// Place names shorter than this are words as often as names (村, 新村): never replaced.
const MIN_PLACE_NAME = 3;
// Dates move by whole weeks (keeping 星期三 true), at most this many weeks either way, and keep a report's day
// within the pandemic years, so that no moved date falls before the pipeline's first date or after the bench's today.
const MAX_WEEKS = 52;
const EARLIEST = Date.UTC(2020, 2, 1);
const LATEST = Date.UTC(2022, 10, 30);

/** A template prepared once: its text, the names in it the generator may swap, its reference year. */
interface Prepared {
  template: CorpusTemplate;
  encoding: Encoding;
  extension: string;
  source: string;
  sidecar: string | null;
  /** the official district named most often in the report, or null */
  district: GazetteerEntry | null;
  /** streets and communities of that district named in the report, longest name first */
  places: GazetteerEntry[];
  /** YYYY-MM-DD the report's dates are read in: the sidecar's date, the report's first full date, or 2022-06-15 */
  referenceDate: string;
}

/**
 * Make a corpus of `options.n` reports from `templates` (at least one usable), varied with the places of
 * `gazetteer`. Each report is one sample with its dates moved by whole weeks, its main district swapped for
 * another with that district's streets and communities in place of the old ones, and its case counts changed;
 * a sample the pipeline rejected only for a missing title or date gets a sidecar supplying it (an editor's job),
 * except one in `rejectEvery`, left to be rejected. No two reports have the same text. Throws when no template
 * is usable or the templates cannot give `n` different reports (a bug in the caller's choice of samples).
 */
export function generateCorpus(templates: readonly CorpusTemplate[], gazetteer: Gazetteer, options: CorpusOptions): Corpus {
  const random = createRandom(options.seed);
  const rejectEvery = options.rejectEvery ?? 20;
  const skipped: Corpus["skipped"] = [];
  const usable: Prepared[] = [];
  for (const template of [...templates].sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0))) {
    const unsuppliable = template.rejectedFor.filter((code) => !SUPPLIABLE.has(code));
    if (unsuppliable.length > 0) {
      skipped.push({ template: template.file.path, reason: `rejected for ${unsuppliable.join(", ")}` });
      continue;
    }
    const prepared = prepare(template, gazetteer);
    if (typeof prepared === "string") skipped.push({ template: template.file.path, reason: prepared });
    else usable.push(prepared);
  }
  if (options.n > 0 && usable.length === 0) throw new Error("generateCorpus: no usable template among the samples");

  const files: CorpusFile[] = [];
  const intended: IntendedFate[] = [];
  const seen = new Set<string>();
  let lacking = 0;
  let attempts = 0;
  while (intended.length < options.n) {
    if (++attempts > options.n * 50 + 100) throw new Error(`generateCorpus: cannot make ${options.n} different reports from ${usable.length} samples`);
    const prepared = random.pick(usable);
    const variant = vary(prepared, gazetteer, random);
    // Differing dates alone do not make two reports: the pipeline lifts a dateline into metadata and would find the
    // rest the same text (026.txt, where only 2020-05-19 15:00:54 changes).
    const key = sha256Hex(variant.source.replace(DATE_DIGITS, ""));
    if (seen.has(key)) continue;
    seen.add(key);
    const index = intended.length + 1;
    const path = `b${String(index).padStart(5, "0")}-${stemOf(prepared.template.file.path)}${prepared.extension}`;
    const rejectedFor = prepared.template.rejectedFor;
    const leaveLacking = rejectedFor.length > 0 && rejectEvery > 0 && lacking++ % rejectEvery === 0;
    let sidecar = variant.sidecar;
    if (rejectedFor.length > 0 && !leaveLacking) {
      sidecar = supply(sidecar ?? "", rejectedFor, variant);
    }
    files.push({ path, bytes: encode(variant.source, prepared.encoding) });
    if (sidecar !== null) files.push({ path: sidecarPathFor(path), bytes: new TextEncoder().encode(sidecar) });
    intended.push({
      path,
      template: prepared.template.file.path,
      status: leaveLacking ? "rejected" : "published",
      codes: leaveLacking ? [...rejectedFor] : [],
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, intended, skipped };
}

/** Decode a template and find what can be varied in it, or say why it cannot be used. */
function prepare(template: CorpusTemplate, gazetteer: Gazetteer): Prepared | string {
  const decoded = decodeSource(template.file).value;
  if (decoded === null) return "the sample does not decode";
  const back = encode(decoded.source, decoded.encoding);
  if (sha256Hex(back) !== sha256Hex(template.file.bytes)) return `its ${decoded.encoding} bytes do not survive decoding and encoding again`;
  const counts = new Map<GazetteerEntry, number>();
  for (const district of gazetteer.districts) {
    const count = decoded.source.split(district.name).length - 1;
    if (count > 0) counts.set(district, count);
  }
  // The most named district; ties go to the first in code order.
  let district: GazetteerEntry | null = null;
  for (const [entry, count] of counts) if (district === null || count > counts.get(district)!) district = entry;
  const places = district === null
    ? []
    : gazetteer.entries
      .filter((e) => e.district === district.name && e.level !== "district" && e.name.length >= MIN_PLACE_NAME && decoded.source.includes(e.name))
      .sort((a, b) => b.name.length - a.name.length || (a.code < b.code ? -1 : 1));
  const sidecar = template.file.sidecar?.text ?? null;
  const dated = /^published_date:\s*"?(\d{4}-\d{2}-\d{2})/m.exec(sidecar ?? "")?.[1] ?? FULL_DATE.exec(decoded.source);
  const referenceDate = typeof dated === "string"
    ? dated
    : dated
      ? `${dated[1]}-${dated[2]!.padStart(2, "0")}-${dated[3]!.padStart(2, "0")}`
      : "2022-06-15";
  const name = template.file.path.slice(template.file.path.lastIndexOf("/") + 1);
  return { template, encoding: decoded.encoding, extension: name.slice(name.lastIndexOf(".")), source: decoded.source, sidecar, district, places, referenceDate };
}

/** One variant of a template: its report text and sidecar text, its district and its (moved) date. */
function vary(prepared: Prepared, gazetteer: Gazetteer, random: Random): { source: string; sidecar: string | null; district: string | null; date: string } {
  const reference = Date.parse(`${prepared.referenceDate}T00:00:00Z`);
  const low = Math.max(-MAX_WEEKS, Math.ceil((EARLIEST - reference) / (7 * 86_400_000)));
  const high = Math.min(MAX_WEEKS, Math.floor((LATEST - reference) / (7 * 86_400_000)));
  const days = low > high ? 0 : 7 * random.int(low, high);
  const year = Number(prepared.referenceDate.slice(0, 4));
  const swaps = new Map<string, string>();
  let district = prepared.district?.name ?? null;
  if (prepared.district !== null) {
    const target = random.pick(gazetteer.districts);
    district = target.name;
    if (target !== prepared.district) {
      swaps.set(prepared.district.name, target.name);
      for (const place of prepared.places) {
        const candidates = placesOf(gazetteer, target.name, place.level);
        if (candidates.length > 0) swaps.set(place.name, random.pick(candidates).name);
      }
    }
  }
  const change = (text: string): string => {
    let out = shiftDates(text, days, year);
    if (swaps.size > 0) {
      const names = [...swaps.keys()].sort((a, b) => b.length - a.length);
      out = out.replace(new RegExp(names.map(escapeRegExp).join("|"), "g"), (name) => swaps.get(name)!);
    }
    return out;
  };
  const source = change(prepared.source).replace(COUNT, (digits) => {
    const value = Number(digits);
    return String(value === 0 ? 0 : random.int(Math.max(1, Math.floor(value / 2)), value * 2));
  });
  const date = shiftDates(prepared.referenceDate, days, year);
  return { source, sidecar: prepared.sidecar === null ? null : change(prepared.sidecar), district, date };
}

/** The sidecar text with the fields the sample lacked added, unless it has them already. */
function supply(sidecar: string, rejectedFor: readonly IssueCode[], variant: { district: string | null; date: string }): string {
  let out = sidecar.length === 0 || sidecar.endsWith("\n") ? sidecar : `${sidecar}\n`;
  out += "# supplied by the benchmark corpus generator (src/bench/corpus.ts)\n";
  if (rejectedFor.includes("title-missing") && !/^title:/m.test(out)) {
    // A plainly synthetic headline: the bench corpus must never pass for real reports.
    out += `title: ${JSON.stringify(`${variant.district ?? "北京市"}疫情防控工作情况（基准测试样本）`)}\n`;
  }
  if (rejectedFor.includes("date-missing") && !/^published_date:/m.test(out)) out += `published_date: ${variant.date}\n`;
  return out;
}

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "utf-8-bom":
      return new TextEncoder().encode(`\ufeff${text}`);
    case "utf-16le":
      return new Uint8Array(iconv.encode(text, "utf-16le", { addBOM: true }));
    case "utf-16be":
      return new Uint8Array(iconv.encode(text, "utf-16be", { addBOM: true }));
    default:
      return new Uint8Array(iconv.encode(text, encoding));
  }
}

// The places of each district by level, listed once per gazetteer (a 10,000-report corpus asks thousands of times).
const placeLists = new WeakMap<Gazetteer, Map<string, GazetteerEntry[]>>();

/** The places of `district` at `level` whose names are long enough to swap, in gazetteer order. */
function placesOf(gazetteer: Gazetteer, district: string, level: GazetteerEntry["level"]): GazetteerEntry[] {
  let lists = placeLists.get(gazetteer);
  if (lists === undefined) {
    lists = new Map();
    for (const entry of gazetteer.entries) {
      if (entry.name.length < MIN_PLACE_NAME) continue;
      const key = `${entry.district}|${entry.level}`;
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [entry]);
      else list.push(entry);
    }
    placeLists.set(gazetteer, lists);
  }
  return lists.get(`${district}|${level}`) ?? [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
