// POST /auth/login: password first; the same call again with the code when the account has two-step sign-in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { loginRequest, Me } from '../../../../contracts/auth';
import { meQueryKey } from '../../../lib/api/use-me';
import { api } from '../../../lib/api-client';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof loginRequest>) => api.post<Me>('/auth/login', input),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
