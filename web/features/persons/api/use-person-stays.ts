// GET /persons/{id}/stays: where the person stayed, across properties (stays.read).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { stayPage } from '../../../../contracts/stays';
import { api } from '../../../lib/api-client';

export function usePersonStays(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['stays', 'person', personId],
    queryFn: ({ signal }) => api.get<z.infer<typeof stayPage>>(`/persons/${personId}/stays`, undefined, signal),
    enabled,
  });
}
