// GET /agencies?q=…: agencies to choose from (user's agency, team member), active ones only.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agencyPage } from '../../../contracts/orgs';
import { api } from '../api-client';

export function useAgencyOptions(q: string) {
  const query = useQuery({
    queryKey: ['agencies', 'options', q],
    queryFn: ({ signal }) => api.get<z.infer<typeof agencyPage>>('/agencies', { q, limit: 30 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return {
    options: (query.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
    isFetching: query.isFetching,
  };
}
