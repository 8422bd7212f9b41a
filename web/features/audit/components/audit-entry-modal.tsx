// One audit row in full: who, what, on which object, from where, and its place in the hash chain.
import { Code, Modal, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditItem } from '../../../../contracts/audit';
import { useFormat } from '../../../lib/use-format';
import { useAuditLabels } from './audit-labels';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

export function AuditEntryModal({ entry, onClose }: { entry: AuditItem | null; onClose: () => void }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const labels = useAuditLabels();
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      size="lg"
      title={<Text fw={600}>{entry ? t('entry.title', { seq: entry.seq }) : ''}</Text>}
    >
      {entry && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field label={t('fields.at')}>{format.dateTime(entry.at)}</Field>
            <Field label={t('fields.actor')}>{labels.actor(entry)}</Field>
            <Field label={t('fields.action')}>
              {labels.action(entry.action)} <Code>{entry.action}</Code>
            </Field>
            <Field label={t('fields.object')}>
              {[labels.objectType(entry.objectType), entry.objectId].filter(Boolean).join(' · ')}
            </Field>
            <Field label={t('fields.purpose')}>{entry.purpose}</Field>
            <Field label={t('fields.ip')}>{entry.ip}</Field>
            <Field label={t('fields.requestId')}>{entry.requestId}</Field>
            <Field label={t('fields.actorId')}>{entry.actorId}</Field>
          </SimpleGrid>
          {entry.details && (
            <Field label={t('fields.details')}>
              <ScrollArea.Autosize mah={240}>
                <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
              </ScrollArea.Autosize>
            </Field>
          )}
          <Field label={t('fields.hash')}>
            <Code>{entry.hash}</Code>
          </Field>
          <Field label={t('fields.prevHash')}>
            <Code>{entry.prevHash}</Code>
          </Field>
        </Stack>
      )}
    </Modal>
  );
}
