// POST /teams/{id}/archive
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamDetail } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';
import { teamQueryKey } from './use-team';

export function useArchiveTeam(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TeamDetail>(`/teams/${id}/archive`),
    onSuccess: (team) => {
      queryClient.setQueryData(teamQueryKey(id), team);
      return queryClient.invalidateQueries({ queryKey: ['teams'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
