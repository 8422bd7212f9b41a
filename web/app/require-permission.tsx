// A section of the app that needs a permission: without it, a clear "no access" page instead of failing requests.
import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import type { Permission } from '../../contracts/common';
import { can } from '../lib/permissions';
import { useSignedInUser } from '../lib/signed-in-user';

export function RequirePermission({ permission }: { permission: Permission }) {
  const me = useSignedInUser();
  const { t } = useTranslation();
  if (can(me, permission)) {
    return <Outlet />;
  }
  return (
    <Center mih="50dvh" p="md">
      <Stack align="center" gap="sm" ta="center" maw={480}>
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconLock size={30} />
        </ThemeIcon>
        <Title order={2}>{t('forbidden.title')}</Title>
        <Text c="dimmed">{t('forbidden.description')}</Text>
      </Stack>
    </Center>
  );
}
