// GET /receipts: the operator's receipts issued between two days.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ReceiptListQuery, receiptPage } from '../../../../contracts/receipts';
import { api } from '../../../lib/api-client';

export function useReceipts(query: ReceiptListQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['receipts', 'list', query],
    queryFn: ({ signal }) => api.get<z.infer<typeof receiptPage>>('/receipts', query, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
