// GET /agencies: the list page, with search and filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agencyPage } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export type AgencyFilters = {
  q: string;
  kind: string;
  region: string;
  includeArchived: boolean;
  limit: number;
  offset: number;
};

export function useAgencies(filters: AgencyFilters) {
  return useQuery({
    queryKey: ['agencies', 'list', filters],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof agencyPage>>(
        '/agencies',
        {
          q: filters.q,
          kind: filters.kind,
          region: filters.region,
          includeArchived: filters.includeArchived || undefined,
          limit: filters.limit,
          offset: filters.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
