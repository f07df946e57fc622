/**
 * A list split into pages whose addresses cannot collide with a sibling route: page 1 is the list's own address
 * (`/reports/`), page N is under `page/` (`/reports/page/2/`), so `/reports/2/` is never both a list page and a
 * report (`/reports/[id]/`).
 */

/** One page of a list: what src/components/Pagination.astro reads. */
export interface ListPage<T> {
  data: T[];
  /** 1-based */
  currentPage: number;
  lastPage: number;
  /** items in the whole list */
  total: number;
  url: { current: string; prev: string | undefined; next: string | undefined };
}

/**
 * The static paths of `items` split into pages of `pageSize` under `base` (`/reports/`, ending in `/`): the rest
 * parameter `page` is undefined for page 1 and `page/N` after it. An empty list still has its page 1. Throws on a
 * pageSize below 1 (a bug of the caller).
 */
export function getListPaths<T>(items: readonly T[], pageSize: number, base: string): Array<{ params: { page: string | undefined }; props: { page: ListPage<T> } }> {
  if (!(pageSize >= 1)) throw new Error(`getListPaths: expected a page size of 1 or more, found ${pageSize}`);
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  const urlOf = (n: number) => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: lastPage }, (_, index) => {
    const n = index + 1;
    const page: ListPage<T> = {
      data: items.slice(index * pageSize, n * pageSize),
      currentPage: n,
      lastPage,
      total: items.length,
      url: { current: urlOf(n), prev: n > 1 ? urlOf(n - 1) : undefined, next: n < lastPage ? urlOf(n + 1) : undefined },
    };
    return { params: { page: n === 1 ? undefined : `page/${n}` }, props: { page } };
  });
}
