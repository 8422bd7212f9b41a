// POST /me/totp/enrol: a new secret waiting for confirmation (QR image and the secret for typing in by hand).
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { totpEnrolmentResponse } from '../../../contracts/auth';
import { api } from '../api-client';

export type TotpEnrolment = z.infer<typeof totpEnrolmentResponse>;

export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: () => api.post<TotpEnrolment>('/me/totp/enrol') });
}
