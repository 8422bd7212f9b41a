// The spreadsheet channel: download the template, upload a CSV or XLSX of guests (check first with a dry run), and
// read every row's result — the rejected rows with their sheet row and the reason.
import { Alert, Anchor, Badge, Button, Checkbox, FileInput, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { API_BASE } from '../../../lib/api-client';
import { useBatch } from '../api/use-batch';
import { useUploadStays } from '../api/use-upload-stays';
import { rowFieldLabel } from '../utils/row-field';

export function UploadForm({ accommodationId }: { accommodationId: string }) {
  const { t } = useTranslation('stays');
  const upload = useUploadStays();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [batchId, setBatchId] = useState<string | null>(null);
  const batch = useBatch(batchId);
  const rejected = (batch.data?.rows ?? []).filter((r) => r.status === 'rejected');
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md">
      <Stack gap="sm">
        <Text size="sm">{t('upload.hint')}</Text>
        <Group gap="md">
          <Anchor href={`${API_BASE}/stays/uploads/template?lang=id`} size="sm">
            <IconDownload size={14} /> {t('upload.templateId')}
          </Anchor>
          <Anchor href={`${API_BASE}/stays/uploads/template?lang=en`} size="sm">
            <IconDownload size={14} /> {t('upload.templateEn')}
          </Anchor>
        </Group>
        <FileInput
          label={t('upload.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          clearable
        />
        <Checkbox label={t('upload.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
        <Group>
          <Button
            leftSection={<IconUpload size={16} />}
            disabled={!file}
            loading={upload.isPending}
            onClick={() =>
              file && upload.mutate({ file, accommodationId, dryRun }, { onSuccess: (r) => setBatchId(r.batchId) })
            }
          >
            {dryRun ? t('upload.check') : t('upload.send')}
          </Button>
        </Group>
        <ErrorAlert error={upload.error ?? batch.error} />
        {batch.data && (
          <Alert color={batch.data.status === 'accepted' ? 'green' : batch.data.status === 'rejected' ? 'red' : 'blue'}>
            <Stack gap={4}>
              <Group gap="xs">
                <Badge>{t(`batchStatus.${batch.data.status}`)}</Badge>
                {batch.data.dryRun && <Badge variant="light">{t('upload.dryRunBadge')}</Badge>}
              </Group>
              <Text size="sm">
                {t('upload.counts', { accepted: batch.data.acceptedCount, rejected: batch.data.rejectedCount })}
              </Text>
            </Stack>
          </Alert>
        )}
        {rejected.length > 0 && (
          <Table.ScrollContainer minWidth={360}>
            <Table striped>
              <Table.Tbody>
                {rejected.slice(0, 200).map((r) => (
                  <Table.Tr key={r.index}>
                    <Table.Td>{r.ref ?? r.index + 1}</Table.Td>
                    <Table.Td>
                      {r.errors.map((e) => (
                        <Text key={`${e.field}-${e.code}`} size="xs">
                          {rowFieldLabel(e.field, (key) => t(key))}:{' '}
                          {t(`errors:${e.code}`, { defaultValue: e.message })}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
