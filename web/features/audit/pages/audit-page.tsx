// The audit log for auditors: who did what to which object and when, filtered, and the hash-chain check.
import { Autocomplete, Button, Code, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditItem } from '../../../../contracts/audit';
import { DataList } from '../../../components/data-list';
import { FilterPanel } from '../../../components/filter-panel';
import { ListFooter } from '../../../components/list-footer';
import { PageHeader } from '../../../components/page-header';
import { UserSelect } from '../../../components/user-select';
import { endOfDay, startOfDay } from '../../../lib/format';
import { useFormat } from '../../../lib/use-format';
import { useListState } from '../../../lib/use-list-state';
import { useAuditLog } from '../api/use-audit-log';
import { useVerifyAudit } from '../api/use-verify-audit';
import { AuditEntryModal } from '../components/audit-entry-modal';
import { knownActions, knownObjectTypes, useAuditLabels } from '../components/audit-labels';
import { VerifyChainButton, VerifyChainResult } from '../components/verify-chain';

const actionPattern = /^[a-z0-9_.]{1,100}$/;

export function AuditPage() {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const labels = useAuditLabels();
  const verify = useVerifyAudit();
  const list = useListState(['actor', 'action', 'objectType', 'objectId', 'from', 'to'] as const);
  const { filters } = list;
  const [action, setAction] = useState(filters.action);
  const [objectId, setObjectId] = useState(filters.objectId);
  const [opened, setOpened] = useState<AuditItem | null>(null);
  const actionValid = !filters.action || actionPattern.test(filters.action);

  const log = useAuditLog(
    {
      actorId: filters.actor || undefined,
      action: filters.action || undefined,
      objectType: filters.objectType || undefined,
      objectId: filters.objectId || undefined,
      from: filters.from ? startOfDay(filters.from, format.zone) : undefined,
      to: filters.to ? endOfDay(filters.to, format.zone) : undefined,
      limit: list.limit,
      offset: list.offset,
    },
    actionValid,
  );

  const commitAction = (value: string) => {
    setAction(value);
    const trimmed = value.trim();
    if (!trimmed || actionPattern.test(trimmed)) {
      list.setFilter('action', trimmed || null);
    }
  };

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<VerifyChainButton verify={verify} />} />
      <Stack gap="md">
        <VerifyChainResult verify={verify} />
        <FilterPanel
          activeCount={
            [filters.actor, filters.action, filters.objectType, filters.objectId, filters.from].filter(Boolean).length
          }
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" w="100%">
            <UserSelect
              label={t('fields.actor')}
              placeholder={t('filters.actorPlaceholder')}
              value={filters.actor || null}
              onChange={(value) => list.setFilter('actor', value)}
              clearable
              data-testid="audit-filter-actor"
            />
            <Autocomplete
              label={t('fields.action')}
              placeholder={t('filters.actionPlaceholder')}
              data={knownActions.map((code) => ({ value: code, label: `${code} — ${labels.action(code)}` }))}
              value={action}
              onChange={commitAction}
              error={action.trim() && !actionPattern.test(action.trim()) ? t('filters.actionInvalid') : undefined}
              limit={12}
              clearable
              data-testid="audit-filter-action"
            />
            <Select
              label={t('fields.objectType')}
              placeholder={t('filters.any')}
              data={knownObjectTypes.map((code) => ({ value: code, label: labels.objectType(code) }))}
              value={filters.objectType || null}
              onChange={(value) => list.setFilter('objectType', value)}
              clearable
              data-testid="audit-filter-object-type"
            />
            <TextInput
              label={t('fields.objectId')}
              placeholder={t('filters.objectIdPlaceholder')}
              value={objectId}
              onChange={(event) => setObjectId(event.currentTarget.value)}
              onBlur={() => list.setFilter('objectId', objectId.trim() || null)}
              onKeyDown={(event) => event.key === 'Enter' && list.setFilter('objectId', objectId.trim() || null)}
              data-testid="audit-filter-object-id"
            />
            <DatePickerInput
              type="range"
              label={t('filters.dateRange', { zone: format.zone.abbr })}
              placeholder={t('filters.dateRangePlaceholder')}
              valueFormat="D MMM YYYY"
              clearable
              allowSingleDateInRange
              value={[filters.from || null, filters.to || null]}
              onChange={([from, to]) => list.setFilters({ from, to: to ?? from })}
              maxDate={new Date()}
              data-testid="audit-filter-dates"
            />
            <Group align="flex-end">
              {list.hasFilters && (
                <Button
                  variant="subtle"
                  leftSection={<IconFilterOff size={16} />}
                  onClick={() => {
                    setAction('');
                    setObjectId('');
                    list.clear();
                  }}
                >
                  {tc('actions.clearFilters')}
                </Button>
              )}
            </Group>
          </SimpleGrid>
        </FilterPanel>
        <DataList
          rows={log.data?.items}
          isPending={log.isPending && actionValid}
          error={log.error}
          emptyText={list.hasFilters ? tc('list.noResults') : t('empty')}
          rowKey={(entry) => String(entry.seq)}
          titleHeader={t('fields.at')}
          rowTitle={(entry) => (
            <Text
              component="button"
              type="button"
              fw={600}
              size="sm"
              onClick={() => setOpened(entry)}
              style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', textAlign: 'left' }}
              c="pora.8"
              td="underline"
            >
              {format.dateTime(entry.at)}
            </Text>
          )}
          testId="audit-list"
          rowTestId="audit-row"
          columns={[
            { key: 'actor', header: t('fields.actor'), render: (entry) => labels.actor(entry) },
            {
              key: 'action',
              header: t('fields.action'),
              render: (entry) => (
                <Stack gap={0}>
                  <Text size="sm">{labels.action(entry.action)}</Text>
                  <Code fz="xs" w="fit-content">
                    {entry.action}
                  </Code>
                </Stack>
              ),
            },
            {
              key: 'object',
              header: t('fields.object'),
              render: (entry) =>
                [labels.objectType(entry.objectType), entry.objectId ? `${entry.objectId.slice(0, 8)}…` : null]
                  .filter(Boolean)
                  .join(' · '),
            },
            { key: 'seq', header: '#', render: (entry) => format.number(entry.seq), width: 80 },
          ]}
        />
        <ListFooter total={log.data?.total} page={list.page} pageSize={list.limit} onPage={list.setPage} />
      </Stack>
      <AuditEntryModal entry={opened} onClose={() => setOpened(null)} />
    </>
  );
}
