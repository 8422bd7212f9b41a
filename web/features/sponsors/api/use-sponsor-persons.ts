// GET /sponsors/{id}/persons: the foreigners this sponsor is responsible for, with their status.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PersonStatusCode, personPage } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';

export type SponsorPersonFilters = { status: PersonStatusCode | ''; limit: number; offset: number };

export function useSponsorPersons(sponsorId: string, filters: SponsorPersonFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['sponsors', 'persons', sponsorId, filters],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof personPage>>(
        `/sponsors/${sponsorId}/persons`,
        { status: filters.status, limit: filters.limit, offset: filters.offset },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}
