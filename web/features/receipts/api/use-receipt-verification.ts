// GET /public/receipts/{number}: the public check of a receipt (no sign-in). A 404 means "no such receipt".
import { useQuery } from '@tanstack/react-query';
import type { PublicReceiptVerification } from '../../../../contracts/receipts';
import { api } from '../../../lib/api-client';

export function useReceiptVerification(number: string | null) {
  return useQuery({
    queryKey: ['receipts', 'verify', number],
    queryFn: ({ signal }) =>
      api.get<PublicReceiptVerification>(`/public/receipts/${encodeURIComponent(number ?? '')}`, undefined, signal),
    enabled: number !== null,
    retry: false,
    staleTime: 60_000,
  });
}
