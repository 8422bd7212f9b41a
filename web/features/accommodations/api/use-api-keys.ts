// GET /accommodations/{id}/api-keys: the property's keys (never their secrets).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { apiKeyList } from '../../../../contracts/accommodations';
import { api } from '../../../lib/api-client';

export const apiKeysQueryKey = (id: string) => ['accommodations', 'api-keys', id] as const;

export function useApiKeys(id: string) {
  return useQuery({
    queryKey: apiKeysQueryKey(id),
    queryFn: ({ signal }) => api.get<z.infer<typeof apiKeyList>>(`/accommodations/${id}/api-keys`, undefined, signal),
  });
}
