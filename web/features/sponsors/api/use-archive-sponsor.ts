// POST /sponsors/{id}/archive
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SponsorItem } from '../../../../contracts/sponsors';
import { api } from '../../../lib/api-client';
import { storeSponsor } from './use-sponsor';

export function useArchiveSponsor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SponsorItem>(`/sponsors/${id}/archive`),
    onSuccess: (sponsor) => storeSponsor(queryClient, sponsor),
  });
}
