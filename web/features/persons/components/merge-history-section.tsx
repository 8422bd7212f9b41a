// The merges a record took part in: which record went into which, when, by whom and why, and undone ones. On the
// record that remained, an active merge can be undone ("Batalkan penggabungan") with a reason; the server refuses
// when the undo could not be exact, and says why.
import { Anchor, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonDetail, PersonMergeItem } from '../../../../contracts/persons';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useFormat } from '../../../lib/use-format';
import { useUndoMerge } from '../api/use-merge-person';

function PersonLink({ id, name, self }: { id: string; name: string | null; self: boolean }) {
  const { t } = useTranslation('persons');
  if (self) {
    return (
      <Text span fw={600}>
        {t('merge.thisRecordShort')}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/register/${id}`} fw={600}>
      {name ?? t('merge.hiddenRecord')}
    </Anchor>
  );
}

export function MergeHistorySection({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation('persons');
  const format = useFormat();
  const undo = useUndoMerge();
  const [undoing, setUndoing] = useState<PersonMergeItem | null>(null);
  const [reason, setReason] = useState('');

  const close = () => {
    setUndoing(null);
    setReason('');
    undo.reset();
  };
  const confirm = () => {
    if (undoing && reason.trim() !== '') {
      undo.mutate(
        { sourceId: undoing.source.id, targetId: undoing.target.id, reason: reason.trim() },
        { onSuccess: close },
      );
    }
  };

  return (
    <Stack gap="sm">
      {person.merges.map((m) => {
        const active = m.undoneAt === null;
        const undoable = canWrite && active && m.target.id === person.id && person.mergedInto === null;
        return (
          <Stack key={m.id} gap={4} data-testid="merge-item">
            <Group gap="xs" wrap="wrap">
              <PersonLink id={m.source.id} name={m.source.name} self={m.source.id === person.id} />
              <Text span size="sm">
                {t('merge.into')}
              </Text>
              <PersonLink id={m.target.id} name={m.target.name} self={m.target.id === person.id} />
              <Badge color={active ? 'blue' : 'gray'} variant="light" tt="none">
                {active ? t('merge.active') : t('merge.undone')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('merge.when', { date: format.dateTime(m.mergedAt), by: m.mergedBy ?? '—' })} · {m.reason}
            </Text>
            <Text size="sm" c="dimmed">
              {t('merge.movedCounts', m.moved)}
            </Text>
            {m.undoneAt && (
              <Text size="sm" c="dimmed">
                {t('merge.undoneWhen', { date: format.dateTime(m.undoneAt), by: m.undoneBy ?? '—' })}
                {m.undoReason ? ` · ${m.undoReason}` : ''}
              </Text>
            )}
            {undoable && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconArrowBackUp size={14} />}
                  onClick={() => setUndoing(m)}
                  data-testid="merge-undo"
                >
                  {t('merge.undo')}
                </Button>
              </Group>
            )}
          </Stack>
        );
      })}
      <ConfirmDialog
        opened={undoing !== null}
        title={t('merge.undoTitle')}
        message={
          <Stack gap="sm">
            <Text size="sm">{t('merge.undoText')}</Text>
            <Textarea
              label={t('merge.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
              required
              data-testid="merge-undo-reason"
            />
          </Stack>
        }
        confirmLabel={t('merge.undo')}
        loading={undo.isPending}
        error={undo.error}
        onConfirm={confirm}
        onClose={close}
      />
    </Stack>
  );
}
