// POST /me/totp/recovery-codes {password}: new recovery codes; the old ones stop working.
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { recoveryCodesResponse } from '../../../../contracts/auth';
import { api } from '../../../lib/api-client';

export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (password: string) =>
      api.post<z.infer<typeof recoveryCodesResponse>>('/me/totp/recovery-codes', { password }),
  });
}
