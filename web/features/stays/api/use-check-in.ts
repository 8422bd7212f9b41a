// POST /stays/check-ins: one guest or a group. Each submission carries its own Idempotency-Key, so a retry after a
// dropped connection (slow links) cannot report the guest twice.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CheckInRequest, CheckInResult } from '../../../../contracts/stays';
import { apiRequest } from '../../../lib/api-client';

export function useCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CheckInRequest; idempotencyKey: string }) =>
      apiRequest<CheckInResult>('POST', '/stays/check-ins', { body, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stays'] }),
  });
}
