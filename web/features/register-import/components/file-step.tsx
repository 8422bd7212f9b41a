// Step 1: choose the spreadsheet and upload it; the server finds the header row and recognises the columns.
import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterImport } from '../../../../contracts/register-import';
import { ErrorAlert } from '../../../components/error-alert';
import { useUploadImport } from '../api/use-register-import';

export function FileStep({ onUploaded }: { onUploaded: (item: RegisterImport) => void }) {
  const { t } = useTranslation('registerImport');
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImport();
  return (
    <Stack gap="sm" maw={560}>
      <FileInput
        label={t('file.label')}
        placeholder={t('file.placeholder')}
        description={t('file.hint')}
        accept=".xlsx,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={file}
        onChange={(value) => {
          setFile(value);
          upload.reset();
        }}
        clearable
        data-testid="import-file"
      />
      <ErrorAlert error={upload.error} testId="import-upload-error" />
      <Group>
        <Button
          leftSection={<IconUpload size={16} />}
          disabled={!file}
          loading={upload.isPending}
          onClick={() => file && upload.mutate(file, { onSuccess: onUploaded })}
          data-testid="import-upload"
        >
          {t('file.upload')}
        </Button>
        {upload.isPending && (
          <Text size="sm" c="dimmed">
            {t('file.uploading')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
