// PATCH /accommodations/{id}/registration: the office changes what is registered about a property.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccommodationDetail, accommodationUpdate } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';
import { accommodationQueryKey } from './use-accommodation';

export function useUpdateAccommodation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof accommodationUpdate>) =>
      api.patch<AccommodationDetail>(`/accommodations/${id}/registration`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(accommodationQueryKey(id), detail);
      return queryClient.invalidateQueries({ queryKey: ['accommodations'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
