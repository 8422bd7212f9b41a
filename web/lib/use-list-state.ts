// The state of a list page (search, filters, page) lives in the address, so Back, reload and shared links keep it.
import { useSearchParams } from 'react-router';

export const PAGE_SIZE = 25;

export function useListState<F extends string>(filterNames: readonly F[]) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const q = params.get('q') ?? '';
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Record<F, string>;

  const update = (changes: Record<string, string | null>, keepPage = false) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') {
            next.delete(key);
          } else {
            next.set(key, value);
          }
        }
        if (!keepPage) {
          next.delete('page');
        }
        return next;
      },
      { replace: true },
    );
  };

  return {
    q,
    page,
    filters,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    hasFilters: Boolean(q) || filterNames.some((name) => Boolean(filters[name])),
    setQ: (value: string) => update({ q: value }),
    setFilter: (name: F, value: string | null) => update({ [name]: value }),
    /** several filters in one step (two separate calls would each start from the same address) */
    setFilters: (changes: Partial<Record<F, string | null>>) => update(changes as Record<string, string | null>),
    setPage: (value: number) => update({ page: value > 1 ? String(value) : null }, true),
    clear: () => update(Object.fromEntries([['q', null], ...filterNames.map((name) => [name, null])])),
  };
}
