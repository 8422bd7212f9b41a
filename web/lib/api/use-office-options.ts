// GET /offices?q=…: immigration offices to choose from (an agency's office, a team's secretariat).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { officePage } from '../../../contracts/orgs';
import { api } from '../api-client';

export function useOfficeOptions(q: string) {
  const query = useQuery({
    queryKey: ['offices', 'options', q],
    queryFn: ({ signal }) => api.get<z.infer<typeof officePage>>('/offices', { q, limit: 30 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return {
    options: (query.data?.items ?? []).map((office) => ({ value: office.id, label: office.name })),
    isFetching: query.isFetching,
  };
}
