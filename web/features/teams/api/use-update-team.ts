// PATCH /teams/{id}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamDetail, TeamUpdate } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';
import { teamQueryKey } from './use-team';

export function useUpdateTeam(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamUpdate) => api.patch<TeamDetail>(`/teams/${id}`, input),
    onSuccess: (team) => {
      queryClient.setQueryData(teamQueryKey(id), team);
      return queryClient.invalidateQueries({ queryKey: ['teams'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
