// POST /users: the answer carries the one-time password, shown once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserCreate, UserCreated } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreate) => api.post<UserCreated>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
