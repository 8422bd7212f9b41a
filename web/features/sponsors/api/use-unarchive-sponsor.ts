// POST /sponsors/{id}/unarchive
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SponsorItem } from '../../../../contracts/sponsors';
import { api } from '../../../lib/api-client';
import { storeSponsor } from './use-sponsor';

export function useUnarchiveSponsor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SponsorItem>(`/sponsors/${id}/unarchive`),
    onSuccess: (sponsor) => storeSponsor(queryClient, sponsor),
  });
}
