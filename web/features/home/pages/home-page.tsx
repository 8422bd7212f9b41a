// Beranda: who you are in PORA (agency, data area) and the places you may go. Figures come with later modules.
import { Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconBuildingEstate,
  IconBuildingFactory2,
  IconChevronRight,
  IconListSearch,
  IconUserCircle,
  IconUserSearch,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../../../../contracts/common';
import { ScopeAreas } from '../../../components/scope-areas';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { can } from '../../../lib/permissions';
import { useSignedInUser } from '../../../lib/signed-in-user';
import { useFormat } from '../../../lib/use-format';

type Destination = { to: string; icon: ReactNode; permission?: Permission } & (
  | { key: 'register' | 'sponsors' | 'offices' | 'agencies' | 'teams' | 'users'; manage: Permission }
  | { key: 'audit' | 'profile' }
);

const destinations: Destination[] = [
  {
    key: 'register',
    to: '/register',
    icon: <IconUserSearch size={22} />,
    permission: 'persons.read',
    manage: 'persons.write',
  },
  {
    key: 'sponsors',
    to: '/register/sponsors',
    icon: <IconBuildingFactory2 size={22} />,
    permission: 'sponsors.read',
    manage: 'sponsors.write',
  },
  {
    key: 'teams',
    to: '/admin/teams',
    icon: <IconUsersGroup size={22} />,
    permission: 'orgs.read',
    manage: 'teams.manage',
  },
  {
    key: 'agencies',
    to: '/admin/agencies',
    icon: <IconBuildingCommunity size={22} />,
    permission: 'orgs.read',
    manage: 'agencies.manage',
  },
  {
    key: 'offices',
    to: '/admin/offices',
    icon: <IconBuildingEstate size={22} />,
    permission: 'orgs.read',
    manage: 'offices.manage',
  },
  { key: 'users', to: '/admin/users', icon: <IconUsers size={22} />, permission: 'users.read', manage: 'users.manage' },
  { key: 'audit', to: '/audit', icon: <IconListSearch size={22} />, permission: 'audit.read' },
  { key: 'profile', to: '/profile', icon: <IconUserCircle size={22} /> },
];

type Greeting = 'morning' | 'midday' | 'afternoon' | 'evening';

/** Pagi, siang, sore, malam — by the hour in the user's own time zone. */
function greetingFor(now: Date, timeZone: string): Greeting {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now));
  if (hour >= 4 && hour < 11) {
    return 'morning';
  }
  if (hour >= 11 && hour < 15) {
    return 'midday';
  }
  if (hour >= 15 && hour < 18) {
    return 'afternoon';
  }
  return 'evening';
}

export function HomePage() {
  const { t } = useTranslation('home');
  const me = useSignedInUser();
  const format = useFormat();
  const kindLabel = useCodeLabel('agency-kinds');
  const greeting = greetingFor(new Date(), format.zone.timeZone);
  const shown = destinations.filter((d) => !d.permission || can(me, d.permission));

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          {t(`greeting.${greeting}`, { name: me.name })}
        </Title>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <div>
            <Text size="xs" c="dimmed">
              {t('agency')}
            </Text>
            <Text fw={600}>{me.agency.name}</Text>
            <Text size="sm" c="dimmed">
              {kindLabel(me.agency.kind)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed" mb={4}>
              {t('scope')}
            </Text>
            <ScopeAreas scope={me.scope} />
            <Text size="xs" c="dimmed" mt={4}>
              {t('zone', { zone: format.zone.abbr })}
            </Text>
          </div>
        </SimpleGrid>
      </Paper>
      <div>
        <Title order={2} fz="lg" mb="sm">
          {t('whatYouCanDo')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {shown.map((destination) => (
            <UnstyledButton
              key={destination.key}
              component={Link}
              to={destination.to}
              data-testid={`home-${destination.key}`}
            >
              <Card withBorder padding="md" radius="md" h="100%">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <ThemeIcon variant="light" size={40} radius="md">
                    {destination.icon}
                  </ThemeIcon>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text fw={600}>{t(`destinations.${destination.key}.title`)}</Text>
                    <Text size="sm" c="dimmed">
                      {'manage' in destination && can(me, destination.manage)
                        ? t(`destinations.${destination.key}.manage`)
                        : t(`destinations.${destination.key}.read`)}
                    </Text>
                  </div>
                  <IconChevronRight size={18} color="var(--mantine-color-dimmed)" />
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}
