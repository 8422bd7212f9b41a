// The one-time password is shown once: the admin passes it on; the user must change it at first sign-in.
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function OneTimePasswordModal({
  result,
  title,
  onClose,
}: {
  result: { email: string; password: string } | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  return (
    <Modal
      opened={result !== null}
      onClose={onClose}
      title={<Text fw={600}>{title}</Text>}
      closeOnClickOutside={false}
      centered
    >
      {result && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('otp.once')}
          </Alert>
          <div>
            <Text size="sm" c="dimmed">
              {t('fields.email')}
            </Text>
            <Text fw={500}>{result.email}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('otp.password')}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code fz="lg" p="xs" data-testid="one-time-password" style={{ wordBreak: 'break-all' }}>
                {result.password}
              </Code>
              <CopyButton value={result.password}>
                {({ copied, copy }) => (
                  <Button
                    variant="light"
                    size="xs"
                    onClick={copy}
                    leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  >
                    {copied ? t('otp.copied') : t('otp.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </div>
          <Text size="sm" c="dimmed">
            {t('otp.next')}
          </Text>
          <Button onClick={onClose} data-testid="one-time-password-done">
            {t('otp.done')}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
