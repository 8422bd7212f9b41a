// POST /teams
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamCreate, TeamDetail } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamCreate) => api.post<TeamDetail>('/teams', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
