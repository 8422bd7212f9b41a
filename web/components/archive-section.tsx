// Archive instead of delete: an archived record leaves the lists and can no longer be changed, until restored.
// ArchivedNotice says so at the top of an archived record (with "restore"); ArchiveButton archives an active one.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/use-format';
import { ConfirmDialog } from './confirm-dialog';

type Mutation = UseMutationResult<unknown, Error, void, unknown>;

function useConfirmedMutation(mutation: Mutation, doneMessage: string) {
  const [opened, { open, close }] = useDisclosure(false);
  const confirm = () =>
    mutation.mutate(undefined, {
      onSuccess: () => {
        close();
        notifications.show({ color: 'green', message: doneMessage });
      },
    });
  const cancel = () => {
    mutation.reset();
    close();
  };
  return { opened, open, confirm, cancel };
}

export function ArchivedNotice({
  archivedAt,
  unarchive,
  message,
  canManage,
}: {
  archivedAt: string | null;
  unarchive: Mutation;
  /** what restoring means, in a sentence */
  message: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const dialog = useConfirmedMutation(unarchive, t('notify.unarchived'));
  if (!archivedAt) {
    return null;
  }
  return (
    <Alert color="gray" icon={<IconArchive size={18} />} title={t('status.archived')}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('archive.since', { date: format.dateTime(archivedAt) })}</Text>
        {canManage && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconArchiveOff size={14} />}
            onClick={dialog.open}
            data-testid="unarchive"
          >
            {t('actions.unarchive')}
          </Button>
        )}
      </Group>
      <ConfirmDialog
        opened={dialog.opened}
        onClose={dialog.cancel}
        title={t('confirm.unarchiveTitle')}
        message={message}
        confirmLabel={t('actions.unarchive')}
        color="pora"
        loading={unarchive.isPending}
        error={unarchive.error}
        onConfirm={dialog.confirm}
      />
    </Alert>
  );
}

export function ArchiveButton({
  archive,
  message,
  label,
}: {
  archive: Mutation;
  /** what archiving this record means, in a sentence */
  message: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const dialog = useConfirmedMutation(archive, t('notify.archived'));
  return (
    <>
      <Button
        variant="outline"
        color="red"
        leftSection={<IconArchive size={16} />}
        onClick={dialog.open}
        data-testid="archive"
      >
        {label ?? t('actions.archive')}
      </Button>
      <ConfirmDialog
        opened={dialog.opened}
        onClose={dialog.cancel}
        title={t('confirm.archiveTitle')}
        message={message}
        confirmLabel={label ?? t('actions.archive')}
        loading={archive.isPending}
        error={archive.error}
        onConfirm={dialog.confirm}
      />
    </>
  );
}
