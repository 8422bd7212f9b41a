// PATCH /sponsors/{id}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SponsorItem, SponsorUpdate } from '../../../../contracts/sponsors';
import { api } from '../../../lib/api-client';
import { storeSponsor } from './use-sponsor';

export function useUpdateSponsor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SponsorUpdate) => api.patch<SponsorItem>(`/sponsors/${id}`, input),
    onSuccess: (sponsor) => storeSponsor(queryClient, sponsor),
  });
}
