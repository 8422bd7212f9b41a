// POST /me/password: other sessions end; this one continues.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordRequest } from '../../../contracts/auth';
import { api } from '../api-client';
import { meQueryKey } from './use-me';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.infer<typeof changePasswordRequest>) => api.post<{ ok: true }>('/me/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
