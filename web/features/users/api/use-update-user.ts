// PATCH /users/{id}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserItem, UserUpdate } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userQueryKey } from './use-user';

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserUpdate) => api.patch<UserItem>(`/users/${id}`, input),
    onSuccess: (user) => {
      queryClient.setQueryData(userQueryKey(id), user);
      return queryClient.invalidateQueries({ queryKey: ['users'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
