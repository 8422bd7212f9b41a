// PATCH /agencies/{id}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyItem, AgencyUpdate } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';
import { agencyQueryKey } from './use-agency';

export function useUpdateAgency(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AgencyUpdate) => api.patch<AgencyItem>(`/agencies/${id}`, input),
    onSuccess: (agency) => {
      queryClient.setQueryData(agencyQueryKey(id), agency);
      return queryClient.invalidateQueries({ queryKey: ['agencies'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
