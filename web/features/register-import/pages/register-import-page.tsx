// The import wizard: choose a file → check the columns PORA recognised (each one editable) → check every row (the
// rejected ones listed with row, column and problem) → save → the outcome, with the rejected rows to download. The
// import's id is in the address, so a reload (or a long import in the background) comes back to the same step.
import { Alert, Anchor, Button, Group, Loader, Progress, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ImportField, RegisterImport } from '../../../../contracts/register-import';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { useFormat } from '../../../lib/use-format';
import { rejectedRowsUrl, useCommitImport, useDryRun, useImport } from '../api/use-register-import';
import { CountsGrid } from '../components/counts-grid';
import { FileStep } from '../components/file-step';
import { MappingTable } from '../components/mapping-table';
import { RowErrorsTable } from '../components/row-errors-table';

function stepOf(item: RegisterImport | undefined, editingMapping: boolean): number {
  if (!item) {
    return 0;
  }
  switch (item.status) {
    case 'uploaded':
      return 1;
    case 'checked':
    case 'failed':
      return editingMapping ? 1 : 2;
    case 'queued':
    case 'running':
      return 3;
    case 'committed':
      // every step done
      return 4;
  }
}

export function RegisterImportPage() {
  const { t } = useTranslation('registerImport');
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const imported = useImport(id);
  const item = id ? imported.data : undefined;
  const [editingMapping, setEditingMapping] = useState(false);
  const step = stepOf(item, editingMapping);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} back={{ to: '/register', label: t('back') }} />
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label={t('steps.file')} />
        <Stepper.Step label={t('steps.mapping')} />
        <Stepper.Step label={t('steps.check')} />
        <Stepper.Step label={t('steps.done')} />
      </Stepper>
      {id && imported.isPending && <Loader />}
      <ErrorAlert error={imported.error} />
      {step === 0 && (
        <FileStep
          onUploaded={(uploaded) => {
            setEditingMapping(false);
            setParams({ id: uploaded.id });
          }}
        />
      )}
      {item && step === 1 && (
        <MappingStep
          key={item.id}
          item={item}
          onChecked={() => {
            setEditingMapping(false);
          }}
        />
      )}
      {item && step === 2 && <CheckStep item={item} onEditMapping={() => setEditingMapping(true)} />}
      {item && step >= 3 && <DoneStep item={item} onAnother={() => setParams({})} />}
    </>
  );
}

function MappingStep({ item, onChecked }: { item: RegisterImport; onChecked: () => void }) {
  const { t } = useTranslation('registerImport');
  const format = useFormat();
  const [mapping, setMapping] = useState<(ImportField | null)[]>(() => item.columns.map((c) => c.field));
  const dryRun = useDryRun(item.id);
  return (
    <>
      <Text size="sm" mb="sm">
        {t('mapping.intro', {
          fileName: item.fileName,
          rows: format.number(item.dataRows),
          headerRow: item.headerRow,
        })}
      </Text>
      {item.duplicateOf && (
        <Alert
          color="yellow"
          variant="light"
          mb="md"
          icon={<IconAlertTriangle size={18} />}
          data-testid="import-duplicate"
        >
          {t('mapping.duplicate', { date: format.dateTime(item.duplicateOf.committedAt) })}
        </Alert>
      )}
      <MappingTable columns={item.columns} mapping={mapping} onChange={setMapping} />
      <Text size="xs" c="dimmed" mt="xs">
        {t('mapping.required')}
      </Text>
      <ErrorAlert error={dryRun.error} />
      <Group mt="md">
        <Button
          onClick={() => dryRun.mutate(mapping, { onSuccess: onChecked })}
          loading={dryRun.isPending}
          data-testid="import-dry-run"
        >
          {t('mapping.check')}
        </Button>
      </Group>
    </>
  );
}

function CheckStep({ item, onEditMapping }: { item: RegisterImport; onEditMapping: () => void }) {
  const { t } = useTranslation('registerImport');
  const format = useFormat();
  const commit = useCommitImport(item.id);
  const counts = item.counts;
  return (
    <>
      {item.status === 'failed' && (
        <Alert color="red" variant="light" mb="md" data-testid="import-failed">
          {t('done.failed', { code: item.failure ?? 'INTERNAL' })}
        </Alert>
      )}
      {counts && (
        <>
          <Text fw={600} mb="sm" data-testid="import-check-summary">
            {t('check.summary', {
              ok: format.number(counts.okRows),
              total: format.number(counts.totalRows),
              rejected: format.number(counts.rejectedRows),
            })}
          </Text>
          <CountsGrid counts={counts} />
        </>
      )}
      <RowErrorsTable item={item} />
      <ErrorAlert error={commit.error} />
      <Group mt="md">
        <Button
          onClick={() => commit.mutate(item.columns.map((c) => c.field))}
          loading={commit.isPending}
          disabled={!counts || counts.okRows === 0}
          leftSection={<IconCheck size={16} />}
          data-testid="import-commit"
        >
          {counts && counts.okRows > 0
            ? t('check.commit', { count: format.number(counts.okRows) })
            : t('check.nothingToSave')}
        </Button>
        <Button variant="default" onClick={onEditMapping} data-testid="import-edit-mapping">
          {t('check.changeMapping')}
        </Button>
        {item.errorCount > 0 && (
          <Button
            variant="subtle"
            component="a"
            href={rejectedRowsUrl(item.id)}
            leftSection={<IconDownload size={16} />}
            data-testid="import-rejected-download"
          >
            {t('done.rejectedFile')}
          </Button>
        )}
      </Group>
    </>
  );
}

function DoneStep({ item, onAnother }: { item: RegisterImport; onAnother: () => void }) {
  const { t } = useTranslation('registerImport');
  const format = useFormat();
  if (item.status === 'queued' || item.status === 'running') {
    const share = item.dataRows > 0 ? (item.processedRows / item.dataRows) * 100 : 0;
    return (
      <>
        <Text size="sm" mb="xs" data-testid="import-running">
          {t('running', { processed: format.number(item.processedRows), total: format.number(item.dataRows) })}
        </Text>
        <Progress value={share} animated />
      </>
    );
  }
  const counts = item.counts;
  return (
    <>
      <Alert
        color="teal"
        variant="light"
        icon={<IconCheck size={18} />}
        title={t('done.title')}
        mb="md"
        data-testid="import-done"
        aria-live="polite"
      >
        {counts &&
          t('done.summary', {
            newPersons: format.number(counts.newPersons),
            updatedPersons: format.number(counts.updatedPersons),
            unchangedRows: format.number(counts.unchangedRows),
            rejectedRows: format.number(counts.rejectedRows),
          })}
      </Alert>
      {counts && <CountsGrid counts={counts} />}
      <RowErrorsTable item={item} />
      <Group mt="md">
        {item.errorCount > 0 && (
          <Button
            component="a"
            href={rejectedRowsUrl(item.id)}
            leftSection={<IconDownload size={16} />}
            data-testid="import-rejected-download"
          >
            {t('done.rejectedFile')}
          </Button>
        )}
        <Anchor component={Link} to="/register" data-testid="import-to-register">
          {t('done.toRegister')}
        </Anchor>
        <Anchor component="button" type="button" onClick={onAnother}>
          {t('done.another')}
        </Anchor>
      </Group>
    </>
  );
}
