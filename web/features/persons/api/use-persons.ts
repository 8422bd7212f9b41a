// GET /persons: the register, searched (ranked by relevance) and filtered.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PermitType, PersonStatusCode, personPage } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';

export type PersonFilters = {
  q: string;
  region: string;
  nationality: string;
  permitType: PermitType | '';
  status: PersonStatusCode | '';
  sponsorId: string;
  limit: number;
  offset: number;
};

export function usePersons(filters: PersonFilters) {
  return useQuery({
    queryKey: ['persons', 'list', filters],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof personPage>>(
        '/persons',
        {
          q: filters.q,
          region: filters.region,
          nationality: filters.nationality,
          permitType: filters.permitType,
          status: filters.status,
          sponsorId: filters.sponsorId,
          limit: filters.limit,
          offset: filters.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
