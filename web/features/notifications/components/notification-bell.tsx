// The bell in the header: the unread count, and the latest notifications one click away.
import { ActionIcon, Anchor, Divider, Indicator, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { NotificationItem } from '../../../../contracts/notifications';
import { useFormat } from '../../../lib/use-format';
import { useMarkRead } from '../api/use-mark-read';
import { useNotifications, useUnreadCount } from '../api/use-notifications';
import { useNotificationText } from './notification-text';

export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount().data?.unread ?? 0;
  const latest = useNotifications({ unreadOnly: false, limit: 5, offset: 0 });
  const markRead = useMarkRead();
  const text = useNotificationText();
  const format = useFormat();
  const navigate = useNavigate();

  const open = (item: NotificationItem) => {
    setOpened(false);
    if (!item.readAt) {
      markRead.mutate(item.id);
    }
    void navigate(item.link ?? '/notifications');
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')}
            data-testid="notification-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={4}>
          {(latest.data?.items ?? []).length === 0 && (
            <Text size="sm" c="dimmed" p="xs">
              {t('empty')}
            </Text>
          )}
          {latest.data?.items.map((item) => {
            const { title, body } = text(item);
            return (
              <UnstyledButton key={item.id} onClick={() => open(item)} p="xs" data-testid="notification-bell-item">
                <Text size="sm" fw={item.readAt ? 400 : 700}>
                  {title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {body}
                </Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(item.createdAt)}
                </Text>
              </UnstyledButton>
            );
          })}
          <Divider />
          <Anchor component={Link} to="/notifications" size="sm" p="xs" onClick={() => setOpened(false)}>
            {t('seeAll')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
