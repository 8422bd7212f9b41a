// POST /accommodations/{id}/api-keys: the answer carries the secret, once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { apiKeyCreated } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';
import { apiKeysQueryKey } from './use-api-keys';

export function useCreateApiKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<z.infer<typeof apiKeyCreated>>(`/accommodations/${id}/api-keys`, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(id) }),
  });
}
