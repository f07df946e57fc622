/**
 * Which days have a briefing. A day has a city briefing when it has any data: a whole-day new local case count (a
 * case_csv row or a report's statement, city or district, briefingData.ts says which rows), a report published
 * (getDocumentDay), a directive dated that day, or a risk area added or lifted (riskAreaChanges.ts).
 *
 * A district has a briefing of its own on a day it has data of its own: a report about it, a directive for it, a
 * risk area of it added or lifted, or new local cases in it (a count above 0). A count of 0 alone makes no district
 * briefing: the 2022 tables give every district a row every day, and 16 pages saying "no new cases" would add
 * nothing the city briefing does not say.
 */
import { CITY, type BriefingIndex } from "./briefingData.ts";

/** Every briefing day, oldest first. Empty when the datasets hold no dated row. */
export function listBriefingDates(index: BriefingIndex): string[] {
  const days = new Set<string>();
  for (const key of index.cases.keys()) days.add(key.slice(0, 10));
  for (const map of [index.documents, index.directives, index.riskEvents]) for (const day of map.keys()) days.add(day);
  return [...days].sort();
}

/** The days the district officially named `name` has a briefing of its own (see the module note), oldest first. */
export function listDistrictBriefingDates(index: BriefingIndex, name: string): string[] {
  const days = new Set<string>();
  for (const [key, found] of index.cases) {
    if (key.slice(11) !== name || name === CITY) continue;
    if ((found.row.confirmed ?? 0) > 0 || (found.row.asymptomatic ?? 0) > 0) days.add(key.slice(0, 10));
  }
  for (const [day, docs] of index.documents) if (docs.some((d) => d.districts.includes(name))) days.add(day);
  for (const [day, rows] of index.directives) if (rows.some((d) => d.district === name)) days.add(day);
  for (const [day, events] of index.riskEvents) if (events.some((e) => e.district === name)) days.add(day);
  return [...days].sort();
}
