// POST /users/{id}/reset-totp: clears the second factor (lost phone); the user enrols again at next sign-in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserItem } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userQueryKey } from './use-user';

export function useResetUserTotp(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<UserItem>(`/users/${id}/reset-totp`),
    onSuccess: (user) => {
      queryClient.setQueryData(userQueryKey(id), user);
      return queryClient.invalidateQueries({ queryKey: ['users'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
