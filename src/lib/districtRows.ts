/**
 * What the site holds about one district: its reports, directives, risk areas and whether any case counts name it,
 * so a district page can list them and say plainly when there is nothing.
 */
import type { CaseCsvRecord, CaseRecord } from "../pipeline/validate/caseSchema.ts";
import type { DirectiveRecord } from "../pipeline/validate/directiveSchema.ts";
import type { RiskAreaRow } from "../pipeline/validate/riskAreaSchema.ts";
import type { DocumentRow } from "../pipeline/validate/schemas.ts";
import { newestFirst } from "./documentOrder.ts";
import { sortRiskAreas } from "./riskAreaPeriods.ts";
import { compareText } from "./compareText.ts";

/** The datasets a district page reads. */
export interface SiteRows {
  documents: readonly DocumentRow[];
  directives: readonly DirectiveRecord[];
  riskAreas: readonly RiskAreaRow[];
  caseTables: readonly CaseCsvRecord[];
  caseReports: readonly CaseRecord[];
}

/** One district's rows. */
export interface DistrictRows {
  /** reports whose `districts` include it, newest first */
  documents: DocumentRow[];
  /** directives that apply to it, newest first (undated last), then in text order */
  directives: DirectiveRecord[];
  /** its risk areas, sorted by `sortRiskAreas` */
  riskAreas: RiskAreaRow[];
  /** case-count rows (tables and reports) that name it */
  caseRows: number;
  /** true when none of the above has a row */
  isEmpty: boolean;
}

/** The rows of `rows` about the district officially named `name` (`海淀区`). Never throws. */
export function selectDistrictRows(rows: SiteRows, name: string): DistrictRows {
  const documents = newestFirst(rows.documents.filter((doc) => doc.districts.includes(name)));
  const directives = rows.directives
    .filter((d) => d.district === name)
    .sort((a, b) => compareText(b.date ?? "", a.date ?? "") || compareText(a.id, b.id));
  const riskAreas = sortRiskAreas(rows.riskAreas.filter((row) => row.district === name));
  const caseRows = rows.caseTables.filter((row) => row.district === name).length + rows.caseReports.filter((row) => row.district === name).length;
  const isEmpty = documents.length === 0 && directives.length === 0 && riskAreas.length === 0 && caseRows === 0;
  return { documents, directives, riskAreas, caseRows, isEmpty };
}
