// The frame of the screens before the app: mark, title, language switch, centred on any screen size.
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicPage } from '../../../components/public-frame';

export function AuthFrame({
  title,
  subtitle,
  children,
  width = 420,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <PublicPage title={title}>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={width} gap="md">
          <Stack gap={4} ta="center">
            <Title order={1} fz={{ base: 24, sm: 28 }}>
              {title}
            </Title>
            {subtitle && <Text c="dimmed">{subtitle}</Text>}
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
            {children}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t('appTagline')}
          </Text>
        </Stack>
      </Center>
    </PublicPage>
  );
}
