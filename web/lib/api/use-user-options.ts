// GET /users?q=…: people to choose from (the actor filter of the audit log).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { userPage } from '../../../contracts/users';
import { api } from '../api-client';

export function useUserOptions(q: string) {
  const query = useQuery({
    queryKey: ['users', 'options', q],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof userPage>>('/users', { q, limit: 30, includeArchived: true }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return {
    options: (query.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })),
    isFetching: query.isFetching,
  };
}
