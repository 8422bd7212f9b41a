// GET /accommodations/{id}: one property with its contact and status (the read is audited).
import { useQuery } from '@tanstack/react-query';
import type { AccommodationDetail } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';

export const accommodationQueryKey = (id: string) => ['accommodations', 'one', id] as const;

export function useAccommodation(id: string) {
  return useQuery({
    queryKey: accommodationQueryKey(id),
    queryFn: ({ signal }) => api.get<AccommodationDetail>(`/accommodations/${id}`, undefined, signal),
  });
}
