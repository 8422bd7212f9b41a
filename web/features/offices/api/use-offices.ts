// GET /offices: the list page, with search and filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { officePage } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export type OfficeFilters = {
  q: string;
  officeClass: string;
  region: string;
  includeArchived: boolean;
  limit: number;
  offset: number;
};

export function useOffices(filters: OfficeFilters) {
  return useQuery({
    queryKey: ['offices', 'list', filters],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof officePage>>(
        '/offices',
        {
          q: filters.q,
          officeClass: filters.officeClass,
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
