// GET /accommodations/me: the properties whose receipts the operator may see (names for the property choice).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ownAccommodationList } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';

export function useReceiptProperties() {
  return useQuery({
    queryKey: ['accommodations', 'mine'],
    queryFn: ({ signal }) => api.get<z.infer<typeof ownAccommodationList>>('/accommodations/me', undefined, signal),
  });
}
