// All of the user's notifications, unread first: open one (marks it read), mark one or all read.
import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useMarkAllRead, useMarkRead } from '../api/use-mark-read';
import { useNotifications } from '../api/use-notifications';
import { useNotificationText } from '../components/notification-text';

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const list = useListState(['unread'] as const);
  const notifications = useNotifications({
    unreadOnly: list.filters.unread === '1',
    limit: list.limit,
    offset: list.offset,
  });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const text = useNotificationText();
  const unread = notifications.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <Button
            variant="light"
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={unread === 0}
            data-testid="notifications-read-all"
          >
            {t('markAllRead')}
          </Button>
        }
      />
      <Switch
        mb="md"
        label={t('unreadOnly')}
        checked={list.filters.unread === '1'}
        onChange={(e) => list.setFilter('unread', e.currentTarget.checked ? '1' : null)}
      />
      {notifications.error ? <ErrorAlert error={notifications.error} /> : null}
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
      {notifications.isPending ? (
        <PageLoader />
      ) : (
        <Stack gap="xs" data-testid="notifications-list">
          {notifications.data?.items.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
          {notifications.data?.items.map((item) => {
            const { title, body } = text(item);
            return (
              <Paper key={item.id} withBorder p="sm" radius="md" data-testid="notification-row">
                <Group justify="space-between" align="start" wrap="nowrap">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <Text fw={item.readAt ? 500 : 700}>{title}</Text>
                      {!item.readAt && (
                        <Badge size="sm" color="red" variant="light">
                          {t('unread')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm">{body}</Text>
                    <Text size="xs" c="dimmed">
                      {format.dateTime(item.createdAt)}
                    </Text>
                  </Stack>
                  <Stack gap={4} align="end">
                    {item.link && (
                      <Anchor
                        component={Link}
                        to={item.link}
                        size="sm"
                        onClick={() => !item.readAt && markRead.mutate(item.id)}
                      >
                        {t('open')}
                      </Anchor>
                    )}
                    {!item.readAt && (
                      <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(item.id)}>
                        {t('markRead')}
                      </Button>
                    )}
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <ListFooter total={notifications.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
    </>
  );
}
