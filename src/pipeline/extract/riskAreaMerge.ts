/**
 * Merge risk-area announcements of the texts and listings of the CSV files into one row per area, level or regime,
 * and listing, with its lifecycle: from (first designated or listed) to (lifted, or last listed).
 */
import { sha256Hex } from "../documentId.ts";
import { addDays } from "../parse/date.ts";
import type { Gazetteer } from "../parse/gazetteer.ts";
import type { RiskAreaCsvRow, RiskAreaRow, RiskAreaTextRow } from "../validate/riskAreaSchema.ts";
import { normalizeAreaName, type PlaceWords } from "./placeWords.ts";

export { normalizeAreaName } from "./placeWords.ts";

/** One source of a key, with the days it speaks for. */
interface Event {
  /** first day (and time) it lists the area, or the day a text lifts it; "" when the text is undated */
  start: string;
  /** CSV: last_seen (the listing ends there); text: null (a report says nothing of when a listing ends) */
  end: string | null;
  lift: boolean;
  /** input order: texts first, then CSV rows, for ties */
  order: number;
  area: string;
  street: string | null;
  source: RiskAreaRow["sources"][number];
}

/** A listing being built. */
interface Listing {
  key: string;
  district: string | null;
  district_raw: string | null;
  street: string | null;
  area: string;
  level: RiskAreaRow["level"];
  regime: RiskAreaRow["regime"];
  /** earliest start, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"; null when only a lifting is dated */
  from: string | null;
  /** latest day a source lists it, once a CSV row has ended the listing; null while only texts list it */
  end: string | null;
  /** day a text lifted it */
  lifted: string | null;
  sources: RiskAreaRow["sources"];
}

const day = (dateTime: string): string => dateTime.slice(0, 10);
const timeOf = (dateTime: string | null): string | null => (dateTime !== null && dateTime.length > 10 ? dateTime.slice(11) : null);
const maxOf = (a: string | null, b: string): string => (a === null || b > a ? b : a);
const cmp = (a: string | null, b: string | null): number => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

/**
 * One row per listing of an area: (district, or the CSV's district_raw when it names no district, street, area,
 * level or regime), names matched after normalizeAreaName(name, words) — without `words` only brackets and spaces
 * are normalised. Each key's sources are sorted by day (a lifting after the listings of its day, then input order)
 * and cut into listings: a text lifting (解封, 降为) ends a listing and any later source starts a new one; a CSV row
 * ends its listing at its last_seen, and a source that starts more than a day after the end starts a new one; a
 * text that lists an area leaves its listing open (a report does not say when a listing ends). `from` is the first
 * day a source lists it (null when only a lifting is dated), `to` the day a text lifted it, else the last day a CSV
 * row listed it, else null; `from_time`/`to_time` keep the hour a CSV snapshot gives. `sources` lists every text
 * (doc_id, span, change, date) and CSV row (path, line) of the listing, by day. The area and street shown are the
 * first listed. Ids: `ra-` + the district's slug (`zone` for a district_raw, `city` for neither) + the first 12 hex
 * digits of the sha256 of the normalised key and the first day, `-2`, `-3`… on a clash: stable across runs and
 * across an editor's correction of brackets, spaces or an area ending. Sorted by district in administrative order
 * (district_raw, then none, last), street, area, from, id. O(n log n). Never throws.
 */
export function mergeRiskAreas(textRows: RiskAreaTextRow[], csvRows: RiskAreaCsvRow[], gazetteer: Gazetteer, words?: PlaceWords): RiskAreaRow[] {
  // The same few thousand names come back on every day they are listed: each is normalised once.
  const normalised = new Map<string, string>();
  const norm = (s: string): string => {
    let key = normalised.get(s);
    if (key === undefined) normalised.set(s, (key = normalizeAreaName(s, words)));
    return key;
  };
  const byKey = new Map<string, { district: string | null; district_raw: string | null; level: RiskAreaRow["level"]; regime: RiskAreaRow["regime"]; events: Event[] }>();
  let order = 0;
  const add = (district: string | null, districtRaw: string | null, level: RiskAreaRow["level"], regime: RiskAreaRow["regime"], event: Omit<Event, "order">): void => {
    const raw = district === null && districtRaw !== null && districtRaw !== "" ? districtRaw : null;
    const key = [district ?? "", raw ?? "", norm(event.street ?? ""), norm(event.area), level ?? regime ?? ""].join("\u0000");
    let entry = byKey.get(key);
    if (!entry) {
      entry = { district, district_raw: raw, level, regime, events: [] };
      byKey.set(key, entry);
    }
    entry.events.push({ ...event, order: order++ });
  };
  for (const t of textRows) {
    add(t.district, null, t.level, t.regime, {
      start: t.date ?? "", end: null, lift: t.change === "lifted", area: t.area, street: t.street,
      source: { doc_id: t.doc_id, span: t.span, change: t.change, date: t.date },
    });
  }
  for (const c of csvRows) {
    add(c.district, c.district_raw, c.level, null, {
      start: c.first_seen, end: c.last_seen, lift: false, area: c.area, street: c.street,
      source: { path: c.source_path, line: c.source_line },
    });
  }

  const listings: Listing[] = [];
  for (const [key, entry] of byKey) {
    const events = entry.events.sort((a, b) => cmp(day(a.start), day(b.start)) || Number(a.lift) - Number(b.lift) || a.order - b.order);
    let current: Listing | null = null;
    for (const e of events) {
      const startDay = day(e.start);
      // Joins the open listing unless a lifting ended it or it starts more than a day after the listing's end.
      const joins = current !== null && current.lifted === null && (current.end === null || startDay === "" || startDay <= addDays(day(current.end), 1));
      if (!joins) {
        current = {
          key, district: entry.district, district_raw: entry.district_raw, street: e.street, area: e.area, level: entry.level, regime: entry.regime,
          from: null, end: null, lifted: null, sources: [],
        };
        listings.push(current);
      }
      const listing = current!;
      listing.street ??= e.street;
      listing.sources.push(e.source);
      if (e.lift) {
        if (startDay !== "") listing.lifted = startDay;
        continue;
      }
      if (e.start !== "" && (listing.from === null || e.start < listing.from)) listing.from = e.start;
      if (e.end !== null) listing.end = maxOf(listing.end, e.end);
      else if (listing.end !== null && startDay !== "") listing.end = maxOf(listing.end, startDay);
    }
  }

  const districtOrder = new Map(gazetteer.districts.map((d, i) => [d.name, i]));
  const slugOf = new Map(gazetteer.districts.map((d) => [d.name, d.slug]));
  const rank = (r: Pick<RiskAreaRow, "district" | "district_raw">): number => (r.district !== null ? districtOrder.get(r.district) ?? districtOrder.size : r.district_raw !== null ? districtOrder.size + 1 : districtOrder.size + 2);
  const rows: RiskAreaRow[] = listings.map((l) => {
    const to = l.lifted ?? l.end;
    const slug = l.district !== null ? slugOf.get(l.district) ?? "city" : l.district_raw !== null ? "zone" : "city";
    return {
      id: `ra-${slug}-${sha256Hex(`${l.key}\u0000${l.from === null ? "" : day(l.from)}\u0000${l.from === null && to !== null ? day(to) : ""}`).slice(0, 12)}`,
      district: l.district,
      district_raw: l.district_raw,
      street: l.street,
      area: l.area,
      level: l.level,
      regime: l.regime,
      from: l.from === null ? null : day(l.from),
      from_time: timeOf(l.from),
      to: to === null ? null : day(to),
      to_time: l.lifted === null ? timeOf(l.end) : null,
      sources: l.sources,
    };
  });
  rows.sort((a, b) => rank(a) - rank(b) || cmp(a.district_raw, b.district_raw) || cmp(a.street, b.street) || cmp(a.area, b.area) || cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.id, b.id));
  // Two listings of one key that start on one day (a lifting-only row beside another): number the later ones.
  const used = new Map<string, number>();
  for (const r of rows) {
    const n = (used.get(r.id) ?? 0) + 1;
    used.set(r.id, n);
    if (n > 1) r.id = `${r.id}-${n}`;
  }
  return rows;
}
