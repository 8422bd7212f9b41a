// GET /stays: the operator's own guests, or the office's stays in its scope, by filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { stayPage } from '../../../../contracts/stays';
import { api, type QueryParams } from '../../../lib/api-client';

export function useStays(query: QueryParams) {
  return useQuery({
    queryKey: ['stays', 'list', query],
    queryFn: ({ signal }) => api.get<z.infer<typeof stayPage>>('/stays', query, signal),
    placeholderData: keepPreviousData,
  });
}
