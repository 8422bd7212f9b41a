// GET /me: who is signed in (null when nobody is). Everything the shell shows depends on this one query.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../contracts/auth';
import { api, isApiError } from '../api-client';

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

export function useSetMe() {
  const queryClient = useQueryClient();
  return (me: Me | null) => queryClient.setQueryData(meQueryKey, me);
}

/** True while the account must change its password or enrol a second factor before anything else. */
export function needsAccountSetup(me: Me): boolean {
  return me.mustChangePassword || me.totpEnrolmentRequired;
}
