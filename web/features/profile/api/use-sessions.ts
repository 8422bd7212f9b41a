// GET /auth/sessions: where this account is signed in.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sessionsResponse } from '../../../../contracts/auth';
import { api } from '../../../lib/api-client';

export type SessionItem = z.infer<typeof sessionsResponse>['items'][number];

export function useSessions() {
  return useQuery({
    queryKey: ['sessions'],
    queryFn: ({ signal }) => api.get<z.infer<typeof sessionsResponse>>('/auth/sessions', undefined, signal),
  });
}
