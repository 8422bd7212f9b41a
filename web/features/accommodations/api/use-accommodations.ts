// GET /accommodations: the office's list, with search and filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { accommodationPage } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';

export type AccommodationFilters = {
  q: string;
  status: string;
  kind: string;
  area: string;
  limit: number;
  offset: number;
};

export function useAccommodations(filters: AccommodationFilters) {
  return useQuery({
    queryKey: ['accommodations', 'list', filters],
    queryFn: ({ signal }) => api.get<z.infer<typeof accommodationPage>>('/accommodations', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}
