// PATCH /teams/{id}/members/{memberId}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamMemberItem, TeamMemberUpdate } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export function useUpdateTeamMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, input }: { memberId: string; input: TeamMemberUpdate }) =>
      api.patch<TeamMemberItem>(`/teams/${teamId}/members/${memberId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
