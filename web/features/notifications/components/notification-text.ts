// A notification's title and body in the reader's language, from its message keys and parameters.
import { useTranslation } from 'react-i18next';
import type { NotificationItem } from '../../../../contracts/notifications';
import type { resources } from '../../../lib/i18n';

type MessageKey = `messages.${keyof (typeof resources)['id']['notifications']['messages']}.${'title' | 'body'}`;

export function useNotificationText() {
  const { t } = useTranslation('notifications');
  return (item: NotificationItem) => ({
    title: t(item.titleKey as MessageKey, item.params),
    body: t(item.bodyKey as MessageKey, item.params),
  });
}
