// GET /teams/{id}: the team with its member agencies.
import { useQuery } from '@tanstack/react-query';
import type { TeamDetail } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export const teamQueryKey = (id: string) => ['teams', 'one', id] as const;

export function useTeam(id: string) {
  return useQuery({
    queryKey: teamQueryKey(id),
    queryFn: ({ signal }) => api.get<TeamDetail>(`/teams/${id}`, undefined, signal),
  });
}
