/**
 * Places (地点) named in a report: communities, estates, villages, streets, towns, universities, checkpoints …
 */
import type { Issue } from "../issues.ts";
import { quoteFound } from "../issues.ts";
import { createPositionIndex } from "../clean/offsets.ts";
import type { ParsedDoc } from "../records.ts";
import type { PlaceRow } from "../validate/placeSchema.ts";
import type { ExtractContext } from "./context.ts";
import { findPlaceMentions, type DroppedPlace, type PlaceMention, type PlaceMentions } from "./placeMentions.ts";
import type { PlaceWords } from "./placeWords.ts";

/** What place extraction reads: the shared context plus data/reference/place-words.csv parsed. */
export interface PlaceContext extends ExtractContext {
  placeWords: PlaceWords;
}

/** `{doc_id}-pl{nnn}`: 1-based order, three digits at least (`018-pl003`); `-p` is taken by person mentions. */
export function placeId(docId: string, order: number): string {
  return `${docId}-pl${String(order).padStart(3, "0")}`;
}

/**
 * The places named in `doc`, one row per name and district (one per street or town however spelt), at its first
 * mention, in text order. `status` is the first status the text gives that place (null when none); `date` is the
 * report's event date, else its publication date. An estate listed only with one building is that building
 * (`一品蓝湾小区13号楼`, kind 楼); a short name the text also writes with 小区/社区 (`光华里` and `光华里小区`) is left
 * out as the same estate. How names, districts and statuses are read: see placeMentions.ts; `found` is
 * `findPlaceMentions(doc, …)` when the caller has it already (extractDocument shares it with extractRiskAreas),
 * absent it is found here. Never throws; a report without places gives no rows. Issues (warnings at the item's line:column in the original file): a listed item
 * of another city (`place-other-city`) or garbled in a spun copy (`place-name-garbled`), left out.
 */
export function extractPlaces(doc: ParsedDoc, ctx: PlaceContext, found: PlaceMentions = findPlaceMentions(doc, ctx.gazetteer, ctx.placeWords)): { rows: PlaceRow[]; issues: Issue[] } {
  const date = doc.event_date ?? doc.published_date;
  const rows: PlaceRow[] = [];
  const byKey = new Map<string, PlaceRow>();
  const mentions = found.mentions.map((m) => asBuilding(doc.text, m));
  const strongSuffixes = ctx.placeWords.kinds.filter((k) => k.strength === "strong").map((k) => k.suffix);
  const names = new Set(mentions.map((m) => `${m.name}\u0000${m.district ?? ""}`));
  for (const m of mentions) {
    // `光华里1号楼…` beside `光华里小区(除封控区外)`: the short name is the estate the text also names in full.
    if (strongSuffixes.some((suffix) => names.has(`${m.name}${suffix}\u0000${m.district ?? ""}`))) continue;
    // A street or town is one place however written: 西红门镇 and 西红门(地区)镇; the longer spelling is kept.
    const key = `${ctx.placeWords.streetKinds.has(m.kind) ? m.name.replace("(地区)", "") : m.name}\u0000${m.district ?? ""}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.status ??= m.status;
      seen.street ??= m.street;
      if (m.name.length > seen.name.length) {
        seen.name = m.name;
        seen.span = m.span;
      }
      continue;
    }
    const row: PlaceRow = {
      id: placeId(doc.id, rows.length + 1),
      doc_id: doc.id,
      name: m.name,
      kind: m.kind,
      district: m.district,
      street: m.street,
      status: m.status,
      date,
      span: m.span,
    };
    byKey.set(key, row);
    rows.push(row);
  }
  return { rows, issues: droppedIssues(doc, found.dropped) };
}

/** One warning per dropped item (once per span), located in the original file. */
function droppedIssues(doc: ParsedDoc, dropped: readonly DroppedPlace[]): Issue[] {
  const seen = new Set<number>();
  const issues: Issue[] = [];
  // Built at the first dropped item, once: a long notice may drop hundreds.
  let positionOf: ReturnType<typeof createPositionIndex> | undefined;
  for (const d of dropped) {
    if (seen.has(d.span[0])) continue;
    seen.add(d.span[0]);
    positionOf ??= createPositionIndex(doc.original);
    const { line, column } = positionOf(doc.toSource[d.span[0]] ?? 0);
    issues.push(
      d.reason === "other-city"
        ? {
            code: "place-other-city", severity: "warning", path: doc.path, line, column,
            message: `listed place is another city's: expected a Beijing place, found ${quoteFound(d.name)}`,
            hint: "if it is a Beijing place, correct the text in data/reference/corrections.csv",
          }
        : {
            code: "place-name-garbled", severity: "warning", path: doc.path, line, column,
            message: `listed place name looks garbled: expected a name the gazetteer has (perhaps ${quoteFound(d.likely ?? "")}), found ${quoteFound(d.name)}`,
            hint: "check the original notice and correct the name in data/reference/corrections.csv",
          },
    );
  }
  return issues;
}

/** One building after a place: 13号楼, 乙1号楼. */
const ONE_BUILDING = /^[0-9A-Za-z甲乙丙丁]+号楼$/u;

/**
 * A listed estate named only with one building (`一品蓝湾小区13号楼`, never `一品蓝湾小区` alone) is that building:
 * the place is the building, kind 楼. An estate the text also names alone, or listed with several buildings
 * (`东草园五巷小区1号楼、2号楼`), stays the estate.
 */
function asBuilding(text: string, m: PlaceMention): PlaceMention {
  if (!m.listed) return m;
  const tail = text.slice(m.span[1], m.areaSpan[1]);
  if (!ONE_BUILDING.test(tail)) return m;
  for (let at = text.indexOf(m.name); at >= 0; at = text.indexOf(m.name, at + 1)) {
    if (!/[0-9A-Za-z甲乙丙丁]/u.test(text[at + m.name.length] ?? "")) return m;
  }
  return { ...m, name: m.name + tail, kind: "楼", span: [m.span[0], m.areaSpan[1]] };
}
