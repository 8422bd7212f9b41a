// POST /teams/{id}/members
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamMemberCreate, TeamMemberItem } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export function useAddTeamMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamMemberCreate) => api.post<TeamMemberItem>(`/teams/${teamId}/members`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
