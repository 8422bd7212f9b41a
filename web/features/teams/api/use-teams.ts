// GET /teams: the list page, with search and filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { teamPage } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export type TeamFilters = {
  q: string;
  level: string;
  region: string;
  includeArchived: boolean;
  limit: number;
  offset: number;
};

export function useTeams(filters: TeamFilters) {
  return useQuery({
    queryKey: ['teams', 'list', filters],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof teamPage>>(
        '/teams',
        {
          q: filters.q,
          level: filters.level,
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
