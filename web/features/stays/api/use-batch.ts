// GET /stays/batches/{id}: polled every two seconds until the batch is done.
import { useQuery } from '@tanstack/react-query';
import type { BatchDetail } from '../../../../contracts/stays';
import { api } from '../../../lib/api-client';

const done = (status: string | undefined) => status !== undefined && status !== 'queued' && status !== 'processing';

export function useBatch(id: string | null) {
  return useQuery({
    queryKey: ['stays', 'batch', id],
    queryFn: ({ signal }) => api.get<BatchDetail>(`/stays/batches/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (done(query.state.data?.status) ? false : 2000),
  });
}
