// GET /regions?q=…: areas whose name matches, for the area picker.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RegionItem } from '../../../contracts/regions';
import { api } from '../api-client';

export type RegionSearch = { q: string; level?: number | undefined; within?: string | undefined; limit?: number };

export function useRegionSearch(search: RegionSearch, enabled: boolean) {
  return useQuery({
    queryKey: ['regions', 'search', search],
    queryFn: ({ signal }) =>
      api.get<{ items: RegionItem[] }>(
        '/regions',
        { q: search.q, level: search.level, within: search.within, limit: search.limit ?? 20 },
        signal,
      ),
    enabled,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}
