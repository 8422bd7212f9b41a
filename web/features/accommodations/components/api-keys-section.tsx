// A property's API keys: create one (its secret shown once, with a copy button), see when each was last used, revoke.
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyItem } from '../../../../contracts/accommodations';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/use-format';
import { useApiKeys } from '../api/use-api-keys';
import { useCreateApiKey } from '../api/use-create-api-key';
import { useRevokeApiKey } from '../api/use-revoke-api-key';

function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation('accommodations');
  return (
    <Modal opened={secret !== null} onClose={onClose} title={<Text fw={600}>{t('keys.createdTitle')}</Text>} centered>
      <Stack gap="md">
        <Alert color="yellow" variant="light">
          {t('keys.createdText')}
        </Alert>
        <Code block style={{ wordBreak: 'break-all' }} data-testid="api-key-secret">
          {secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                color={copied ? 'green' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
                data-testid="api-key-copy"
              >
                {copied ? t('keys.copied') : t('keys.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="api-key-done">
            {t('keys.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ApiKeysSection({ accommodationId, canCreate }: { accommodationId: string; canCreate: boolean }) {
  const { t } = useTranslation('accommodations');
  const format = useFormat();
  const keys = useApiKeys(accommodationId);
  const create = useCreateApiKey(accommodationId);
  const revoke = useRevokeApiKey(accommodationId);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyItem | null>(null);
  // Kept after closing, so the dialog does not lose its text while it fades out.
  const [revokeName, setRevokeName] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      return;
    }
    try {
      const created = await create.mutateAsync(name.trim());
      setSecret(created.secret);
      setName('');
    } catch {
      // shown below the form
    }
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" data-testid="api-keys">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('keys.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('keys.description')}
          </Text>
        </Stack>
        {canCreate ? (
          <form onSubmit={submit}>
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('keys.name')}
                placeholder={t('keys.namePlaceholder')}
                maxLength={100}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                style={{ flex: 1, minWidth: 200 }}
                data-testid="api-key-name"
              />
              <Button
                type="submit"
                leftSection={<IconKey size={16} />}
                loading={create.isPending}
                disabled={name.trim() === ''}
                data-testid="api-key-create"
              >
                {t('keys.create')}
              </Button>
            </Group>
          </form>
        ) : (
          <Alert color="gray" variant="light">
            {t('keys.notActive')}
          </Alert>
        )}
        <ErrorAlert error={create.error ?? keys.error} />
        {keys.data && keys.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('keys.empty')}
          </Text>
        )}
        {keys.data && keys.data.items.length > 0 && (
          <Stack gap={0} data-testid="api-key-list">
            {keys.data.items.map((key) => (
              <Group
                key={key.id}
                justify="space-between"
                wrap="nowrap"
                py="xs"
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                data-testid="api-key-row"
              >
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Text fw={600} size="sm">
                      {key.name}
                    </Text>
                    <Code>{key.hint}…</Code>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('keys.createdAt')} {format.dateTime(key.createdAt)} · {t('keys.lastUsedAt')}{' '}
                    {key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('keys.never')}
                  </Text>
                </Stack>
                {key.revokedAt ? (
                  <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
                    {t('keys.revoked')}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    style={{ flexShrink: 0 }}
                    onClick={() => {
                      setRevoking(key);
                      setRevokeName(key.name);
                    }}
                    data-testid="api-key-revoke"
                  >
                    {t('keys.revoke')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('keys.revokeTitle')}
        message={t('keys.revokeMessage', { name: revokeName })}
        confirmLabel={t('keys.revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          if (revoking) {
            void revoke
              .mutateAsync(revoking.id)
              .then(() => setRevoking(null))
              .catch(() => undefined);
          }
        }}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </Paper>
  );
}
