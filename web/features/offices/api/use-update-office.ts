// PATCH /offices/{id}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OfficeItem, OfficeUpdate } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';
import { officeQueryKey } from './use-office';

export function useUpdateOffice(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OfficeUpdate) => api.patch<OfficeItem>(`/offices/${id}`, input),
    onSuccess: (office) => {
      queryClient.setQueryData(officeQueryKey(id), office);
      return queryClient.invalidateQueries({ queryKey: ['offices'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
