/**
 * The other reports that name a person, so a report page can link a name to where else it appears.
 */
import type { PersonRecord } from "../pipeline/validate/personSchema.ts";

/** Ids of the reports other than `docId` that name `name`, sorted; [] when the person is in no other report or unknown. */
export function findOtherReports(name: string, people: readonly PersonRecord[], docId: string): string[] {
  const person = people.find((p) => p.name === name);
  return person === undefined ? [] : person.doc_ids.filter((id) => id !== docId).sort();
}
