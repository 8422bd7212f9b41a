// GET /sponsors: the list page, with search and filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SponsorKind, sponsorPage } from '../../../../contracts/sponsors';
import { api } from '../../../lib/api-client';

export type SponsorFilters = {
  q: string;
  kind: SponsorKind | '';
  region: string;
  includeArchived: boolean;
  limit: number;
  offset: number;
};

export function useSponsors(filters: SponsorFilters) {
  return useQuery({
    queryKey: ['sponsors', 'list', filters],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof sponsorPage>>(
        '/sponsors',
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
