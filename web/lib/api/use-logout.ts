// POST /auth/logout, then forget everything cached for this user.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api-client';
import { meQueryKey } from './use-me';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
