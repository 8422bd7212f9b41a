// POST /accommodations/{id}/api-keys/{keyId}/revoke
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyItem } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';
import { apiKeysQueryKey } from './use-api-keys';

export function useRevokeApiKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => api.post<ApiKeyItem>(`/accommodations/${id}/api-keys/${keyId}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(id) }),
  });
}
