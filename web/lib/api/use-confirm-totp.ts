// POST /me/totp/confirm: the first code from the app switches two-step sign-in on and returns the recovery codes.
// /me is deliberately not refetched here: the caller shows the recovery codes first, then refreshes.
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { recoveryCodesResponse } from '../../../contracts/auth';
import { api } from '../api-client';

export function useConfirmTotp() {
  return useMutation({
    mutationFn: (code: string) => api.post<z.infer<typeof recoveryCodesResponse>>('/me/totp/confirm', { code }),
  });
}
