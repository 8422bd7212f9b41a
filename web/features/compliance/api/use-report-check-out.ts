// POST /stays/{id}/check-out and /stays/{id}/extension from the operator's "perlu check-out" list.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { complianceKey } from './use-compliance';

export type FollowUp =
  | { kind: 'check-out'; stayId: string; checkedOutAt: string }
  | { kind: 'extension'; stayId: string; expectedCheckOut: string };

export function useReportCheckOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowUp) =>
      input.kind === 'check-out'
        ? api.post(`/stays/${input.stayId}/check-out`, { checkedOutAt: input.checkedOutAt })
        : api.post(`/stays/${input.stayId}/extension`, { expectedCheckOut: input.expectedCheckOut }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: complianceKey }),
        queryClient.invalidateQueries({ queryKey: ['stays'] }),
      ]),
  });
}
