// POST /users/{id}/archive
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserItem } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userQueryKey } from './use-user';

export function useArchiveUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<UserItem>(`/users/${id}/archive`),
    onSuccess: (user) => {
      queryClient.setQueryData(userQueryKey(id), user);
      return queryClient.invalidateQueries({ queryKey: ['users'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
