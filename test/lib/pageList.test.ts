import { describe, expect, it } from "vitest";
import { getListPaths } from "../../src/lib/pageList.ts";

describe("getListPaths(items, pageSize, base)", () => {
  it("puts page 1 at the list's address and the others under page/N/", () => {
    const paths = getListPaths(["a", "b", "c", "d", "e"], 2, "/reports/");
    expect(paths.map((p) => p.params.page)).toEqual([undefined, "page/2", "page/3"]);
    expect(paths[0]!.props.page).toEqual({ data: ["a", "b"], currentPage: 1, lastPage: 3, total: 5, url: { current: "/reports/", prev: undefined, next: "/reports/page/2/" } });
    expect(paths[2]!.props.page).toEqual({ data: ["e"], currentPage: 3, lastPage: 3, total: 5, url: { current: "/reports/page/3/", prev: "/reports/page/2/", next: undefined } });
  });

  it("keeps page 1 of an empty list", () => {
    expect(getListPaths([], 20, "/x/")).toEqual([{ params: { page: undefined }, props: { page: { data: [], currentPage: 1, lastPage: 1, total: 0, url: { current: "/x/", prev: undefined, next: undefined } } } }]);
  });

  it("throws on a page size below 1", () => expect(() => getListPaths([1], 0, "/x/")).toThrow("expected a page size of 1 or more, found 0"));
});
