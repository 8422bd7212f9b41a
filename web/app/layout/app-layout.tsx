// The frame of every signed-in page: header with the user menu, navigation (a drawer behind a burger on phones).
import { AppShell, Burger, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { PoraMark } from '../../components/pora-mark';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { useSignedInUser } from '../../lib/signed-in-user';
import { Navigation } from './navigation';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const me = useSignedInUser();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeNavigation') : t('nav.openNavigation')}
              data-testid="nav-burger"
            />
            <UnstyledButton component={Link} to="/" aria-label={t('nav.home')}>
              <Group gap={8} wrap="nowrap">
                <PoraMark size={28} />
                <Text fw={700} size="lg">
                  {t('appName')}
                </Text>
                <Text size="sm" c="dimmed" visibleFrom="md">
                  {t('appTagline')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation me={me} onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" pt="sm" truncate>
            {me.agency.name}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
