// GET /accommodations/me: the properties the signed-in operator runs.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ownAccommodationList } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';

export const ownAccommodationsQueryKey = ['accommodations', 'mine'] as const;

export function useOwnAccommodations() {
  return useQuery({
    queryKey: ownAccommodationsQueryKey,
    queryFn: ({ signal }) => api.get<z.infer<typeof ownAccommodationList>>('/accommodations/me', undefined, signal),
  });
}
