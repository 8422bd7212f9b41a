// A whole-screen message for failures outside a page: the server unreachable, a crash while rendering.
import { Button, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';

export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Center mih="70dvh" p="md">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <ThemeIcon size={56} radius="xl" color="red" variant="light">
          <IconAlertTriangle size={32} />
        </ThemeIcon>
        <Title order={2}>{t('errorPage.title')}</Title>
        <Text c="dimmed">{errorMessage(error)}</Text>
        <Group justify="center">
          <Button onClick={onRetry ?? (() => window.location.reload())}>{t('errorPage.retry')}</Button>
          <Button variant="default" component="a" href="/">
            {t('errorPage.home')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
