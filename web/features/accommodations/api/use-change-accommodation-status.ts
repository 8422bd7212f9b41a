// POST /accommodations/{id}/verify | reject | suspend | reactivate: the office's decisions on a property.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccommodationDetail } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';
import { accommodationQueryKey } from './use-accommodation';

export type StatusAction = 'verify' | 'reject' | 'suspend' | 'reactivate';

export function useChangeAccommodationStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: StatusAction; reason?: string }) =>
      api.post<AccommodationDetail>(
        `/accommodations/${id}/${action}`,
        action === 'reject' || action === 'suspend' ? { reason } : undefined,
      ),
    onSuccess: (detail) => {
      queryClient.setQueryData(accommodationQueryKey(id), detail);
      return queryClient.invalidateQueries({ queryKey: ['accommodations'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
