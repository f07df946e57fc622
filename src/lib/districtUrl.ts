/**
 * Addresses of the district pages: `/districts/{slug}/`, slugs in pinyin from the districts dataset.
 */
import type { DistrictRecord } from "../pipeline/validate/districtSchema.ts";

/** `/districts/haidian/` for the district named `海淀区` (official name or short name); undefined for any other name. */
export function findDistrictUrl(name: string | null, districts: readonly DistrictRecord[]): string | undefined {
  const district = findDistrict(name, districts);
  return district === undefined ? undefined : `/districts/${district.slug}/`;
}

/** The district whose official name, short name or slug is `name`; undefined when none is (北京市, 经开区, null). */
export function findDistrict(name: string | null, districts: readonly DistrictRecord[]): DistrictRecord | undefined {
  if (name === null) return undefined;
  return districts.find((d) => d.name === name || d.short_name === name || d.slug === name);
}

/** Districts in administrative-code order, whatever order they were handed over in. */
export function sortDistricts(districts: readonly DistrictRecord[]): DistrictRecord[] {
  return [...districts].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
