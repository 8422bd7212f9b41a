// POST /agencies/{id}/archive
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyItem } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';
import { agencyQueryKey } from './use-agency';

export function useArchiveAgency(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AgencyItem>(`/agencies/${id}/archive`),
    onSuccess: (agency) => {
      queryClient.setQueryData(agencyQueryKey(id), agency);
      return queryClient.invalidateQueries({ queryKey: ['agencies'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
