// POST /accommodations/me/registrations: an operator of a verified property registers another one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccommodationProperty, OwnAccommodationItem } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';
import { ownAccommodationsQueryKey } from './use-own-accommodations';

export function useRegisterAnotherAccommodation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccommodationProperty) =>
      api.post<OwnAccommodationItem>('/accommodations/me/registrations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ownAccommodationsQueryKey }),
  });
}
