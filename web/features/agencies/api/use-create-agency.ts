// POST /agencies
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgencyCreate, AgencyItem } from '../../../../contracts/orgs';
import { api } from '../../../lib/api-client';

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AgencyCreate) => api.post<AgencyItem>('/agencies', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agencies'] }),
  });
}
