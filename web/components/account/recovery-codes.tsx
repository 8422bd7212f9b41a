// Recovery codes are shown once: the person copies or downloads them before leaving this screen.
import { Alert, Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function RecoveryCodes({ codes, email }: { codes: readonly string[]; email: string }) {
  const { t } = useTranslation('auth');
  const clipboard = useClipboard({ timeout: 2000 });
  const text = codes.join('\n');

  const download = () => {
    const header = `${t('recovery.fileHeader', { email })}\n${new Date().toISOString()}\n\n`;
    const blob = new Blob([header, text, '\n'], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'pora-kode-pemulihan.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div>
      <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} mb="sm">
        {t('recovery.once')}
      </Alert>
      <Paper withBorder p="md" radius="md" data-testid="recovery-codes">
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          {codes.map((code) => (
            <Text key={code} ff="monospace" fz="md" ta="center">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group mt="sm" gap="xs">
        <Button
          variant="light"
          leftSection={clipboard.copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          onClick={() => clipboard.copy(text)}
          data-testid="recovery-codes-copy"
        >
          {clipboard.copied ? t('recovery.copied') : t('recovery.copy')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          onClick={download}
          data-testid="recovery-codes-download"
        >
          {t('recovery.download')}
        </Button>
      </Group>
      {clipboard.error && (
        <Text size="sm" c="red" mt={4}>
          {t('recovery.copyFailed')}
        </Text>
      )}
    </div>
  );
}
