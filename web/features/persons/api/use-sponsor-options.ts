// GET /sponsors?q=…: sponsors to choose from (a person's sponsor, a permit's sponsor, the register's filter).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sponsorPage } from '../../../../contracts/sponsors';
import { api } from '../../../lib/api-client';

export function useSponsorOptions(q: string) {
  const query = useQuery({
    queryKey: ['sponsors', 'options', q],
    queryFn: ({ signal }) => api.get<z.infer<typeof sponsorPage>>('/sponsors', { q, limit: 30 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return {
    options: (query.data?.items ?? []).map((sponsor) => ({
      value: sponsor.id,
      label: sponsor.registrationNo ? `${sponsor.name} (${sponsor.registrationNo})` : sponsor.name,
    })),
    isFetching: query.isFetching,
  };
}
