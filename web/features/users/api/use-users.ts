// GET /users: the list page, with search and filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { userPage } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';

export type UserFilters = {
  q: string;
  agencyId: string;
  role: string;
  status: string;
  limit: number;
  offset: number;
};

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['users', 'list', filters],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof userPage>>(
        '/users',
        {
          q: filters.q,
          agencyId: filters.agencyId,
          role: filters.role,
          status: filters.status,
          limit: filters.limit,
          offset: filters.offset,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
