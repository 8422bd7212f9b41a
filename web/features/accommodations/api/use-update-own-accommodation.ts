// PATCH /accommodations/{id}: the operator changes the contact of their own property.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccommodationContactUpdate, OwnAccommodationItem } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';
import { ownAccommodationsQueryKey } from './use-own-accommodations';

export function useUpdateOwnAccommodation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccommodationContactUpdate) => api.patch<OwnAccommodationItem>(`/accommodations/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ownAccommodationsQueryKey }),
  });
}
