// POST /compliance/properties/{id}/reminders: "Kirim pengingat" (once an hour per property).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReminderSent } from '../../../../contracts/compliance';
import { api } from '../../../lib/api-client';
import { complianceKey } from './use-compliance';

export function useSendReminder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ReminderSent>(`/compliance/properties/${id}/reminders`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: complianceKey }),
  });
}
