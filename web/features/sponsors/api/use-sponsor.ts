// GET /sponsors/{id}
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { SponsorItem } from '../../../../contracts/sponsors';
import { api } from '../../../lib/api-client';

export const sponsorQueryKey = (id: string) => ['sponsors', 'one', id] as const;

export function useSponsor(id: string) {
  return useQuery({
    queryKey: sponsorQueryKey(id),
    queryFn: ({ signal }) => api.get<SponsorItem>(`/sponsors/${id}`, undefined, signal),
  });
}

/** After a write: the answer is the sponsor; lists and pickers are stale. */
export function storeSponsor(queryClient: QueryClient, sponsor: SponsorItem) {
  queryClient.setQueryData(sponsorQueryKey(sponsor.id), sponsor);
  return queryClient.invalidateQueries({
    queryKey: ['sponsors'],
    predicate: (query) => query.queryKey[1] !== 'one',
  });
}
