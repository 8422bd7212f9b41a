// POST /offices/{id}/archive
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OfficeItem } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';
import { officeQueryKey } from './use-office';

export function useArchiveOffice(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OfficeItem>(`/offices/${id}/archive`),
    onSuccess: (office) => {
      queryClient.setQueryData(officeQueryKey(id), office);
      return queryClient.invalidateQueries({ queryKey: ['offices'], predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}
