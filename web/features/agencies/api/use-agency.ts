// GET /agencies/{id}
import { useQuery } from '@tanstack/react-query';
import type { AgencyItem } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export const agencyQueryKey = (id: string) => ['agencies', 'one', id] as const;

export function useAgency(id: string) {
  return useQuery({
    queryKey: agencyQueryKey(id),
    queryFn: ({ signal }) => api.get<AgencyItem>(`/agencies/${id}`, undefined, signal),
  });
}
