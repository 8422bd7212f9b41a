// PATCH /me {locale}: the language is remembered per user.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../contracts/auth';
import type { Locale } from '../../../contracts/common';
import { api } from '../api-client';
import { meQueryKey } from './use-me';

export function useUpdateLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.patch<Me>('/me', { locale }),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
