// The other record of a merge: found with the register search (GET /persons?q=), then opened (GET /persons/{id},
// audited with the purpose) to be compared side by side before the merge.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PersonDetail, personPage } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';

export function useMergeSearch(q: string) {
  return useQuery({
    queryKey: ['persons', 'list', 'merge-search', q],
    queryFn: ({ signal }) => api.get<z.infer<typeof personPage>>('/persons', { q, limit: 8 }, signal),
    enabled: q.length >= 2,
  });
}

export function useMergeCandidate(id: string | null, purpose: string) {
  return useQuery({
    queryKey: ['persons', 'one', id],
    queryFn: ({ signal }) => api.get<PersonDetail>(`/persons/${id}`, { purpose }, signal),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}
