// POST /users/{id}/reset-password: a new one-time password (shown once); the user's sessions end.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordResetResult } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userQueryKey } from './use-user';

export function useResetUserPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PasswordResetResult>(`/users/${id}/reset-password`),
    onSuccess: (result) => {
      queryClient.setQueryData(userQueryKey(id), result.user);
      return queryClient.invalidateQueries({ queryKey: ['users'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
