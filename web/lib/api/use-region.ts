// GET /regions/{code}: one area with its full label, to show a code that came from a saved record.
import { useQueries, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { regionDetail } from '../../../contracts/regions';
import { api } from '../api-client';

export type RegionDetail = z.infer<typeof regionDetail>;

const regionQuery = (code: string) => ({
  queryKey: ['regions', 'one', code],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<RegionDetail>(`/regions/${code}`, undefined, signal),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useRegion(code: string | null | undefined) {
  return useQuery({ ...regionQuery(code ?? ''), enabled: Boolean(code) });
}

/** Labels of several areas at once (cached one by one, so a picker's chips load only what is new). */
export function useRegionLabels(codes: readonly string[]): Map<string, string> {
  const results = useQueries({ queries: codes.map(regionQuery) });
  const labels = new Map<string, string>();
  results.forEach((result, index) => {
    const code = codes[index];
    if (code && result.data) {
      labels.set(code, result.data.label);
    }
  });
  return labels;
}
