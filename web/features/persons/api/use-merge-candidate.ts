// The other record of a merge: found with the register search (GET /persons?q=), then opened (GET /persons/{id},
// audited with the purpose) to be compared side by side before the merge. The candidate has a cache entry of its
// own, apart from the person page's: the page's entry is read without a purpose, and a write that refreshes the page
// must not read the candidate again with the dialog's purpose (each read is a view in "dilihat oleh").
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PersonDetail, personPage } from '../../../../contracts/persons';
import { api } from '../../../lib/api-client';

export const mergeCandidatesKey = ['persons', 'merge-candidate'] as const;
export const mergeCandidateKey = (id: string | null) => [...mergeCandidatesKey, id] as const;

export const mergeSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['persons', 'list', 'merge-search', q],
    queryFn: ({ signal }) => api.get<z.infer<typeof personPage>>('/persons', { q, limit: 8 }, signal),
    enabled: q.length >= 2,
  });

export const mergeCandidateQuery = (id: string | null, purpose: string) =>
  queryOptions({
    queryKey: mergeCandidateKey(id),
    queryFn: ({ signal }) => api.get<PersonDetail>(`/persons/${id}`, { purpose }, signal),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });

export function useMergeSearch(q: string) {
  return useQuery(mergeSearchQuery(q));
}

export function useMergeCandidate(id: string | null, purpose: string) {
  return useQuery(mergeCandidateQuery(id, purpose));
}
