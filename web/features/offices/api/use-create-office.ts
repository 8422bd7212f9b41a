// POST /offices
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OfficeCreate, OfficeItem } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export function useCreateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OfficeCreate) => api.post<OfficeItem>('/offices', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['offices'] }),
  });
}
