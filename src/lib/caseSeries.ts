/**
 * Daily new local cases per district (and for the whole city) from the `case_csv` dataset, ready to chart.
 *
 * Which rows: only rows counted over a bulletin day (`window` = `0-24`), `measure` = `new`, `scope` = `local`.
 * In the emitted data these are exactly the 2022 series (2022-03-29 … 2022-05-11): the per-district rows of
 * `layout=districts` and the city totals of `layout=citywide`. The 2020 rows are left out on purpose: they are
 * day-over-day differences of cumulative totals (negative where the bulletin revised cases), from 2020-02-07 their
 * date is the collection day and not the bulletin's, and they carry no window — putting them on the same axis as
 * bulletin days would show differences as if they were daily counts (data/raw/cases/README.md).
 *
 * The 2022 district counts were counted from per-case entries: some days are lower bounds and some days are
 * missing. A missing day stays `null` (a gap), never 0.
 */
import { addDays, getDayRange } from "./isoDays.ts";

/** The columns of a `case_csv` row this module reads. */
export interface CaseCsvRowSpec {
  layout: string;
  date: string;
  window: string | null;
  scope: string;
  measure: string;
  /** official district name, or 北京市 for the city */
  district: string;
  confirmed: number | null;
  asymptomatic: number | null;
  /** the district file's coverage column (partial: the day's count is a lower bound); absent or null where unknown */
  coverage?: string | null;
}

/** A district as the datasets name and address it. */
export interface DistrictRef {
  /** official name, e.g. 海淀区 */
  name: string;
  /** pinyin slug, e.g. haidian */
  slug: string;
}

/** One day of one series. Counts are `null` when not reported that day. */
export interface DailyCases {
  /** YYYY-MM-DD */
  date: string;
  confirmed: number | null;
  asymptomatic: number | null;
  /** confirmed + asymptomatic; null unless both are known */
  total: number | null;
  /** mean `total` of the 7 days ending on `date`, over the days reported (at least 4), one decimal; else null */
  average7: number | null;
}

/** The daily series of the city or one district, one entry per day of the whole range (gaps are nulls). */
export interface CaseSeries {
  /** `beijing` for the city, else the district's slug */
  key: string;
  /** 全市 or the district's official name */
  name: string;
  days: DailyCases[];
  /** sums over the days reported */
  confirmed: number;
  asymptomatic: number;
  /** days with a known total */
  reportedDays: number;
  /** days of the range whose total is missing or a lower bound (coverage partial): a 0 sum then says nothing */
  incompleteDays: number;
  /** the day with the largest total (the earliest of equal days), or null when no day is reported */
  peak: { date: string; total: number } | null;
}

/** What getDailyCaseSeries returns. `first`/`last` are null when no row qualifies. */
export interface DailyCaseSeries {
  first: string | null;
  last: string | null;
  /** the city totals (layout citywide), or null when they are not in the rows or a district was asked for */
  city: CaseSeries | null;
  /** one series per district in the order of `districts` (only the asked district when `district` is set) */
  districts: CaseSeries[];
}

/** The minimum of reported days in a 7-day window for its average to be shown. */
const MIN_DAYS_FOR_AVERAGE = 4;

/** Is this row a bulletin day's new local count (see the module note)? */
export function isDailyNewLocal(row: CaseCsvRowSpec): boolean {
  return row.window === "0-24" && row.measure === "new" && row.scope === "local";
}

/**
 * The per-district daily new local cases, plus the city total, over one common range of days (the union of the
 * dates of the selected rows). With `district` (a slug of `districts`), only that district and no city series.
 * Rows of an unknown district name are ignored (the pipeline validated them already). Never throws on data: no
 * qualifying row gives `first: null` and series whose days are empty.
 */
export function getDailyCaseSeries(rows: readonly CaseCsvRowSpec[], districts: readonly DistrictRef[], options: { district?: string } = {}): DailyCaseSeries {
  const wanted = options.district === undefined ? districts : districts.filter((d) => d.slug === options.district);
  const names = new Set(wanted.map((d) => d.name));
  const byDistrict = new Map<string, Map<string, CaseCsvRowSpec>>();
  const city = new Map<string, CaseCsvRowSpec>();
  let first: string | null = null;
  let last: string | null = null;
  for (const row of rows) {
    if (!isDailyNewLocal(row)) continue;
    let target: Map<string, CaseCsvRowSpec>;
    if (row.layout === "citywide") {
      if (options.district !== undefined) continue;
      target = city;
    } else if (row.layout === "districts" && names.has(row.district)) {
      target = byDistrict.get(row.district) ?? new Map();
      byDistrict.set(row.district, target);
    } else continue;
    target.set(row.date, row);
    if (first === null || row.date < first) first = row.date;
    if (last === null || row.date > last) last = row.date;
  }
  const days = first !== null && last !== null ? getDayRange(first, last) : [];
  return {
    first,
    last,
    city: city.size > 0 ? buildSeries("beijing", "全市", city, days) : null,
    districts: wanted.map((d) => buildSeries(d.slug, d.name, byDistrict.get(d.name) ?? new Map(), days)),
  };
}

function buildSeries(key: string, name: string, byDate: ReadonlyMap<string, CaseCsvRowSpec>, range: readonly string[]): CaseSeries {
  const totals = new Map<string, number>();
  let confirmed = 0;
  let asymptomatic = 0;
  let peak: CaseSeries["peak"] = null;
  for (const [date, row] of byDate) {
    if (row.confirmed !== null) confirmed += row.confirmed;
    if (row.asymptomatic !== null) asymptomatic += row.asymptomatic;
    if (row.confirmed !== null && row.asymptomatic !== null) totals.set(date, row.confirmed + row.asymptomatic);
  }
  const days = range.map((date): DailyCases => {
    const row = byDate.get(date);
    const total = totals.get(date) ?? null;
    if (total !== null && (peak === null || total > peak.total || (total === peak.total && date < peak.date))) peak = { date, total };
    return { date, confirmed: row?.confirmed ?? null, asymptomatic: row?.asymptomatic ?? null, total, average7: getAverage7(totals, date) };
  });
  const incompleteDays = range.filter((date) => !totals.has(date) || byDate.get(date)?.coverage === "partial").length;
  return { key, name, days, confirmed, asymptomatic, reportedDays: totals.size, incompleteDays, peak };
}

/** Mean of the known totals of the 7 days ending on `date`, one decimal; null with fewer than 4 known days. */
function getAverage7(totals: ReadonlyMap<string, number>, date: string): number | null {
  let sum = 0;
  let known = 0;
  for (let back = 0; back < 7; back++) {
    const value = totals.get(addDays(date, -back));
    if (value === undefined) continue;
    sum += value;
    known += 1;
  }
  return known >= MIN_DAYS_FOR_AVERAGE ? Math.round((sum / known) * 10) / 10 : null;
}
