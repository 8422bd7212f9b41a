// GET /users/{id}
import { useQuery } from '@tanstack/react-query';
import type { UserItem } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';

export const userQueryKey = (id: string) => ['users', 'one', id] as const;

export function useUser(id: string) {
  return useQuery({
    queryKey: userQueryKey(id),
    queryFn: ({ signal }) => api.get<UserItem>(`/users/${id}`, undefined, signal),
  });
}
