// The frame of the pages used without signing in (sign-in, accommodation registration, receipt verification): mark,
// language switch and one narrow column that suits a phone.
import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { PoraMark } from './pora-mark';

/** The page's background with the mark and the language switch on top; sets the document title. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · PORA`);
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" p="md">
        <Group gap={8}>
          <PoraMark size={28} />
          <Text fw={700}>{t('appName')}</Text>
        </Group>
        <LanguageSwitch />
      </Group>
      {children}
    </Box>
  );
}

export function PublicFrame({
  title,
  subtitle,
  width = 560,
  children,
}: {
  title: string;
  subtitle?: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <PublicPage title={title}>
      <Stack maw={width} mx="auto" px="md" pb="xl" gap="md">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {title}
          </Title>
          {subtitle && <Text c="dimmed">{subtitle}</Text>}
        </Stack>
        {children}
        <Text size="xs" c="dimmed" ta="center">
          {t('appTagline')}
        </Text>
      </Stack>
    </PublicPage>
  );
}
