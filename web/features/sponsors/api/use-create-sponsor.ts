// POST /sponsors
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SponsorCreate, SponsorItem } from '../../../../contracts/sponsors';
import { api } from '../../../lib/api-client';
import { storeSponsor } from './use-sponsor';

export function useCreateSponsor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SponsorCreate) => api.post<SponsorItem>('/sponsors', input),
    onSuccess: (sponsor) => storeSponsor(queryClient, sponsor),
  });
}
