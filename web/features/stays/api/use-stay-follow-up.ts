// POST /stays/{id}/check-out | extension: the operator's follow-up reports, each with its own Idempotency-Key.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StayReportResult } from '../../../../contracts/stays';
import { apiRequest } from '../../../lib/api-client';

export type FollowUp =
  | { kind: 'check-out'; stayId: string; body: { checkedOutAt: string } }
  | { kind: 'extension'; stayId: string; body: { expectedCheckOut: string } };

export function useStayFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (f: FollowUp) =>
      apiRequest<StayReportResult>('POST', `/stays/${f.stayId}/${f.kind}`, {
        body: f.body,
        headers: { 'idempotency-key': crypto.randomUUID() },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stays'] }),
  });
}
