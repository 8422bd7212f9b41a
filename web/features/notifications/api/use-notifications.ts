// GET /notifications (the page and the bell's list) and /notifications/unread-count (the bell, polled every minute).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NotificationPage } from '../../../../contracts/notifications';
import { api } from '../../../lib/api-client';

export const notificationsKey = ['notifications'] as const;

export function useNotifications(filters: { unreadOnly: boolean; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...notificationsKey, 'list', filters],
    queryFn: ({ signal }) =>
      api.get<NotificationPage>(
        '/notifications',
        { unreadOnly: filters.unreadOnly ? 'true' : undefined, limit: filters.limit, offset: filters.offset },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: ({ signal }) => api.get<{ unread: number }>('/notifications/unread-count', undefined, signal),
    refetchInterval: 60_000,
  });
}
