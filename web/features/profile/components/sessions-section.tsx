// Where the account is signed in, and a way to end every session at once (a lost phone, a shared computer).
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceDesktop, IconDeviceMobile, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { useFormat } from '../../../lib/use-format';
import { useLogoutEverywhere } from '../api/use-logout-everywhere';
import { type SessionItem, useSessions } from '../api/use-sessions';

/** "Chrome · Android" from a user-agent string; enough to recognise one's own devices. */
export function describeDevice(userAgent: string | null): { text: string; mobile: boolean } {
  if (!userAgent) {
    return { text: '', mobile: false };
  }
  const browser =
    [
      ['Edg/', 'Edge'],
      ['OPR/', 'Opera'],
      ['SamsungBrowser', 'Samsung Internet'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Chromium/', 'Chromium'],
      ['Safari/', 'Safari'],
    ].find(([needle]) => userAgent.includes(needle ?? ''))?.[1] ?? '';
  const os =
    [
      ['Android', 'Android'],
      ['iPhone', 'iOS'],
      ['iPad', 'iPadOS'],
      ['Windows', 'Windows'],
      ['Mac OS X', 'macOS'],
      ['CrOS', 'ChromeOS'],
      ['Linux', 'Linux'],
    ].find(([needle]) => userAgent.includes(needle ?? ''))?.[1] ?? '';
  return {
    text: [browser, os].filter(Boolean).join(' · ') || userAgent.slice(0, 60),
    mobile: /Android|iPhone|iPad|Mobile/.test(userAgent),
  };
}

function SessionRow({ session }: { session: SessionItem }) {
  const { t } = useTranslation('profile');
  const format = useFormat();
  const device = describeDevice(session.userAgent);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="session-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {device.mobile ? <IconDeviceMobile size={22} /> : <IconDeviceDesktop size={22} />}
          <div>
            <Text size="sm" fw={500}>
              {device.text || t('sessions.unknownDevice')}
            </Text>
            <Text size="xs" c="dimmed">
              {[session.ip, t('sessions.lastSeen', { time: format.dateTime(session.lastSeenAt) })]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('sessions.signedIn', { time: format.dateTime(session.createdAt) })}
            </Text>
          </div>
        </Group>
        {session.current && (
          <Badge color="green" variant="light" style={{ flexShrink: 0 }}>
            {t('sessions.current')}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

export function SessionsSection() {
  const { t } = useTranslation('profile');
  const sessions = useSessions();
  const logoutEverywhere = useLogoutEverywhere();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);

  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('sessions.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('sessions.text')}
      </Text>
      {sessions.isPending ? (
        <PageLoader />
      ) : sessions.error ? (
        <ErrorAlert error={sessions.error} />
      ) : (
        <Stack gap="xs">
          {sessions.data.items.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </Stack>
      )}
      <Group>
        <Button
          variant="outline"
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={open}
          data-testid="logout-everywhere"
        >
          {t('sessions.logoutEverywhere')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={opened}
        onClose={close}
        title={t('sessions.confirmTitle')}
        message={t('sessions.confirmText')}
        confirmLabel={t('sessions.logoutEverywhere')}
        loading={logoutEverywhere.isPending}
        error={logoutEverywhere.error}
        onConfirm={() =>
          logoutEverywhere.mutate(undefined, { onSuccess: () => void navigate('/sign-in', { replace: true }) })
        }
      />
    </Stack>
  );
}
